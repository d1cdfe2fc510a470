package dev.shadowbench.core.extract;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shadowbench.core.canary.ComplaintSql;
import dev.shadowbench.core.compare.Comparison;
import dev.shadowbench.core.compare.Side;
import dev.shadowbench.core.db.Quote;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes an extract (format: src/site/markdown/extract.md) from a workspace's raw records with DuckDB, one COPY ... TO
 * parquet per table. The Spark job (src/spark) is the product's writer; this is the desk tests' independent reference,
 * written from the format's definitions (window functions over the records, not the desk's pairing code), so a test
 * can compare the desk's figures from the extract with its figures from the records. Labels are one per request id
 * in these tests. No flagged table: the tests compare the figures, the outlier list is checked on its own.
 */
public final class ExtractFixture {
    private ExtractFixture() {}

    /** The settings of a written extract. */
    public record Settings(int digits, long seed, int sampleSize, int extremes, int topK) {
        public static final Settings DEFAULT = new Settings(7, 1, 100, 10, 10);
    }

    /** Writes {@link ExtractLogs} of {@code task} into a scratch workspace and the extract of {@code cmp} from them. */
    public static void fromLogs(ExtractLogs.Task task, int perDay, boolean exact, Comparison cmp, Settings s, Path dir)
            throws Exception {
        try (dev.shadowbench.core.workspace.Workspace ws = dev.shadowbench.core.workspace.Workspace.inMemory();
                Connection c = ws.connect()) {
            ExtractLogs.write(c, task, perDay, exact);
            write(c, cmp, s, dir);
        }
    }

