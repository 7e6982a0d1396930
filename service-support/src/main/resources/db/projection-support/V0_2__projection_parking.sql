-- Owned by service-support's projection machinery (see service-support/PROJECTIONS.md).
-- Every writer of a partition's state (a consumer's batch, an operator's retry or skip) bumps the version,
-- so a consumer whose cached view of the partition is stale sees its batch refused and reloads.
ALTER TABLE projection_offset ADD COLUMN version bigint NOT NULL DEFAULT 0;

-- Dead letters: records a projection could not apply, and the records held behind them (later events of
-- the same aggregate, or of one that refers to it), kept until applied, found redelivered or skipped.
CREATE TABLE projection_parked (
    id               bigserial   PRIMARY KEY,
    projection       text        NOT NULL,
    topic            text        NOT NULL,
    partition        integer     NOT NULL,
    "offset"         bigint      NOT NULL,
    record_key       text,
    aggregate_id     text,
    sequence         bigint,
    event_id         uuid,
    event_type       text,
    schema_version   integer,
    -- the aggregate whose later events wait behind this record (its own; the record key if undecodable)
    hold_key         text,
    -- UNDECODABLE, UNKNOWN_TYPE, UNSUPPORTED_VERSION, MALFORMED_PAYLOAD, FAILED, GAP, BEHIND
    reason           text        NOT NULL,
    waiting_for      text,
    missing_sequence bigint,
    value            bytea,
    error_message    text,
    error_stack      text,
    attempts         integer     NOT NULL DEFAULT 1,
    -- PARKED, APPLIED, SKIPPED, DUPLICATE
    state            text        NOT NULL DEFAULT 'PARKED',
    parked_at        timestamptz NOT NULL DEFAULT now(),
    resolved_at      timestamptz,
    UNIQUE (projection, topic, partition, "offset")
);

CREATE INDEX projection_parked_open ON projection_parked (projection, topic, partition, "offset")
    WHERE state = 'PARKED';

-- What operators did to a projection: who, when, what, why, and what came of it.
CREATE TABLE projection_action (
    id         bigserial   PRIMARY KEY,
    projection text        NOT NULL,
    action     text        NOT NULL,
    parked_id  bigint,
    actor      text        NOT NULL,
    reason     text,
    outcome    text        NOT NULL,
    at         timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX projection_action_by_projection ON projection_action (projection, id);
