package dev.shadowbench.core.compare;

import dev.shadowbench.core.compare.Summary.LabelFigures;
import dev.shadowbench.core.compare.Summary.Labels;
import dev.shadowbench.core.db.Db;
import dev.shadowbench.core.format.FigureFormat;
import java.sql.SQLException;
import java.util.Map;

/** Each side's quality against ground truth, on the same labelled pairs for both (a fair comparison). */
public final class LabelQuality {
    private LabelQuality() {}

    /**
     * A labels row's class: a numeric label 1.0 reads as class "1", so 0/1 labels imported as numbers match predicted
     * classes. Also what a synthetic baseline counts to find the majority class and the most clicked items.
     */
    public static final String LABEL_CLASS = "coalesce(label_class, CASE WHEN label = floor(label) "
            + "THEN CAST(CAST(label AS BIGINT) AS VARCHAR) ELSE CAST(label AS VARCHAR) END)";

    /** The figures of both sides, and the candidate's beside {@code baselineName}'s (e.g. a synthetic recipe). */
    static Labels compute(
            Db q,
            PairedComparison pc,
            DivergenceFigures.Kind kind,
            SummaryOptions o,
            String baselineName,
            Map<String, String> unavailable)
            throws SQLException {
        Labels l = figures(q, pc, kind, o, unavailable);
        return l.baseline() == null
                ? l
                : new Labels(
                        l.labelledPairs(),
                        l.positiveClass(),
                        l.baseline(),
                        l.candidate(),
                        versus(l.baseline(), l.candidate(), o, baselineName));
    }

    private static Labels figures(
            Db q, PairedComparison pc, DivergenceFigures.Kind kind, SummaryOptions o, Map<String, String> unavailable)
            throws SQLException {
        if (pc.extract()) return ExtractFigures.labels(q, pc, kind, o, unavailable);
        if (kind == DivergenceFigures.Kind.REGRESSION) {
            Object[] r = q.row("SELECT count(*), " + mae("b") + ", sqrt(avg((b_prediction - label) ^ 2)), " + mae("c")
                    + ", sqrt(avg((c_prediction - label) ^ 2))" + regressionLabelled(pc));
            long n = Db.lng(r[0]);
            if (n == 0) return none(unavailable, "no paired request with a prediction on both sides has a label");
            return new Labels(
                    n,
                    null,
                    new LabelFigures(Db.dbl(r[1]), Db.dbl(r[2]), null, null, null, null, null),
                    new LabelFigures(Db.dbl(r[3]), Db.dbl(r[4]), null, null, null, null, null),
                    null);
        }
        if (kind == DivergenceFigures.Kind.CLASSIFICATION) {
            String where = classLabelled(pc);
            String pos = positiveClass(q, where, o);
            if (pos == null) return none(unavailable, "no paired request with a class on both sides has a label");
            String sql = "SELECT count(*), " + figures("b") + ", " + figures("c") + where;
            // every placeholder is the positive class: as many as the SQL has (a fixed count left the candidate's last
            // two unbound, so its recall and log loss read NULL for the class)
            Object[] r = q.row(sql, positives(sql, pos));
            long n = Db.lng(r[0]);
            return new Labels(n, pos, classFigures(r, 1), classFigures(r, 5), null);
        }
        // a labelled request's labels are the items clicked; it is a hit when one of them is among the first k
        Object[] r = q.row(
                "SELECT count(*), avg(CAST(list_has_any(b_ranking[1:?], items) AS INT)), "
                        + "avg(CAST(list_has_any(c_ranking[1:?], items) AS INT)) FROM " + pc.pairs()
                        + " JOIN (SELECT request_id, list(DISTINCT " + LABEL_CLASS + ") AS items FROM labels "
                        + "WHERE " + LABEL_CLASS + " IS NOT NULL GROUP BY request_id) USING (request_id) "
                        + "WHERE b_ranking IS NOT NULL AND c_ranking IS NOT NULL",
                o.topK(),
                o.topK());
        long n = Db.lng(r[0]);
        if (n == 0) return none(unavailable, "no paired request with a ranking on both sides has a clicked item");
        return new Labels(
                n,
                null,
                new LabelFigures(null, null, null, null, null, null, Db.dbl(r[1])),
                new LabelFigures(null, null, null, null, null, null, Db.dbl(r[2])),
                null);
    }