    /** Writes the extract of {@code cmp} (its window: all days when unbounded) from {@code c}'s records into {@code dir}. */
    public static void write(Connection c, Comparison cmp, Settings s, Path dir) throws Exception {
        Files.createDirectories(dir);
        try (Statement st = c.createStatement()) {
            st.execute("CREATE OR REPLACE MACRO fx_round(x, p) AS CASE WHEN x = 0 THEN 0.0 "
                    + "WHEN p - 1 - floor(log10(abs(x))) BETWEEN 0 AND 22 THEN round(x * pow(10, p - 1 - floor(log10(abs(x))))) / pow(10, p - 1 - floor(log10(abs(x)))) "
                    + "WHEN p - 1 - floor(log10(abs(x))) BETWEEN -22 AND -1 THEN round(x / pow(10, -(p - 1 - floor(log10(abs(x)))))) * pow(10, -(p - 1 - floor(log10(abs(x))))) "
                    + "ELSE x END");
            side(st, "fx_b", cmp.baseline(), cmp);
            side(st, "fx_c", cmp.candidate(), cmp);
            String y =
                    "coalesce(label_class, CASE WHEN label = floor(label) THEN CAST(CAST(label AS BIGINT) AS VARCHAR) "
                            + "ELSE CAST(label AS VARCHAR) END)";
            st.execute("CREATE OR REPLACE TEMP TABLE fx_labels AS SELECT request_id, min(label) AS label, "
                    + "min(label_class) AS label_class FROM labels GROUP BY request_id");
            st.execute("CREATE OR REPLACE TEMP TABLE fx_pairs AS SELECT b.request_id, coalesce(b.ts, c.ts) AS ts, "
                    + "CAST(coalesce(b.ts, c.ts) AS DATE) AS day, coalesce(b.segment, c.segment) AS segment, "
                    + "b.pred AS b_prediction, c.pred AS c_prediction, b.predicted_class AS b_class, "
                    + "c.predicted_class AS c_class, b.ranking AS b_ranking, c.ranking AS c_ranking, b.lat AS b_latency, "
                    + "c.lat AS c_latency, b.feedback AS b_feedback, c.feedback AS c_feedback, l.label, l.label_class, "
                    + y + " AS y FROM fx_b b JOIN fx_c c USING (request_id) LEFT JOIN fx_labels l USING (request_id)");
            Map<String, String> tables = new LinkedHashMap<>();
            String sideDays = "SELECT CAST(ts AS DATE) AS day, '%s' AS side, sum(n_rows) AS rows, count(*) AS ids, "
                    + "count(pred) AS predictions, count(predicted_class) AS classes, count(ranking) AS rankings, "
                    + "count(lat) AS latencies, count(feedback) AS feedback, count(*) FILTER (any_feedback) AS feedback_ids, "
                    + "count(*) FILTER (any_complaint) AS complaint_ids FROM %s GROUP BY 1";
            tables.put("side_days", f(sideDays, "baseline", "fx_b") + " UNION ALL " + f(sideDays, "candidate", "fx_c"));
            tables.put(
                    "coverage",
                    "SELECT day, coalesce(p.n, 0) AS paired, coalesce(bo.n, 0) AS baseline_only, coalesce(co.n, 0) AS candidate_only "
                            + "FROM (SELECT day, count(*) AS n FROM fx_pairs GROUP BY day) p "
                            + "FULL JOIN (SELECT CAST(ts AS DATE) AS day, count(*) AS n FROM fx_b ANTI JOIN fx_c USING (request_id) GROUP BY 1) bo USING (day) "
                            + "FULL JOIN (SELECT CAST(ts AS DATE) AS day, count(*) AS n FROM fx_c ANTI JOIN fx_b USING (request_id) GROUP BY 1) co USING (day)");
            tables.put(
                    "pair_groups",
                    "SELECT day, segment, count(*) AS pairs, count(*) FILTER (b_class IS NOT NULL AND c_class IS NOT NULL) AS classed, "
                            + "count(*) FILTER (b_class <> c_class) AS differ FROM fx_pairs GROUP BY ALL");
            int p = s.digits(), k = s.topK();
            List<String> vc = new ArrayList<>();
            String rec = "SELECT CAST(ts AS DATE) AS day, segment, '%s' AS measure, '%s' AS side, %s AS v FROM %s";
            vc.add(f(rec, "prediction", "baseline", "pred", "fx_b"));
            vc.add(f(rec, "prediction", "candidate", "pred", "fx_c"));
            vc.add(f(rec, "latency", "baseline", "lat", "fx_b"));
            vc.add(f(rec, "latency", "candidate", "lat", "fx_c"));
            String pair = "SELECT day, segment, '%s' AS measure, '%s' AS side, %s AS v FROM fx_pairs";
            vc.add(f(pair, "abs_difference", "pair", "abs(c_prediction - b_prediction)"));
            vc.add(f(
                    pair,
                    "rel_difference",
                    "pair",
                    "CASE WHEN b_prediction <> 0 THEN abs(c_prediction - b_prediction) / abs(b_prediction) END"));
            vc.add(f(pair, "signed_difference", "pair", "c_prediction - b_prediction"));
            vc.add(f(
                    pair,
                    "signed_rel_difference",
                    "pair",
                    "CASE WHEN b_prediction <> 0 THEN (c_prediction - b_prediction) / abs(b_prediction) END"));
            vc.add(f(pair, "pair_latency", "baseline", "b_latency"));
            vc.add(f(pair, "pair_latency", "candidate", "c_latency"));
            vc.add(f(
                    pair,
                    "ranking_divergence",
                    "pair",
                    "1.0 - len(list_intersect(b_ranking[1:" + k + "], c_ranking[1:" + k + "])) / greatest(least(" + k
                            + ", greatest(len(b_ranking), len(c_ranking))), 1)"));
            tables.put(
                    "value_counts",
                    "SELECT day, segment, measure, side, fx_round(v, " + p + ") AS x, count(*) AS n FROM ("
                            + String.join(" UNION ALL ", vc) + ") WHERE v IS NOT NULL GROUP BY ALL");
            String pairErr =
                    "SELECT day, segment, 'pair' AS scope, '%s' AS side, count(*) AS n, sum(abs(%2$s - label)) AS abs_err, "
                            + "sum((%2$s - label) ^ 2) AS sq_err FROM fx_pairs WHERE label IS NOT NULL AND b_prediction IS NOT NULL "
                            + "AND c_prediction IS NOT NULL GROUP BY ALL";
            String armErr = "SELECT CAST(r.ts AS DATE) AS day, r.segment, 'arm' AS scope, '%s' AS side, count(*) AS n, "
                    + "sum(abs(r.pred - l.label)) AS abs_err, sum((r.pred - l.label) ^ 2) AS sq_err FROM %s r JOIN fx_labels l "
                    + "USING (request_id) WHERE l.label IS NOT NULL AND r.pred IS NOT NULL GROUP BY ALL";
            tables.put(
                    "label_sums",
                    f(pairErr, "baseline", "b_prediction") + " UNION ALL " + f(pairErr, "candidate", "c_prediction")
                            + " UNION ALL " + f(armErr, "baseline", "fx_b") + " UNION ALL "
                            + f(armErr, "candidate", "fx_c"));
            String clip = "least(greatest(%s, 1e-15), 1 - 1e-15)";
            tables.put(
                    "class_pairs",
                    "SELECT day, segment, b_class, c_class, y, count(*) AS n, count(b_prediction) AS b_scored, "
                            + "sum(ln(" + f(clip, "b_prediction") + ")) AS b_ln_p, sum(ln(1 - "
                            + f(clip, "b_prediction")
                            + ")) AS b_ln_q, count(c_prediction) AS c_scored, sum(ln(" + f(clip, "c_prediction")
                            + ")) AS c_ln_p, sum(ln(1 - " + f(clip, "c_prediction") + ")) AS c_ln_q FROM fx_pairs "
                            + "WHERE b_class IS NOT NULL AND c_class IS NOT NULL GROUP BY ALL");
            String arm = "SELECT CAST(r.ts AS DATE) AS day, r.segment, '%s' AS side, r.predicted_class AS class, "
                    + y + " AS y, count(*) AS n, "
                    + "count(r.pred) AS scored, sum(ln(" + f(clip, "r.pred") + ")) AS ln_p, sum(ln(1 - "
                    + f(clip, "r.pred")
                    + ")) AS ln_q FROM %s r LEFT JOIN fx_labels l USING (request_id) WHERE r.predicted_class IS NOT NULL "
                    + "GROUP BY ALL";
            tables.put("class_arms", f(arm, "baseline", "fx_b") + " UNION ALL " + f(arm, "candidate", "fx_c"));
            tables.put(
                    "ranking_hits",
                    "SELECT day, segment, count(*) AS n, count(*) FILTER (list_has_any(b_ranking[1:" + k
                            + "], items)) AS b_hits, "
                            + "count(*) FILTER (list_has_any(c_ranking[1:" + k
                            + "], items)) AS c_hits FROM fx_pairs JOIN "
                            + "(SELECT request_id, list(DISTINCT " + y + ") AS items FROM labels WHERE " + y
                            + " IS NOT NULL GROUP BY request_id) USING (request_id) "
                            + "WHERE b_ranking IS NOT NULL AND c_ranking IS NOT NULL GROUP BY ALL");
            String items = "SELECT day, '%s' AS side, item, count(*) AS n FROM (SELECT CAST(ts AS DATE) AS day, "
                    + "unnest(list_distinct(ranking[1:" + k
                    + "])) AS item FROM %s WHERE ranking IS NOT NULL) GROUP BY ALL";
            tables.put("ranking_items", f(items, "baseline", "fx_b") + " UNION ALL " + f(items, "candidate", "fx_c"));
            String seed = Quote.literal(Long.toString(s.seed()));
            tables.put(
                    "pairs",
                    "WITH o AS (SELECT * EXCLUDE (y), row_number() OVER (PARTITION BY day ORDER BY md5(" + seed
                            + " || ':' || request_id)) <= " + s.sampleSize() + " AS sampled FROM fx_pairs), "
                            + "e AS (SELECT *, b_prediction IS NOT NULL AND c_prediction IS NOT NULL AND NOT sampled AND "
                            + "row_number() OVER (PARTITION BY day, b_prediction IS NOT NULL AND c_prediction IS NOT NULL "
                            + "AND NOT sampled ORDER BY abs(c_prediction - b_prediction) DESC, request_id) <= "
                            + s.extremes() + " AS extreme FROM o) "
                            + "SELECT *, false AS flagged FROM e WHERE sampled OR extreme");
            ObjectNode counts = new ObjectMapper().createObjectNode();
            for (var t : tables.entrySet()) {
                Path folder = dir.resolve(t.getKey());
                Files.createDirectories(folder);
                Path file = folder.resolve("part-00000.parquet");
                st.execute("COPY (SELECT " + typed(t.getKey()) + " FROM (" + t.getValue() + ")) TO "
                        + Quote.literal(file.toString()) + " (FORMAT parquet)");
                try (ResultSet rs =
                        st.executeQuery("SELECT count(*) FROM read_parquet(" + Quote.literal(file.toString()) + ")")) {
                    rs.next();
                    counts.putObject(t.getKey()).put("rows", rs.getLong(1));
                }
            }
            List<String> days = new ArrayList<>();
            try (ResultSet rs =
                    st.executeQuery("SELECT DISTINCT CAST(CAST(ts AS DATE) AS VARCHAR) FROM (SELECT ts FROM fx_b "
                            + "UNION ALL SELECT ts FROM fx_c) WHERE ts IS NOT NULL ORDER BY 1")) {
                while (rs.next()) days.add(rs.getString(1));
            }
            manifest(dir, cmp, s, days, counts);
        }
    }

