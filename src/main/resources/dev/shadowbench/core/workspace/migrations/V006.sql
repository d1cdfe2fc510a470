-- V006: synthetic baselines for a first model. A baseline's answers are rows of predictions under its own variant
-- (one per request its candidate answered), written by one import whose kind is 'baseline'; this table keeps its
-- recipe: what it answers, how the answer was fitted and on what. A rebuild of the same name replaces all three.
CREATE TABLE synthetic_baselines(
    name        VARCHAR NOT NULL,     -- the variant its rows carry in predictions (one recipe per name)
    import_id   BIGINT NOT NULL,      -- the import record of its rows (imports.kind = 'baseline')
    candidate   VARCHAR NOT NULL,     -- the candidate whose requests it answers (Side.key())
    task        VARCHAR NOT NULL,     -- regression | classification | ranking
    kind        VARCHAR NOT NULL,     -- constant | mean | median | majority | top-n
    answer      VARCHAR,              -- the number or class it answers (NULL for a ranking)
    items       VARCHAR[],            -- the ranking it answers (NULL otherwise)
    top_n       INTEGER,              -- N of a top-n baseline
    source      VARCHAR NOT NULL,     -- given (the user's value) | labels (every label) | days (labels of from..to)
    from_day    DATE,
    to_day      DATE,
    fitted_on   BIGINT,               -- labels (clicks for top-n) the answer was computed from; NULL when given
    answered    BIGINT NOT NULL,      -- requests answered (rows written)
    description VARCHAR NOT NULL,     -- the recipe in words, as screens and reports show it
    built_at    TIMESTAMP NOT NULL
);
