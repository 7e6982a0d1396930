-- Rule state (issue 17): the contributions a lane has withdrawn (retracted by the author or hidden by a leader),
-- so a contribution's posting points are reversed once, whatever repeats or follows.
CREATE TABLE withdrawn_contribution (
    lane            text NOT NULL,
    contribution_id uuid NOT NULL,
    PRIMARY KEY (lane, contribution_id)
);
