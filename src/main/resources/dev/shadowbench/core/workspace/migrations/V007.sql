-- V007: imported Spark extracts (src/site/markdown/extract.md). An extract holds per-day counts and sums, the seeded
-- sample and the flagged pairs of one comparison, computed on Spark where the logs live; each of its tables is kept
-- here with the id of the extract it came from. A comparison whose sides match an extract is paired from these
-- tables instead of the predictions (ExtractPairing).
CREATE SCHEMA IF NOT EXISTS extract;
CREATE TABLE extract.extracts(
    extract_id          BIGINT PRIMARY KEY,
    baseline            VARCHAR NOT NULL,   -- Side.key() of the manifest's baseline
    candidate           VARCHAR NOT NULL,   -- Side.key() of the manifest's candidate
    digest              VARCHAR NOT NULL,   -- SHA-256 of manifest.json: importing the same extract again is a no-op
    source              VARCHAR NOT NULL,   -- the folder it was imported from
    manifest_json       VARCHAR NOT NULL,
    significant_digits  INTEGER NOT NULL,
    seed                BIGINT NOT NULL,
    sample_size         INTEGER NOT NULL,
    extremes            INTEGER NOT NULL,
    top_k               INTEGER NOT NULL,
    rows_unreadable     BIGINT NOT NULL,
    outliers_by         VARCHAR NOT NULL,   -- manifest outliers.computed_by: job (flagged holds its flags) or none
    imported_at         TIMESTAMP NOT NULL
);
CREATE TABLE extract.days(extract_id BIGINT NOT NULL, day DATE);
CREATE TABLE extract.side_days(extract_id BIGINT NOT NULL, day DATE, side VARCHAR NOT NULL, rows BIGINT NOT NULL,
    ids BIGINT NOT NULL, predictions BIGINT NOT NULL, classes BIGINT NOT NULL, rankings BIGINT NOT NULL,
    latencies BIGINT NOT NULL, feedback BIGINT NOT NULL, feedback_ids BIGINT NOT NULL, complaint_ids BIGINT NOT NULL);
CREATE TABLE extract.coverage(extract_id BIGINT NOT NULL, day DATE, paired BIGINT NOT NULL,
    baseline_only BIGINT NOT NULL, candidate_only BIGINT NOT NULL);
CREATE TABLE extract.pair_groups(extract_id BIGINT NOT NULL, day DATE, segment VARCHAR, pairs BIGINT NOT NULL,
    classed BIGINT NOT NULL, differ BIGINT NOT NULL);
CREATE TABLE extract.value_counts(extract_id BIGINT NOT NULL, day DATE, segment VARCHAR, measure VARCHAR NOT NULL,
    side VARCHAR NOT NULL, x DOUBLE NOT NULL, n BIGINT NOT NULL);
CREATE TABLE extract.label_sums(extract_id BIGINT NOT NULL, day DATE, segment VARCHAR, scope VARCHAR NOT NULL,
    side VARCHAR NOT NULL, n BIGINT NOT NULL, abs_err DOUBLE NOT NULL, sq_err DOUBLE NOT NULL);
CREATE TABLE extract.class_pairs(extract_id BIGINT NOT NULL, day DATE, segment VARCHAR, b_class VARCHAR NOT NULL,
    c_class VARCHAR NOT NULL, y VARCHAR, n BIGINT NOT NULL, b_scored BIGINT NOT NULL, b_ln_p DOUBLE, b_ln_q DOUBLE,
    c_scored BIGINT NOT NULL, c_ln_p DOUBLE, c_ln_q DOUBLE);
CREATE TABLE extract.class_arms(extract_id BIGINT NOT NULL, day DATE, segment VARCHAR, side VARCHAR NOT NULL,
    class VARCHAR NOT NULL, y VARCHAR, n BIGINT NOT NULL, scored BIGINT NOT NULL, ln_p DOUBLE, ln_q DOUBLE);
CREATE TABLE extract.ranking_hits(extract_id BIGINT NOT NULL, day DATE, segment VARCHAR, n BIGINT NOT NULL,
    b_hits BIGINT NOT NULL, c_hits BIGINT NOT NULL);
CREATE TABLE extract.ranking_items(extract_id BIGINT NOT NULL, day DATE, side VARCHAR NOT NULL, item VARCHAR NOT NULL,
    n BIGINT NOT NULL);
CREATE TABLE extract.pairs(extract_id BIGINT NOT NULL, request_id VARCHAR NOT NULL, ts TIMESTAMP, day DATE,
    segment VARCHAR, b_prediction DOUBLE, c_prediction DOUBLE, b_class VARCHAR, c_class VARCHAR, b_ranking VARCHAR[],
    c_ranking VARCHAR[], b_latency DOUBLE, c_latency DOUBLE, b_feedback VARCHAR, c_feedback VARCHAR, label DOUBLE,
    label_class VARCHAR, sampled BOOLEAN NOT NULL, extreme BOOLEAN NOT NULL, flagged BOOLEAN NOT NULL);
CREATE TABLE extract.flagged(extract_id BIGINT NOT NULL, day DATE, request_id VARCHAR NOT NULL, rule VARCHAR NOT NULL,
    reason VARCHAR NOT NULL, score DOUBLE);
