-- The tamper-evident log over the event store (audit-log/README.md, command-service/README.md "Audit log").
-- audit_leaf: the log's order. Leaf position p (1, 2, 3, ... without gaps) is the stored event at global_index;
-- normally global_index order, except that an event whose index was a gap the appender stopped waiting for is
-- appended when it shows up (never missed, never twice: global_index is unique here).
CREATE TABLE audit_leaf (
    position     bigint      NOT NULL PRIMARY KEY,
    global_index bigint      NOT NULL UNIQUE,
    appended_at  timestamptz NOT NULL DEFAULT now()
);

-- The tree's stored hashes, tlog layout (audit-log's StoredHashIndex): about two per leaf, never updated.
CREATE TABLE audit_hash (
    index bigint NOT NULL PRIMARY KEY,
    hash  bytea  NOT NULL CHECK (octet_length(hash) = 32)
);

-- Every signed tree head, kept. The timestamp is the signed value: milliseconds since the epoch.
CREATE TABLE audit_tree_head (
    size         bigint NOT NULL PRIMARY KEY,
    root         bytea  NOT NULL CHECK (octet_length(root) = 32),
    timestamp_ms bigint NOT NULL,
    signature    bytea  NOT NULL CHECK (octet_length(signature) = 64),
    key_id       varchar(64) NOT NULL
);