    /** " FROM ... WHERE ...": the pairs whose regression figures are compared (a label, a prediction on both sides). */
    static String regressionLabelled(PairedComparison pc) {
        return " FROM " + pc.pairs()
                + " WHERE label IS NOT NULL AND b_prediction IS NOT NULL AND c_prediction IS NOT NULL";
    }

    /** " FROM ... WHERE ...": the pairs whose class figures are compared, with their label's class as y. */
    private static String classLabelled(PairedComparison pc) {
        return " FROM (SELECT *, " + LABEL_CLASS + " AS y FROM " + pc.pairs() + ") "
                + "WHERE y IS NOT NULL AND b_class IS NOT NULL AND c_class IS NOT NULL";
    }

    private static String mae(String side) {
        return "avg(abs(" + side + "_prediction - label))";
    }

    private static String accuracy(String side) {
        return "avg(CAST(" + side + "_class = y AS INT))";
    }

    /**
     * Each side's label error per value of {@code dim} ("segment" or "day"), on the same labelled pairs as
     * {@link #compute}: MAE for a regression, 1 - accuracy for a classification; keyed as the breakdowns are (text, a
     * null key for pairs with no segment), a group with no labelled pair absent. Empty for a ranking.
     */
    static Map<String, Double[]> errorBy(Db q, PairedComparison pc, DivergenceFigures.Kind kind, String dim)
            throws SQLException {
        if (!dim.equals("segment") && !dim.equals("day")) throw new IllegalArgumentException("no breakdown " + dim);
        if (pc.extract()) return ExtractFigures.errorBy(q, pc, kind, dim);
        String b, c, from;
        if (kind == DivergenceFigures.Kind.REGRESSION) {
            b = mae("b");
            c = mae("c");
            from = regressionLabelled(pc);
        } else if (kind == DivergenceFigures.Kind.CLASSIFICATION) {
            b = "1 - " + accuracy("b");
            c = "1 - " + accuracy("c");
            from = classLabelled(pc);
        } else return java.util.Collections.emptyMap(); // get(null) works: a group with no segment
        Map<String, Double[]> out = new java.util.HashMap<>();
        // grouped first, then the key cast to text (as the breakdowns do: casting every date first costs more)
        for (Object[] r : q.rows("SELECT CAST(k AS VARCHAR), b, c FROM (SELECT " + dim + " AS k, " + b + " AS b, " + c
                + " AS c" + from + " GROUP BY " + dim + ")")) {
            out.put((String) r[0], new Double[] {Db.dbl(r[1]), Db.dbl(r[2])});
        }
        return out;
    }

    /** The headline figure of each side read as an error, and how much less of it the candidate makes. */
    private static Summary.VersusBaseline versus(
            LabelFigures b, LabelFigures c, SummaryOptions o, String baselineName) {
        String metric, shown;
        double bv, cv, be, ce;
        if (b.mae() != null && c.mae() != null) {
            metric = "mae";
            bv = b.mae();
            cv = c.mae();
            be = bv;
            ce = cv;
            shown = "MAE " + FigureFormat.num(cv) + " vs " + FigureFormat.num(bv);
        } else if (b.accuracy() != null && c.accuracy() != null) {
            metric = "accuracy";
            bv = b.accuracy();
            cv = c.accuracy();
            be = 1 - bv;
            ce = 1 - cv;
            shown = "accuracy " + FigureFormat.pct(cv) + " vs " + FigureFormat.pct(bv);
        } else if (b.hitRate() != null && c.hitRate() != null) {
            metric = "hit_rate";
            bv = b.hitRate();
            cv = c.hitRate();
            be = 1 - bv;
            ce = 1 - cv;
            shown = "hit rate@" + o.topK() + " " + FigureFormat.pct(cv) + " vs " + FigureFormat.pct(bv);
        } else {
            return null;
        }
        Double reduction = be > 0 ? (be - ce) / be : null;
        String how = reduction == null
                ? "the baseline makes no error"
                : reduction >= 0
                        ? FigureFormat.pct(reduction) + " less error"
                        : FigureFormat.pct(-reduction) + " more error";
        return new Summary.VersusBaseline(metric, bv, cv, reduction, shown + " for " + baselineName + ": " + how);
    }

