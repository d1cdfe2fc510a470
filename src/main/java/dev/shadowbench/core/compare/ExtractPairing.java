package dev.shadowbench.core.compare;

import dev.shadowbench.core.db.Db;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a pair index entry from the workspace's imported Spark extracts (schema {@code extract}, migration V007;
 * format in src/site/markdown/extract.md) instead of its records: the extract's per-day counts of the window's days
 * are summed and given running counts, so the entry has the tables every figure reads, and the figures are computed
 * by the same code as for a pairing of records. {@code pairs} holds only the extract's sample, extremes and flagged
 * pairs, {@code arms} no rows; the counts that stand in for them are kept beside, as {@code x_*} tables of the entry.
 */
final class ExtractPairing {
    private ExtractPairing() {}

    /** Extract tables copied into the entry for the window (read by {@link ExtractFigures}). */
    static final List<String> KEPT =
            List.of("label_sums", "class_pairs", "class_arms", "ranking_hits", "ranking_items", "flagged");

    /** Tables an extract entry has beyond the {@link PairIndex} ones (dropped with the entry). */
    static final List<String> EXTRA = List.of(
            "x_label_sums",
            "x_class_pairs",
            "x_class_arms",
            "x_ranking_hits",
            "x_ranking_items",
            "x_flagged",
            "x_arm_values",
            "x_meta");

    /** Whether an imported extract holds {@code cmp}'s sides (then it is paired from the extract). */
    static boolean covers(Db q, Comparison cmp) throws SQLException {
        return Db.lng(q.row(
                                "SELECT count(*) FROM extract.extracts WHERE baseline = ? AND candidate = ?",
                                cmp.baseline().key(),
                                cmp.candidate().key())[0])
                > 0;
    }

    /** The sides of the latest imported extract over all its days, or null without one. */
    static Comparison latest(java.sql.Connection c) throws SQLException {
        List<Object[]> r = new Db(c, dev.shadowbench.core.task.ProgressSink.NONE)
                .rows("SELECT baseline, candidate FROM extract.extracts ORDER BY extract_id DESC LIMIT 1");
        return r.isEmpty()
                ? null
                : new Comparison(Side.parse((String) r.get(0)[0]), Side.parse((String) r.get(0)[1]), null, null);
    }

    /** What a change of the extracts changes in a pair index's fingerprint. */
    static String fingerprint(Db q) throws SQLException {
        Object[] r = q.row("SELECT count(*), coalesce(max(extract_id), 0) FROM extract.extracts");
        return Db.lng(r[0]) + "/" + Db.lng(r[1]);
    }

