-- People segments (issue 17): each member's segments in a community as the events recorded them
-- (CommunityFounded v2 for the founder, MemberJoined v2, MemberSegmentsChanged), kept as a history so the
-- per-segment figures can be read as of any instant. Kept by the default lane, like the memberships.
CREATE TABLE member_segments (
    community_id uuid        NOT NULL,
    member_id    text        NOT NULL,
    event_id     uuid        NOT NULL,
    recorded_at  timestamptz NOT NULL,
    -- the order the rows were written in: the later of two records at the same instant wins
    seq          bigserial   NOT NULL,
    segments     text[]      NOT NULL,
    PRIMARY KEY (community_id, member_id, event_id)
);
CREATE INDEX member_segments_as_of ON member_segments (community_id, member_id, recorded_at DESC, seq DESC);
