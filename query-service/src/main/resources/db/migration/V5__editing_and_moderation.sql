-- Issue 17, editing and moderation. A contribution's state: VISIBLE, RETRACTED (by its author) or HIDDEN (by a
-- leader, hidden_reason saying why); feeds and search list only VISIBLE ones, a thread shows the others as a
-- placeholder. edited_at: the last edit (title and body are always the current ones; the search column follows).
ALTER TABLE contribution ADD COLUMN state text NOT NULL DEFAULT 'VISIBLE';
ALTER TABLE contribution ADD COLUMN edited_at timestamptz;
ALTER TABLE contribution ADD COLUMN hidden_reason text;

-- A contribution's history (GET /api/contributions/{id}/history), kept only once it changes: its first change
-- copies the text as posted (change POSTED, sequence 0), then one row per edit, retraction or hiding, by the
-- event's aggregate sequence.
CREATE TABLE contribution_change (
    contribution_id uuid        NOT NULL,
    sequence        bigint      NOT NULL,
    change          text        NOT NULL,
    actor_id        text        NOT NULL,
    changed_at      timestamptz NOT NULL,
    title           text,
    body            text,
    reason          text,
    PRIMARY KEY (contribution_id, sequence)
);
