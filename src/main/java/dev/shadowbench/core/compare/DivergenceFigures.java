package dev.shadowbench.core.compare;

import dev.shadowbench.core.compare.Summary.CrossCell;
import dev.shadowbench.core.compare.Summary.Divergence;
import dev.shadowbench.core.compare.Summary.Group;
import dev.shadowbench.core.compare.Summary.Histogram;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Per-pair divergence over the {@code pairs} table: its distribution, histogram and breakdowns. */
final class DivergenceFigures {
    private DivergenceFigures() {}

    /** The task a comparison is about, detected from which columns both sides populate. */
    enum Kind {
        REGRESSION, CLASSIFICATION, RANKING;

        String json() { return name().toLowerCase(); }
    }

    /** SQL for the per-pair divergence value (null when a side has no value). */
    static String valueExpr(Kind kind, int topK) {
        return switch (kind) {
            case REGRESSION, CLASSIFICATION -> "abs(c_prediction - b_prediction)";
            case RANKING -> "1.0 - len(list_intersect(b_ranking[1:" + topK + "], c_ranking[1:" + topK + "])) / "
                    + "greatest(least(" + topK + ", greatest(len(b_ranking), len(c_ranking))), 1)";
        };
    }

    static String measure(Kind kind, int topK) {
        return switch (kind) {
            case REGRESSION -> "|candidate prediction - baseline prediction|";
            case CLASSIFICATION -> "|candidate score - baseline score|";
            case RANKING -> "1 - top-" + topK + " overlap";
        };
    }

    static Divergence compute(Queries q, Kind kind, SummaryOptions o) throws SQLException {
        String d = valueExpr(kind, o.topK());
        String rel = kind == Kind.REGRESSION
                ? "CASE WHEN b_prediction <> 0 THEN abs(c_prediction - b_prediction) / abs(b_prediction) END" : "NULL::DOUBLE";
        Object[] r = q.row("SELECT count(d), count(*) - count(d), avg(d), quantile_cont(d, [0.5, 0.95]), max(d), min(d), "
                + "avg(r), quantile_cont(r, [0.5, 0.95]), "
                + "avg(CASE WHEN b_class IS NOT NULL AND c_class IS NOT NULL THEN CAST(b_class <> c_class AS INT) END) "
                + "FROM (SELECT " + d + " AS d, " + rel + " AS r, b_class, c_class FROM pairs)");
        long withValue = Queries.lng(r[0]);
        List<Double> q1 = Queries.dblList(r[3]), q2 = Queries.dblList(r[7]);
        Double max = Queries.dbl(r[4]), min = Queries.dbl(r[5]);
        Histogram h = withValue == 0 || max == null || min == null ? null : histogram(q, "SELECT " + d + " AS v FROM pairs", Math.min(0.0, min), max, o.histogramBins());
        Double disagreement = kind == Kind.CLASSIFICATION ? Queries.dbl(r[8]) : null;
        List<CrossCell> cross = null;
        if (kind == Kind.CLASSIFICATION) {
            cross = new ArrayList<>();
            for (Object[] c : q.rows("SELECT b_class, c_class, count(*) FROM pairs WHERE b_class IS NOT NULL AND c_class IS NOT NULL "
                    + "GROUP BY ALL ORDER BY 1, 2")) {
                cross.add(new CrossCell((String) c[0], (String) c[1], Queries.lng(c[2])));
            }
        }
        Double mean = Queries.dbl(r[2]);
        return new Divergence(kind.json(), measure(kind, o.topK()), withValue, Queries.lng(r[1]),
                mean, at(q1, 0), at(q1, 1), max,
                Queries.dbl(r[6]), at(q2, 0), at(q2, 1), h, disagreement, cross,
                kind == Kind.RANKING ? o.topK() : null, kind == Kind.RANKING && mean != null ? 1.0 - mean : null);
    }

    private static Double at(List<Double> l, int i) { return l.size() > i ? l.get(i) : null; }

    /**
     * Equal-width histogram of column {@code v} of {@code source} between lo and hi; nulls are left out, so
     * the counts add up to the non-null values. Values equal to hi go to the last bin (as numpy does).
     */
    static Histogram histogram(Queries q, String source, double lo, double hi, int bins) throws SQLException {
        return histogram(q, source, "count(*)", lo, hi, bins);
    }

    /** {@link #histogram} where each row of {@code source} counts {@code count} times (e.g. "sum(na)" on a cdf table). */
    static Histogram histogram(Queries q, String source, String count, double lo, double hi, int bins) throws SQLException {
        if (!(hi > lo)) {
            Object[] r = q.row("SELECT " + count + " FROM (" + source + ") WHERE v IS NOT NULL");
            return new Histogram(List.of(lo, hi), List.of(Queries.lng(r[0])));
        }
        double w = (hi - lo) / bins;
        Long[] counts = new Long[bins];
        Arrays.fill(counts, 0L);
        for (Object[] r : q.rows("SELECT least(greatest(CAST(floor((v - ?) / ?) AS BIGINT), 0), ?) AS b, " + count + " "
                + "FROM (" + source + ") WHERE v IS NOT NULL GROUP BY b", lo, w, (long) bins - 1)) {
            counts[(int) Queries.lng(r[0])] += Queries.lng(r[1]);
        }
        List<Double> edges = new ArrayList<>(bins + 1);
        for (int i = 0; i <= bins; i++) edges.add(i == bins ? hi : lo + i * w);
        return new Histogram(edges, Arrays.asList(counts));
    }

    /** Divergence and latency per value of {@code keyExpr} (segment or day) over the pairs. */
    static List<Group> breakdown(Queries q, Kind kind, SummaryOptions o, String keyExpr) throws SQLException {
        String d = kind == null ? "NULL::DOUBLE" : valueExpr(kind, o.topK());
        List<Group> out = new ArrayList<>();
        // The key is cast to text after grouping: casting 10M dates to VARCHAR first cost more than the grouping.
        for (Object[] r : q.rows("SELECT CAST(k AS VARCHAR), n, d, d95, dis, b95, c95 FROM (SELECT " + keyExpr + " AS k, "
                + "count(*) AS n, avg(d) AS d, quantile_cont(d, 0.95) AS d95, "
                + "avg(CASE WHEN b_class IS NOT NULL AND c_class IS NOT NULL THEN CAST(b_class <> c_class AS INT) END) AS dis, "
                + "quantile_cont(b_latency, 0.95) AS b95, quantile_cont(c_latency, 0.95) AS c95 "
                + "FROM (SELECT " + keyExpr + ", b_class, c_class, b_latency, c_latency, " + d + " AS d FROM pairs) GROUP BY k) "
                + "ORDER BY k NULLS LAST")) {
            out.add(new Group((String) r[0], Queries.lng(r[1]), Queries.dbl(r[2]), Queries.dbl(r[3]),
                    kind == Kind.CLASSIFICATION ? Queries.dbl(r[4]) : null, Queries.dbl(r[5]), Queries.dbl(r[6])));
        }
        return out;
    }
}
