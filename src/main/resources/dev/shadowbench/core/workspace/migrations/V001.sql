-- V001: the imported logs and their bookkeeping.
CREATE SEQUENCE import_id_seq START 1;

-- One row per import run (one or more files). Idempotence: a file whose content_hash is in import_files is skipped.
CREATE TABLE imports(
    import_id        BIGINT PRIMARY KEY,
    kind             VARCHAR NOT NULL,      -- predictions | labels
    format           VARCHAR NOT NULL,      -- jsonl | csv | parquet | sagemaker | kserve
    variant_override VARCHAR,               -- --variant, when one was given
    mapping_json     VARCHAR,               -- the column mapping used (Jackson JSON)
    lines_read       BIGINT NOT NULL DEFAULT 0,
    rows_imported    BIGINT NOT NULL DEFAULT 0,
    rows_quarantined BIGINT NOT NULL DEFAULT 0,
    lines_blank      BIGINT NOT NULL DEFAULT 0,
    started_at       TIMESTAMP NOT NULL,
    finished_at      TIMESTAMP
);

CREATE TABLE import_files(
    import_id    BIGINT NOT NULL,
    path         VARCHAR NOT NULL,
    size_bytes   BIGINT NOT NULL,
    content_hash VARCHAR NOT NULL,          -- SHA-256 of the file's bytes
    lines_read   BIGINT NOT NULL DEFAULT 0,
    rows_imported BIGINT NOT NULL DEFAULT 0,
    rows_quarantined BIGINT NOT NULL DEFAULT 0,
    lines_blank  BIGINT NOT NULL DEFAULT 0
);

-- One row per prediction record. No primary key: duplicates are data (counted by pairing), and DuckDB
-- bulk-loads faster without indexes.
CREATE TABLE predictions(
    import_id      BIGINT NOT NULL,
    request_id     VARCHAR NOT NULL,
    ts             TIMESTAMP,
    model          VARCHAR,
    version        VARCHAR,
    variant        VARCHAR NOT NULL,        -- live | shadow | canary, or the capture's variant name
    prediction     DOUBLE,                  -- regression value or positive-class score
    predicted_class VARCHAR,                -- classification label, when the model emits one
    ranking        VARCHAR[],               -- ranked item ids, for recommenders
    latency_ms     DOUBLE,                  -- NULL: not recorded
    segment        VARCHAR,
    feedback       VARCHAR,                 -- user feedback / complaint text or flag, canary logs
    source_file    VARCHAR,
    source_line    BIGINT,
    extra          VARCHAR                  -- JSON of unmapped columns or the raw payload
);

-- Ground truth that arrives later, joined by request id.
CREATE TABLE labels(
    import_id   BIGINT NOT NULL,
    request_id  VARCHAR NOT NULL,
    label       DOUBLE,
    label_class VARCHAR,
    ts          TIMESTAMP
);

-- Every input line that could not be imported, with where and why.
CREATE TABLE quarantine(
    import_id   BIGINT NOT NULL,
    source_file VARCHAR NOT NULL,
    line_no     BIGINT,
    field       VARCHAR,
    reason      VARCHAR NOT NULL,
    raw         VARCHAR
);

-- The column mapping a user confirmed, per source (folder or file-name pattern).
CREATE TABLE source_mappings(
    source_key   VARCHAR PRIMARY KEY,
    mapping_json VARCHAR NOT NULL,
    updated_at   TIMESTAMP NOT NULL
);

CREATE TABLE settings(
    key   VARCHAR PRIMARY KEY,
    value VARCHAR
);
