package dev.shadowbench.core.compare;

import dev.shadowbench.core.canary.ComplaintCounts;
import dev.shadowbench.core.compare.DivergenceFigures.Kind;
import dev.shadowbench.core.compare.Summary.CrossCell;
import dev.shadowbench.core.compare.Summary.LabelFigures;
import dev.shadowbench.core.compare.Summary.Labels;
import dev.shadowbench.core.db.Db;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures that read every pair or record of a pairing ({@link LabelQuality}, the class disagreement of
 * {@link DivergenceFigures}, the canary figures of {@link ArmFigures}, the complaint counts), computed instead from an
 * extract's counts and sums ({@link ExtractPairing}'s {@code x_*} tables): the same definitions, written as sums of
 * counts (format in src/site/markdown/extract.md).
 */
final class ExtractFigures {
    private ExtractFigures() {}

    /** The extract's top k; figures of rankings at another k are not in the extract. */
    static int topK(Db q, PairedComparison pc) throws SQLException {
        return (int) Db.lng(q.row("SELECT top_k FROM " + pc.extractTable("meta"))[0]);
    }

    /** Why a ranking figure at {@code o}'s top k cannot be answered, or null when it can. */
    static String topKMissing(Db q, PairedComparison pc, SummaryOptions o) throws SQLException {
        int k = topK(q, pc);
        return k == o.topK() ? null : "not in the extract: it counted rankings at top-" + k + ", not top-" + o.topK();
    }

    /**
     * What a review of an extract cannot show, in {@code unavailable}: the charts drawn from every pair (the density
     * of baseline against candidate, a regression's residuals) and the pairs outside the extract's sample.
     */
    static void notInExtract(Db q, PairedComparison pc, Kind kind, Map<String, String> unavailable)
            throws SQLException {
        unavailable.put("charts.density", PairedComparison.NOT_IN_EXTRACT);
        if (kind == Kind.REGRESSION) unavailable.put("charts.residuals", PairedComparison.NOT_IN_EXTRACT);
        Object[] m = q.row("SELECT sample_size, seed, extremes FROM " + pc.extractTable("meta"));
        unavailable.put(
                "pairs",
                "the extract holds " + Db.lng(m[0]) + " pairs per day drawn with seed " + Db.lng(m[1]) + ", the "
                        + Db.lng(m[2])
                        + " most extreme per day and the flagged pairs; other pairs are not in the extract");
    }

    /** Lines the Spark job could not read (the summary's quarantined count for an extract). */
    static long unreadable(Db q, PairedComparison pc) throws SQLException {
        return Db.lng(q.row("SELECT coalesce(rows_unreadable, 0) FROM " + pc.extractTable("meta"))[0]);
    }

    /** Labels of the paired requests, as {@link LabelQuality#compute}'s figures. */
    static Labels labels(Db q, PairedComparison pc, Kind kind, SummaryOptions o, Map<String, String> unavailable)
            throws SQLException {
        if (kind == Kind.REGRESSION) {
            Object[] r = q.row("SELECT coalesce(sum(n) FILTER (side = 'baseline'), 0), " + error("baseline") + ", "
                    + error("candidate") + " FROM " + pc.extractTable("label_sums") + " WHERE scope = 'pair'");
            long n = Db.lng(r[0]);
            if (n == 0)
                return LabelQuality.none(unavailable, "no paired request with a prediction on both sides has a label");
            return new Labels(
                    n,
                    null,
                    new LabelFigures(Db.dbl(r[1]), Db.dbl(r[2]), null, null, null, null, null),
                    new LabelFigures(Db.dbl(r[3]), Db.dbl(r[4]), null, null, null, null, null),
                    null);
        }
        if (kind == Kind.CLASSIFICATION) {
            String from = " FROM " + pc.extractTable("class_pairs") + " WHERE y IS NOT NULL";
            String pos = positiveClass(q, from, o);
            if (pos == null)
                return LabelQuality.none(unavailable, "no paired request with a class on both sides has a label");
            String sql =
                    "SELECT sum(n), " + classFigures("b_class", "b_") + ", " + classFigures("c_class", "c_") + from;
            Object[] r = q.row(sql, positives(sql, pos));
            return new Labels(Db.lng(r[0]), pos, figures(r, 1), figures(r, 5), null);
        }
        String missing = topKMissing(q, pc, o);
        if (missing != null) return LabelQuality.none(unavailable, missing);
        Object[] r = q.row("SELECT coalesce(sum(n), 0), CAST(sum(b_hits) AS DOUBLE) / sum(n), "
                + "CAST(sum(c_hits) AS DOUBLE) / sum(n) FROM " + pc.extractTable("ranking_hits"));
        long n = Db.lng(r[0]);
        if (n == 0)
            return LabelQuality.none(unavailable, "no paired request with a ranking on both sides has a clicked item");
        return new Labels(
                n,
                null,
                new LabelFigures(null, null, null, null, null, null, Db.dbl(r[1])),
                new LabelFigures(null, null, null, null, null, null, Db.dbl(r[2])),
                null);
    }