    private static void manifest(Path dir, Comparison cmp, Settings s, List<String> days, ObjectNode counts)
            throws Exception {
        ObjectMapper om = new ObjectMapper();
        ObjectNode m = om.createObjectNode();
        m.put("format", "shadowbench-extract").put("version", 1);
        side(m.putObject("baseline"), cmp.baseline());
        side(m.putObject("candidate"), cmp.candidate());
        m.put("from", cmp.from() == null ? null : cmp.from().toString());
        m.put("to", cmp.to() == null ? null : cmp.to().toString());
        ArrayNode d = m.putArray("days");
        days.forEach(d::add);
        m.putObject("precision").put("significant_digits", s.digits());
        m.putObject("sample").put("seed", s.seed()).put("size", s.sampleSize()).put("extremes", s.extremes());
        m.put("top_k", s.topK());
        m.putObject("job").put("name", "ExtractFixture (DuckDB test reference)").put("version", "test");
        m.putObject("input").put("rows_unreadable", 0);
        m.set("tables", counts);
        Files.writeString(
                dir.resolve("manifest.json"),
                om.writerWithDefaultPrettyPrinter().writeValueAsString(m));
    }

    private static void side(ObjectNode n, Side s) {
        n.put("variant", s.variant()).put("model", s.model()).put("version", s.version());
    }

