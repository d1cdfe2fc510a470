-- V004: the pair index. Pairing a comparison (dedupe each side, join by request id, sort the values) is
-- the expensive part of a summary; its row-level result is kept in schema pair_index, one set of tables
-- per comparison and window, and reused until the workspace's rows change (see PairIndex).
CREATE SCHEMA IF NOT EXISTS pair_index;
-- entry ids are never reused, so a connection's views onto a dropped entry can never point at another one's tables
CREATE SEQUENCE pair_index.entry_ids START 1;
CREATE TABLE pair_index.entries(
    entry_id        BIGINT NOT NULL,
    index_key       VARCHAR NOT NULL,   -- comparison key and window
    fingerprint     VARCHAR NOT NULL,   -- row counts and import ids the index was built from
    format          INTEGER NOT NULL,   -- layout of the entry's tables; another build ignores other layouts
    baseline_rows   BIGINT NOT NULL,
    candidate_rows  BIGINT NOT NULL,
    paired          BIGINT NOT NULL,
    baseline_ids    BIGINT NOT NULL,
    candidate_ids   BIGINT NOT NULL,
    duplicate_rows  BIGINT NOT NULL,
    built_at        TIMESTAMP NOT NULL,
    build_ms        BIGINT NOT NULL,
    used_at         TIMESTAMP NOT NULL
);
