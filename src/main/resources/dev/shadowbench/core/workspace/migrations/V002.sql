-- V002: what reviewers record: sample verdicts, dismissed flags, decisions.

-- A reviewer's verdict on one sampled pair; the latest row per (comparison, request) counts.
CREATE TABLE review_verdicts(
    comparison_key VARCHAR NOT NULL,        -- baseline + candidate selectors, see Comparison.key()
    request_id     VARCHAR NOT NULL,
    verdict        VARCHAR NOT NULL,        -- ok | suspicious | wrong
    note           VARCHAR,
    reviewer       VARCHAR,
    recorded_at    TIMESTAMP NOT NULL
);

-- A flagged pair the reviewer looked at and dismissed, with why.
CREATE TABLE outlier_dismissals(
    comparison_key VARCHAR NOT NULL,
    request_id     VARCHAR NOT NULL,
    rule           VARCHAR NOT NULL,
    note           VARCHAR,
    reviewer       VARCHAR,
    dismissed_at   TIMESTAMP NOT NULL
);

-- Append-only decision log: each record hashes its content and the previous record's hash.
CREATE TABLE decisions(
    seq           BIGINT NOT NULL,
    decided_at    TIMESTAMP NOT NULL,
    decision      VARCHAR NOT NULL,         -- promote | hold | rollback | advance | retire
    reviewer      VARCHAR NOT NULL,
    comparison_key VARCHAR,
    model         VARCHAR,
    version       VARCHAR,
    stage         VARCHAR,
    traffic_share DOUBLE,
    evidence_json VARCHAR,
    note          VARCHAR,
    prev_hash     VARCHAR NOT NULL,
    hash          VARCHAR NOT NULL
);