    /** The deduplicated records of one side in the window: the earliest per request id, with its id's row count. */
    private static void side(Statement st, String table, Side side, Comparison cmp) throws SQLException {
        List<String> cond = new ArrayList<>();
        if (side.variant() != null) cond.add("variant = " + Quote.literal(side.variant()));
        if (side.model() != null) cond.add("model = " + Quote.literal(side.model()));
        if (side.version() != null) cond.add("version = " + Quote.literal(side.version()));
        if (cmp.from() != null)
            cond.add("CAST(ts AS DATE) >= DATE " + Quote.literal(cmp.from().toString()));
        if (cmp.to() != null)
            cond.add("CAST(ts AS DATE) <= DATE " + Quote.literal(cmp.to().toString()));
        String complained = ComplaintSql.complained("feedback", "NULL");
        st.execute("CREATE OR REPLACE TEMP TABLE " + table + " AS SELECT * FROM (SELECT *, "
                + "CASE WHEN isfinite(prediction) THEN prediction END AS pred, "
                + "CASE WHEN isfinite(latency_ms) THEN latency_ms END AS lat, "
                + "count(*) OVER (PARTITION BY request_id) AS n_rows, "
                + "bool_or(feedback IS NOT NULL) OVER (PARTITION BY request_id) AS any_feedback, "
                + "bool_or(" + complained + ") OVER (PARTITION BY request_id) AS any_complaint, "
                + "row_number() OVER (PARTITION BY request_id ORDER BY ts NULLS LAST, import_id, source_line NULLS FIRST) AS rn "
                + "FROM predictions WHERE " + (cond.isEmpty() ? "TRUE" : String.join(" AND ", cond))
                + ") WHERE rn = 1");
    }

    /** The format's columns of {@code table} in its types (DuckDB's sums are HUGEINT, which Parquet holds as DOUBLE). */
    private static String typed(String table) {
        ExtractTables.Table t = ExtractTables.ALL.stream()
                .filter(x -> x.name().equals(table))
                .findFirst()
                .orElseThrow();
        return String.join(
                ", ",
                t.columns().stream()
                        .map(col -> "CAST(" + col.name() + " AS " + col.type() + ") AS " + col.name())
                        .toList());
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