    /** Creates the entry's tables under {@code prefix} from the extracts of {@code cmp}'s sides and window. */
    static Pairing.Coverage build(Db q, Comparison cmp, String prefix) throws SQLException {
        PairedComparison pc = new PairedComparison(cmp, null, prefix, true);
        List<Object> params =
                new ArrayList<>(List.of(cmp.baseline().key(), cmp.candidate().key()));
        java.sql.Date from = cmp.from() == null ? null : java.sql.Date.valueOf(cmp.from()),
                to = cmp.to() == null ? null : java.sql.Date.valueOf(cmp.to());
        params.addAll(java.util.Arrays.asList(from, from, to, to));
        String window = " WHERE extract_id IN (SELECT extract_id FROM extract.extracts WHERE baseline = ? AND "
                + "candidate = ?) AND (CAST(? AS DATE) IS NULL OR day >= ?) AND (CAST(? AS DATE) IS NULL OR day <= ?)";
        for (String t : KEPT)
            q.execute(
                    "CREATE TABLE " + pc.extractTable(t) + " AS SELECT * EXCLUDE (extract_id) FROM extract." + t
                            + window,
                    params.toArray());
        String vc = "extract_window_counts", sides = "extract_window_sides";
        q.execute(
                "CREATE OR REPLACE TEMP TABLE " + vc + " AS SELECT * EXCLUDE (extract_id) FROM extract.value_counts"
                        + window,
                params.toArray());
        q.execute(
                "CREATE OR REPLACE TEMP TABLE " + sides + " AS SELECT * EXCLUDE (extract_id) FROM extract.side_days"
                        + window,
                params.toArray());
        q.execute(
                "CREATE TABLE " + pc.pairs() + " AS SELECT request_id, ts, day, segment, b_prediction, c_prediction, "
                        + "b_class, c_class, b_ranking, c_ranking, b_latency, c_latency, b_feedback, c_feedback, label, "
                        + "label_class FROM extract.pairs" + window,
                params.toArray());
        q.execute("CREATE TABLE " + pc.arms() + "(side VARCHAR, request_id VARCHAR, day DATE, prediction DOUBLE, "
                + "predicted_class VARCHAR, ranking VARCHAR[], latency_ms DOUBLE)");
        q.execute(
                "CREATE TABLE " + pc.sideDays() + " AS SELECT CASE side WHEN 'baseline' THEN 'b' ELSE 'c' END AS side, "
                        + "day, "
                        + sums(
                                "ids",
                                "rows",
                                "predictions",
                                "classes",
                                "rankings",
                                "latencies",
                                "feedback",
                                "feedback_ids",
                                "complaint_ids")
                        + ", CAST(sum(rows - ids) AS BIGINT) AS duplicates FROM " + sides + " GROUP BY ALL");
        Object[] cov = q.row(
                "SELECT " + total("paired") + ", " + total("baseline_only") + ", " + total("candidate_only")
                        + " FROM extract.coverage" + window,
                params.toArray());
        Object[] rows =
                q.row("SELECT coalesce(sum(rows) FILTER (side = 'b'), 0), coalesce(sum(rows) FILTER (side = 'c'), 0), "
                        + "coalesce(sum(duplicates), 0), coalesce(sum(rankings) FILTER (side = 'b'), 0), "
                        + "coalesce(sum(rankings) FILTER (side = 'c'), 0) FROM " + pc.sideDays());
        boolean ranking = Db.lng(rows[3]) > 0 && Db.lng(rows[4]) > 0;

        TwoSampleTests.countedCdfInto(
                q, counted(vc, "prediction", "baseline", "candidate"), "TABLE " + pc.predictionCdf());
        TwoSampleTests.countedCdfInto(q, counted(vc, "latency", "baseline", "candidate"), "TABLE " + pc.latencyCdf());
        String diff = ranking ? "ranking_divergence" : "abs_difference";
        TwoSampleTests.countedCdfInto(
                q,
                "SELECT x, measure = '" + diff + "' AS isb, n FROM " + vc + " WHERE measure IN ('" + diff
                        + "', 'rel_difference')",
                "TABLE " + pc.divergenceCdf());
        TwoSampleTests.countedCdfInto(
                q,
                "SELECT x, measure = 'signed_difference' AS isb, n FROM " + vc
                        + " WHERE measure IN ('signed_difference', 'signed_rel_difference')",
                "TABLE " + pc.signedCdf());
        q.execute("CREATE OR REPLACE TEMP TABLE breakdown_values AS SELECT segment, day, x, "
                + "CAST(coalesce(sum(n) FILTER (measure = '" + diff + "'), 0) AS BIGINT) AS nd, "
                + "CAST(coalesce(sum(n) FILTER (measure = 'pair_latency' AND side = 'baseline'), 0) AS BIGINT) AS nb, "
                + "CAST(coalesce(sum(n) FILTER (measure = 'pair_latency' AND side = 'candidate'), 0) AS BIGINT) AS nc "
                + "FROM " + vc + " WHERE measure IN ('" + diff + "', 'pair_latency') GROUP BY segment, day, x");
        DivergenceFigures.breakdownInto(q, pc);
        String groups = "SELECT '%1$s' AS dim, CAST(%1$s AS VARCHAR) AS k, CAST(sum(pairs) AS BIGINT) AS n, "
                + "CAST(sum(classed) AS BIGINT) AS classed, CAST(sum(differ) AS BIGINT) AS differ FROM extract.pair_groups"
                + window + " GROUP BY %1$s";
        List<Object> twice = new ArrayList<>(params);
        twice.addAll(params);
        q.execute(
                "CREATE TABLE " + pc.groupCounts() + " AS " + String.format(java.util.Locale.ROOT, groups, "segment")
                        + " UNION ALL " + String.format(java.util.Locale.ROOT, groups, "day"),
                twice.toArray());
        // each arm's values per day, without segments: the canary's per-day tests (ArmFigures)
        q.execute("CREATE TABLE " + pc.extractTable("arm_values") + " AS SELECT day, measure, x, "
                + "CAST(coalesce(sum(n) FILTER (side = 'baseline'), 0) AS BIGINT) AS na, "
                + "CAST(coalesce(sum(n) FILTER (side = 'candidate'), 0) AS BIGINT) AS nb FROM " + vc
                + " WHERE measure IN ('prediction', 'latency') GROUP BY day, measure, x");
        q.execute(
                "CREATE TABLE " + pc.extractTable("meta") + " AS SELECT min(top_k) AS top_k, min(seed) AS seed, "
                        + "min(sample_size) AS sample_size, min(extremes) AS extremes, "
                        + "min(significant_digits) AS significant_digits, CAST(sum(rows_unreadable) AS BIGINT) AS "
                        + "rows_unreadable, min(outliers_by) AS outliers_by FROM extract.extracts WHERE baseline = ? AND "
                        + "candidate = ?",
                cmp.baseline().key(),
                cmp.candidate().key());
        q.execute("DROP TABLE " + vc);
        q.execute("DROP TABLE " + sides);
        return new Pairing.Coverage(
                Db.lng(rows[0]), Db.lng(rows[1]), Db.lng(cov[0]), Db.lng(cov[1]), Db.lng(cov[2]), Db.lng(rows[2]));
    }

    private static String sums(String... cols) {
        List<String> out = new ArrayList<>();
        for (String c : cols) out.add("CAST(sum(" + c + ") AS BIGINT) AS " + c);
        return String.join(", ", out);
    }

    private static String total(String col) {
        return "CAST(coalesce(sum(" + col + "), 0) AS BIGINT)";
    }

    /** Rows (x, isb, n) of one measure's value counts, isb for side {@code a}. */
    private static String counted(String vc, String measure, String a, String b) {
        return "SELECT x, side = '" + a + "' AS isb, n FROM " + vc + " WHERE measure = '" + measure + "' AND side IN ('"
                + a + "', '" + b + "')";
    }
}
