-- V003: per-file detail of imports, so every row can be traced to its source, format and mapping.
ALTER TABLE imports ADD COLUMN source VARCHAR;          -- what the user named (paths, folders, globs)
ALTER TABLE import_files ADD COLUMN format VARCHAR;     -- jsonl | csv | parquet | sagemaker | kserve
ALTER TABLE import_files ADD COLUMN variant VARCHAR;    -- fixed variant used for the file, if any
ALTER TABLE import_files ADD COLUMN mapping_json VARCHAR;
ALTER TABLE import_files ADD COLUMN imported_at TIMESTAMP;
