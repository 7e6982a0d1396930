-- Outcomes a community recorded (OutcomeRecorded), and the contributions each one credits: listed per
-- community, and shown on each contribution they name (issue 17: outcomes readable both ways).
CREATE TABLE outcome (
    outcome_id   uuid        PRIMARY KEY,
    community_id uuid        NOT NULL,
    recorded_by  text        NOT NULL,
    description  text        NOT NULL,
    -- the edge bounds it (> 0, <= 1,000,000, at most 6 decimals); unbounded here so any accepted value is stored
    value        numeric     NOT NULL,
    recorded_at  timestamptz NOT NULL
);
-- Keyset pagination of a community's outcomes: newest first.
CREATE INDEX outcome_by_community ON outcome (community_id, recorded_at DESC, outcome_id DESC);

CREATE TABLE outcome_contribution (
    outcome_id      uuid    NOT NULL,
    contribution_id uuid    NOT NULL,
    -- the order in which the leader named them
    position        integer NOT NULL,
    PRIMARY KEY (outcome_id, contribution_id)
);
-- A contribution's outcomes (the thread) and their count (every feed item).
CREATE INDEX outcome_contribution_by_contribution ON outcome_contribution (contribution_id, outcome_id);
