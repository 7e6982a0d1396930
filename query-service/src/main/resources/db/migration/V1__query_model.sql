-- query-service's read model, built only from the domain events (see QueryProjection).

CREATE TABLE community (
    community_id uuid        PRIMARY KEY,
    name         text        NOT NULL,
    purpose      text        NOT NULL,
    founded_at   timestamptz NOT NULL,
    member_count integer     NOT NULL DEFAULT 0
);

CREATE TABLE community_member (
    community_id uuid        NOT NULL,
    member_id    text        NOT NULL,
    purpose      text,
    leader       boolean     NOT NULL DEFAULT false,
    joined_at    timestamptz NOT NULL,
    PRIMARY KEY (community_id, member_id)
);
-- The home feed starts from the caller's memberships.
CREATE INDEX community_member_by_member ON community_member (member_id, community_id);

CREATE TABLE contribution (
    contribution_id    uuid        PRIMARY KEY,
    community_id       uuid        NOT NULL,
    author_id          text        NOT NULL,
    kind               text        NOT NULL,
    title              text,
    body               text        NOT NULL,
    in_reply_to        uuid,
    posted_at          timestamptz NOT NULL,
    like_count         integer     NOT NULL DEFAULT 0,
    thanks_count       integer     NOT NULL DEFAULT 0,
    useful_count       integer     NOT NULL DEFAULT 0,
    answer_count       integer     NOT NULL DEFAULT 0,
    accepted_answer_id uuid
);
-- Keyset pagination of a community's feed (and, per community, of the home feed): newest first.
CREATE INDEX contribution_feed ON contribution (community_id, posted_at DESC, contribution_id DESC);
-- A question's answers, oldest first.
CREATE INDEX contribution_answers ON contribution (in_reply_to, posted_at, contribution_id) WHERE in_reply_to IS NOT NULL;
