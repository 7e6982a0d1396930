-- What-if up to a point (issue 13, item 6): a version created with "until" applies only the events that occurred
-- at or before that instant; later events are read (its offsets move on, so it catches up) but change nothing.
-- Null: no limit (every version before this migration, and the configured ones).
ALTER TABLE model_version ADD COLUMN replay_until timestamptz;
