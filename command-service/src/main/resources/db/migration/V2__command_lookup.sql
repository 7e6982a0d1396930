-- The command side's lookup, kept by a subscribing processor in the event's own transaction.
CREATE TABLE community_lookup (
    community_id uuid PRIMARY KEY
);

CREATE TABLE community_membership (
    community_id uuid         NOT NULL REFERENCES community_lookup (community_id),
    member_id    varchar(255) NOT NULL,
    PRIMARY KEY (community_id, member_id)
);

CREATE TABLE contribution_lookup (
    contribution_id uuid PRIMARY KEY,
    community_id    uuid         NOT NULL REFERENCES community_lookup (community_id),
    kind            varchar(20)  NOT NULL,
    author_id       varchar(255) NOT NULL,
    in_reply_to     uuid
);