    /**
     * The positive class: the option's, else "1" or "true" when a label says so, else the rarest label. {@code where}
     * is " FROM ... WHERE ..." over rows with a column y.
     */
    private static String positiveClass(Db q, String where, SummaryOptions o) throws SQLException {
        if (o.positiveClass() != null) return o.positiveClass();
        Object[] r =
                q.row("SELECT CASE WHEN bool_or(y = '1') THEN '1' WHEN bool_or(lower(y) = 'true') THEN 'true' END, "
                        + "(SELECT y" + where + " GROUP BY y ORDER BY count(*), y LIMIT 1)" + where);
        return r[0] != null ? (String) r[0] : (String) r[1];
    }

    /**
     * Each arm's quality against the labels of its own requests ({@code arms}: a {@link PairedComparison#arms()}
     * table), for a canary where the arms serve different requests; the same figures as {@link #compute}. Null when
     * no labelled request of either arm has a value to score or the outputs are rankings.
     */
    static Arms.ArmLabels perArm(Db q, String arms, DivergenceFigures.Kind kind, SummaryOptions o) throws SQLException {
        String labelled = " FROM (SELECT a.side, a.prediction AS x_prediction, a.predicted_class AS x_class, l.label, "
                + LABEL_CLASS + " AS y FROM " + arms + " a JOIN (SELECT request_id, any_value(label) AS label, "
                + "any_value(label_class) AS label_class FROM labels GROUP BY request_id) l USING (request_id)) ";
        long[] n = new long[2];
        Summary.LabelFigures[] f = new Summary.LabelFigures[2];
        String pos = null;
        if (kind == DivergenceFigures.Kind.REGRESSION) {
            for (Object[] r : q.rows("SELECT side, count(*), avg(abs(x_prediction - label)), "
                    + "sqrt(avg((x_prediction - label) ^ 2))" + labelled
                    + "WHERE label IS NOT NULL AND x_prediction IS NOT NULL GROUP BY side")) {
                int i = "b".equals(r[0]) ? 0 : 1;
                n[i] = Db.lng(r[1]);
                f[i] = new Summary.LabelFigures(Db.dbl(r[2]), Db.dbl(r[3]), null, null, null, null, null);
            }
        } else if (kind == DivergenceFigures.Kind.CLASSIFICATION) {
            String where = labelled + "WHERE y IS NOT NULL AND x_class IS NOT NULL";
            pos = positiveClass(q, where, o);
            if (pos == null) return null;
            String sql = "SELECT side, count(*), " + figures("x") + where + " GROUP BY side";
            for (Object[] r : q.rows(sql, positives(sql, pos))) {
                int i = "b".equals(r[0]) ? 0 : 1;
                n[i] = Db.lng(r[1]);
                f[i] = classFigures(r, 2);
            }
        } else return null;
        if (n[0] + n[1] == 0) return null;
        return new Arms.ArmLabels(n[0], n[1], pos, f[0], f[1]);
    }

    /** The positive class once for each placeholder of {@code sql} (they all stand for it). */
    static Object[] positives(String sql, String pos) {
        Object[] params = new Object[(int) sql.chars().filter(ch -> ch == '?').count()];
        java.util.Arrays.fill(params, pos);
        return params;
    }

    private static String figures(String s) {
        // accuracy, precision, recall, log loss (score = P(positive), clipped as scikit-learn does)
        return accuracy(s) + ", "
                + "count(*) FILTER (" + s + "_class = ? AND y = ?) / nullif(count(*) FILTER (" + s + "_class = ?), 0), "
                + "count(*) FILTER (" + s + "_class = ? AND y = ?) / nullif(count(*) FILTER (y = ?), 0), "
                + "-avg(CASE WHEN " + s + "_prediction IS NULL THEN NULL WHEN y = ? THEN ln(least(greatest(" + s
                + "_prediction, 1e-15), 1 - 1e-15)) "
                + "ELSE ln(1 - least(greatest(" + s + "_prediction, 1e-15), 1 - 1e-15)) END)";
    }

    private static LabelFigures classFigures(Object[] r, int i) {
        return new LabelFigures(null, null, Db.dbl(r[i]), Db.dbl(r[i + 1]), Db.dbl(r[i + 2]), Db.dbl(r[i + 3]), null);
    }

    static Labels none(Map<String, String> unavailable, String reason) {
        unavailable.put("labels", reason);
        return new Labels(0, null, null, null, null);
    }
}
