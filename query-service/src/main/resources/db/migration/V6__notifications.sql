-- V6, not V4/V5: main has V4__segments.sql and the editing branch its own V4 (to become V5); Flyway runs
-- out-of-order here (application.yml), so the gap and any later-merged lower version are applied as well.
-- Notifications (issue 17 item 6): a member is told when their question is answered, their answer accepted,
-- they are thanked, or an outcome credits their work. Written by QueryProjection in the batch's transaction.
-- notification_id is a name-based UUID of the causing event's id and the recipient (QueryProjection.notificationId),
-- so a redelivered or replayed event finds its row already there (ON CONFLICT DO NOTHING).
-- read_at is the member's own state, not derived from events: a projection reset keeps this table (the replay
-- finds every row by its id), so a rebuild neither loses read marks nor brings old notifications back unread.
CREATE TABLE notification (
    notification_id uuid        PRIMARY KEY,
    event_id        uuid        NOT NULL,
    recipient_id    text        NOT NULL,
    -- ANSWERED, ACCEPTED, THANKED, CREDITED
    kind            text        NOT NULL,
    community_id    uuid        NOT NULL,
    -- the recipient's contribution it is about: their question (ANSWERED), answer (ACCEPTED), thanked
    -- contribution (THANKED), first credited contribution (CREDITED; null when the read model holds none)
    contribution_id uuid,
    -- the answer that was posted (ANSWERED), the question (ACCEPTED), the outcome (CREDITED); null for THANKED
    related_id      uuid,
    actor_id        text        NOT NULL,
    created_at      timestamptz NOT NULL,
    read_at         timestamptz
);
-- A member's list, newest first, keyset-paged.
CREATE INDEX notification_by_recipient ON notification (recipient_id, created_at DESC, notification_id DESC);
-- The unread count.
CREATE INDEX notification_unread ON notification (recipient_id) WHERE read_at IS NULL;
-- The live stream finds a batch's notifications by the events that caused them.
CREATE INDEX notification_by_event ON notification (event_id);

-- Who reacted how to what, and when (ReactionGiven): the weekly digest's reactions given and received.
-- Derived like the feed rows: a reset empties it. Rows exist for reactions applied since this migration
-- (or since the last rebuild).
CREATE TABLE reaction (
    contribution_id uuid        NOT NULL,
    member_id       text        NOT NULL,
    kind            text        NOT NULL,
    community_id    uuid        NOT NULL,
    -- the contribution's author (ReactionGiven.contributionAuthorId)
    author_id       text,
    given_at        timestamptz NOT NULL,
    PRIMARY KEY (contribution_id, member_id, kind)
);
CREATE INDEX reaction_by_member ON reaction (member_id, given_at);
CREATE INDEX reaction_by_author ON reaction (author_id, given_at);

-- The weekly digests the scheduled job sent (or is sending): one row per member and week, claimed before
-- sending, so a restarted job or a second instance never sends a week's digest twice. Not derived from events.
CREATE TABLE digest_sent (
    member_id  text        NOT NULL,
    week_start date        NOT NULL,
    sent_at    timestamptz NOT NULL,
    PRIMARY KEY (member_id, week_start)
);