    /** Each side's label error per segment or day, as {@link LabelQuality#errorBy}. */
    static Map<String, Double[]> errorBy(Db q, PairedComparison pc, Kind kind, String dim) throws SQLException {
        String sql;
        if (kind == Kind.REGRESSION)
            sql = "SELECT CAST(k AS VARCHAR), b, c FROM (SELECT " + dim + " AS k, "
                    + "sum(abs_err) FILTER (side = 'baseline') / sum(n) FILTER (side = 'baseline') AS b, "
                    + "sum(abs_err) FILTER (side = 'candidate') / sum(n) FILTER (side = 'candidate') AS c FROM "
                    + pc.extractTable("label_sums") + " WHERE scope = 'pair' GROUP BY " + dim + ")";
        else if (kind == Kind.CLASSIFICATION)
            sql = "SELECT CAST(k AS VARCHAR), 1 - b, 1 - c FROM (SELECT " + dim + " AS k, "
                    + "CAST(coalesce(sum(n) FILTER (b_class = y), 0) AS DOUBLE) / sum(n) AS b, "
                    + "CAST(coalesce(sum(n) FILTER (c_class = y), 0) AS DOUBLE) / sum(n) AS c FROM "
                    + pc.extractTable("class_pairs") + " WHERE y IS NOT NULL GROUP BY " + dim + ")";
        else return java.util.Collections.emptyMap();
        Map<String, Double[]> out = new HashMap<>();
        for (Object[] r : q.rows(sql)) out.put((String) r[0], new Double[] {Db.dbl(r[1]), Db.dbl(r[2])});
        return out;
    }

    /** Each arm's label figures over its own requests, as {@link LabelQuality#perArm}. */
    static Arms.ArmLabels perArm(Db q, PairedComparison pc, Kind kind, SummaryOptions o) throws SQLException {
        long[] n = new long[2];
        LabelFigures[] f = new LabelFigures[2];
        String pos = null;
        if (kind == Kind.REGRESSION) {
            for (Object[] r : q.rows("SELECT side, sum(n), sum(abs_err) / sum(n), sqrt(sum(sq_err) / sum(n)) FROM "
                    + pc.extractTable("label_sums") + " WHERE scope = 'arm' AND n > 0 GROUP BY side")) {
                int i = "baseline".equals(r[0]) ? 0 : 1;
                n[i] = Db.lng(r[1]);
                f[i] = new LabelFigures(Db.dbl(r[2]), Db.dbl(r[3]), null, null, null, null, null);
            }
        } else if (kind == Kind.CLASSIFICATION) {
            String from = " FROM " + pc.extractTable("class_arms") + " WHERE y IS NOT NULL";
            pos = positiveClass(q, from, o);
            if (pos == null) return null;
            String sql = "SELECT side, sum(n), " + classFigures("class", "") + from + " GROUP BY side";
            for (Object[] r : q.rows(sql, positives(sql, pos))) {
                int i = "baseline".equals(r[0]) ? 0 : 1;
                n[i] = Db.lng(r[1]);
                f[i] = figures(r, 2);
            }
        } else return null;
        if (n[0] + n[1] == 0) return null;
        return new Arms.ArmLabels(n[0], n[1], pos, f[0], f[1]);
    }

