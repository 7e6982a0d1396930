-- analytics-service's own schema. Figures are exact decimals (numeric without scale); every figure table
-- is keyed by model, so several model versions can be applied side by side and compared.

-- Events already applied: a redelivered event is recognised here and takes no second effect.
CREATE TABLE applied_event (
    event_id     uuid PRIMARY KEY,
    community_id uuid NOT NULL,
    event_type   text NOT NULL,
    occurred_at  timestamptz NOT NULL
);

CREATE TABLE community (
    community_id uuid PRIMARY KEY,
    name         text NOT NULL,
    founded_at   timestamptz NOT NULL
);

-- Current members, for the read access rules.
CREATE TABLE community_member (
    community_id uuid NOT NULL,
    member_id    text NOT NULL,
    PRIMARY KEY (community_id, member_id)
);

-- Rule state: the facts the once-only rules need, independent of any model.
CREATE TABLE contribution_fact (
    contribution_id uuid PRIMARY KEY,
    community_id    uuid NOT NULL,
    author_id       text NOT NULL,
    kind            text NOT NULL,
    in_reply_to     uuid
);

CREATE TABLE first_view (
    contribution_id uuid NOT NULL,
    member_id       text NOT NULL,
    PRIMARY KEY (contribution_id, member_id)
);

CREATE TABLE reaction_given (
    contribution_id uuid NOT NULL,
    member_id       text NOT NULL,
    kind            text NOT NULL,
    PRIMARY KEY (contribution_id, member_id, kind)
);

CREATE TABLE solved_question (
    question_id uuid PRIMARY KEY
);

CREATE TABLE accepted_answer (
    answer_id uuid PRIMARY KEY
);

-- One row per point awarded; id follows the order in which events were applied.
CREATE TABLE ledger_entry (
    id                   bigserial PRIMARY KEY,
    model                text        NOT NULL,
    event_id             uuid        NOT NULL,
    event_type           text        NOT NULL,
    occurred_at          timestamptz NOT NULL,
    community_id         uuid        NOT NULL,
    member_id            text        NOT NULL,
    signal               text        NOT NULL,
    contribution         numeric     NOT NULL,
    benefit              numeric     NOT NULL,
    organization_benefit numeric     NOT NULL,
    reason               text        NOT NULL,
    contribution_id      uuid,
    CONSTRAINT ledger_entry_once UNIQUE (model, event_id, member_id, signal)
);

CREATE INDEX ledger_entry_member ON ledger_entry (model, community_id, member_id, id);

CREATE TABLE member_figures (
    model        text    NOT NULL,
    community_id uuid    NOT NULL,
    member_id    text    NOT NULL,
    contribution numeric NOT NULL,
    benefit      numeric NOT NULL,
    PRIMARY KEY (model, community_id, member_id)
);

CREATE TABLE community_figures (
    model                    text    NOT NULL,
    community_id             uuid    NOT NULL,
    contribution             numeric NOT NULL,
    benefit                  numeric NOT NULL,
    organization_benefit     numeric NOT NULL,
    active_members           integer NOT NULL,
    members_benefiting_more  integer NOT NULL,
    last_day                 date,
    PRIMARY KEY (model, community_id)
);

-- The timeline: a community's cumulative figures as they stood at the end of each UTC day with events.
CREATE TABLE community_day (
    model                    text    NOT NULL,
    community_id             uuid    NOT NULL,
    day                      date    NOT NULL,
    contribution             numeric NOT NULL,
    benefit                  numeric NOT NULL,
    organization_benefit     numeric NOT NULL,
    active_members           integer NOT NULL,
    members_benefiting_more  integer NOT NULL,
    PRIMARY KEY (model, community_id, day)
);
