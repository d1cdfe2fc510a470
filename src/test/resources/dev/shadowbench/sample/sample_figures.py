# The bundled sample's figures, computed from the files in data/sample with DuckDB's own readers (not the app).
# Run from the repository root: python3 src/test/resources/dev/shadowbench/sample/sample_figures.py
# (duckdb 1.5.6). Tests that assert the sample's figures (SampleWorkspaceTest, MainWindowFxTest, DashboardFxTest,
# SampleJourneyTest) quote its output.
import duckdb

con = duckdb.connect()
con.execute("""CREATE TABLE p AS SELECT * FROM read_json('data/sample/*/*.jsonl.gz', format='newline_delimited',
  columns={'request_id':'VARCHAR','timestamp':'TIMESTAMP','model':'VARCHAR','model_version':'VARCHAR','variant':'VARCHAR',
  'prediction':'DOUBLE','latency_ms':'DOUBLE','segment':'VARCHAR','user_complaint':'BOOLEAN'})""")
con.execute("""CREATE TABLE l AS SELECT * FROM read_csv('data/sample/*/labels.csv', header=true,
  columns={'request_id':'VARCHAR','actual':'DOUBLE'})""")
q = lambda sql: con.execute(sql).fetchall()
print("prediction rows", q("SELECT count(*) FROM p"), "label rows", q("SELECT count(*) FROM l"))
print("per variant (rows, ids, first, last day)", q("""SELECT variant, model, model_version, count(*),
  count(DISTINCT request_id), min(CAST(timestamp AS DATE)), max(CAST(timestamp AS DATE)) FROM p GROUP BY ALL ORDER BY 4 DESC"""))
print("groups (day, variant, rows)", q("SELECT CAST(timestamp AS DATE) d, variant, count(*) FROM p GROUP BY ALL ORDER BY d, variant"))
w = "CAST(timestamp AS DATE) BETWEEN DATE '2026-11-20' AND DATE '2026-11-22'"
print("shadow period: live vs shadow pairs (distinct ids in both)", q(f"""SELECT count(*) FROM
  (SELECT DISTINCT request_id FROM p WHERE variant='live' AND {w})
  JOIN (SELECT DISTINCT request_id FROM p WHERE variant='shadow' AND {w}) USING (request_id)"""))
print("shadow period: live ids, live rows", q(f"SELECT count(DISTINCT request_id), count(*) FROM p WHERE variant='live' AND {w}"))
print("canary days (day, live, canary, observed share, live complaints, canary complaints)", q("""
  SELECT CAST(timestamp AS DATE) d, count(*) FILTER (variant='live'), count(*) FILTER (variant='canary'),
  round(count(*) FILTER (variant='canary') / count(*), 4), count(*) FILTER (variant='live' AND user_complaint),
  count(*) FILTER (variant='canary' AND user_complaint)
  FROM p WHERE variant IN ('live','canary') AND CAST(timestamp AS DATE) >= DATE '2026-11-23' GROUP BY 1 ORDER BY 1"""))