    /** The share of classed pairs whose classes differ, as {@link DivergenceFigures}'s disagreement. */
    static Double disagreement(Db q, PairedComparison pc) throws SQLException {
        return Db.dbl(q.row("SELECT CAST(sum(n) FILTER (b_class <> c_class) AS DOUBLE) / sum(n) FROM "
                + pc.extractTable("class_pairs"))[0]);
    }

    /** The baseline x candidate class table of the classed pairs. */
    static List<CrossCell> cross(Db q, PairedComparison pc) throws SQLException {
        List<CrossCell> out = new ArrayList<>();
        for (Object[] c : q.rows("SELECT b_class, c_class, sum(n) FROM " + pc.extractTable("class_pairs")
                + " GROUP BY ALL ORDER BY 1, 2")) out.add(new CrossCell((String) c[0], (String) c[1], Db.lng(c[2])));
        return out;
    }

    /** One side's ('b' or 'c') requests, feedback and complaints per day, as {@link ComplaintCounts#sql}. */
    static List<ComplaintCounts.Day> complaintDays(Db q, PairedComparison pc, String side) throws SQLException {
        return ComplaintCounts.fromRows(q.rows(
                "SELECT CAST(day AS VARCHAR), ids, feedback_ids, complaint_ids FROM " + pc.sideDays()
                        + " WHERE side = ? ORDER BY day NULLS LAST",
                side));
    }

    /** MAE and RMSE of one side from the pair scope's sums. */
    private static String error(String side) {
        String f = " FILTER (side = '" + side + "')";
        return "sum(abs_err)" + f + " / sum(n)" + f + ", sqrt(sum(sq_err)" + f + " / sum(n)" + f + ")";
    }

    /**
     * Accuracy, precision, recall and log loss of the class column {@code cls} (scores in {@code p}scored,
     * {@code p}ln_p, {@code p}ln_q) over rows with a label class y; every placeholder is the positive class.
     */
    private static String classFigures(String cls, String p) {
        String share = "CAST(coalesce(sum(n) FILTER (%s), 0) AS DOUBLE) / nullif(sum(n) FILTER (%s), 0)";
        return String.format(java.util.Locale.ROOT, share, cls + " = y", "TRUE") + ", "
                + String.format(java.util.Locale.ROOT, share, cls + " = ? AND y = ?", cls + " = ?") + ", "
                + String.format(java.util.Locale.ROOT, share, cls + " = ? AND y = ?", "y = ?") + ", "
                + "-(coalesce(sum(" + p + "ln_p) FILTER (y = ?), 0) + coalesce(sum(" + p + "ln_q) FILTER (y <> ?), 0)) "
                + "/ nullif(sum(" + p + "scored), 0)";
    }

    private static Object[] positives(String sql, String pos) {
        return LabelQuality.positives(sql, pos);
    }

    private static LabelFigures figures(Object[] r, int i) {
        return new LabelFigures(null, null, Db.dbl(r[i]), Db.dbl(r[i + 1]), Db.dbl(r[i + 2]), Db.dbl(r[i + 3]), null);
    }

    /** The positive class as {@link LabelQuality}'s rule, over count rows {@code from} (" FROM ... WHERE y IS NOT NULL"). */
    private static String positiveClass(Db q, String from, SummaryOptions o) throws SQLException {
        if (o.positiveClass() != null) return o.positiveClass();
        Object[] r =
                q.row("SELECT CASE WHEN bool_or(y = '1') THEN '1' WHEN bool_or(lower(y) = 'true') THEN 'true' END, "
                        + "(SELECT y" + from + " GROUP BY y ORDER BY sum(n), y LIMIT 1)" + from);
        return r[0] != null ? (String) r[0] : (String) r[1];
    }
}
