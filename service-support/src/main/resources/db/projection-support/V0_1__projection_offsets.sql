-- Owned by service-support's projection machinery (see service-support/PROJECTIONS.md).
-- Kafka offsets live here, written in the same transaction as the projection's rows: this table, not
-- Kafka's committed group offsets, says where each projection resumes.
CREATE TABLE projection_offset (
    projection  text        NOT NULL,
    topic       text        NOT NULL,
    partition   integer     NOT NULL,
    next_offset bigint      NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (projection, topic, partition)
);

-- The highest event sequence applied per aggregate: a redelivered event (same aggregate and sequence at
-- a later offset) is recognised here and skipped.
CREATE TABLE projection_aggregate_position (
    projection    text   NOT NULL,
    aggregate_id  text   NOT NULL,
    last_sequence bigint NOT NULL,
    PRIMARY KEY (projection, aggregate_id)
);
