-- Value model versions owned by the platform (issue 13): created through the API, immutable, each applied by
-- a "lane" (a projection of its own, replayed from the topic's first event beside the default).

-- The rule state is per lane: a version replayed from offset 0 judges "first view", "once per reaction" etc.
-- against what its own pass has seen, not against the default lane's state. The default lane is 'analytics'.
ALTER TABLE applied_event ADD COLUMN lane text NOT NULL DEFAULT 'analytics';
ALTER TABLE applied_event DROP CONSTRAINT applied_event_pkey;
ALTER TABLE applied_event ADD PRIMARY KEY (lane, event_id);

ALTER TABLE contribution_fact ADD COLUMN lane text NOT NULL DEFAULT 'analytics';
ALTER TABLE contribution_fact DROP CONSTRAINT contribution_fact_pkey;
ALTER TABLE contribution_fact ADD PRIMARY KEY (lane, contribution_id);

ALTER TABLE first_view ADD COLUMN lane text NOT NULL DEFAULT 'analytics';
ALTER TABLE first_view DROP CONSTRAINT first_view_pkey;
ALTER TABLE first_view ADD PRIMARY KEY (lane, contribution_id, member_id);

ALTER TABLE reaction_given ADD COLUMN lane text NOT NULL DEFAULT 'analytics';
ALTER TABLE reaction_given DROP CONSTRAINT reaction_given_pkey;
ALTER TABLE reaction_given ADD PRIMARY KEY (lane, contribution_id, member_id, kind);

ALTER TABLE solved_question ADD COLUMN lane text NOT NULL DEFAULT 'analytics';
ALTER TABLE solved_question DROP CONSTRAINT solved_question_pkey;
ALTER TABLE solved_question ADD PRIMARY KEY (lane, question_id);

ALTER TABLE accepted_answer ADD COLUMN lane text NOT NULL DEFAULT 'analytics';
ALTER TABLE accepted_answer DROP CONSTRAINT accepted_answer_pkey;
ALTER TABLE accepted_answer ADD PRIMARY KEY (lane, answer_id);

-- As-of reads sum the ledger up to an instant.
CREATE INDEX ledger_entry_community_time ON ledger_entry (model, community_id, occurred_at);

CREATE TABLE model_version (
    name                       text PRIMARY KEY,
    description                text,
    derived_from               text,
    productive_share_threshold numeric     NOT NULL,
    weights                    jsonb       NOT NULL,
    lane                       text        NOT NULL,
    state                      text        NOT NULL,
    created_by                 text        NOT NULL,
    created_at                 timestamptz NOT NULL,
    replay_started_at          timestamptz,
    caught_up_at               timestamptz,
    failure                    text
);

-- Who did what to a version, when: CREATE, REPLAY, PROMOTE, RETIRE (and the service's own SEED, CAUGHT_UP).
CREATE TABLE model_action (
    id     bigserial PRIMARY KEY,
    model  text        NOT NULL,
    action text        NOT NULL,
    actor  text        NOT NULL,
    at     timestamptz NOT NULL,
    detail text
);

CREATE INDEX model_action_model ON model_action (model, id);

-- The version reads without ?model= use: one row, switched by one UPDATE (a promotion is atomic).
CREATE TABLE model_default (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    model     text NOT NULL REFERENCES model_version (name)
);
