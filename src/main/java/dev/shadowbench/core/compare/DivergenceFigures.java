package dev.shadowbench.core.compare;

import dev.shadowbench.core.chart.PairFilter;
import dev.shadowbench.core.compare.Summary.CrossCell;
import dev.shadowbench.core.compare.Summary.Divergence;
import dev.shadowbench.core.compare.Summary.Group;
import dev.shadowbench.core.compare.Summary.Histogram;
import dev.shadowbench.core.db.Db;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Per-pair divergence over a {@link PairedComparison}'s pairs: its distribution, histogram and breakdowns. */
final class DivergenceFigures {
    private DivergenceFigures() {}

    /** The task a comparison is about, detected from which columns both sides populate. */
    enum Kind {
        REGRESSION,
        CLASSIFICATION,
        RANKING;

        String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** SQL for the per-pair divergence value (null when a side has no value). */
    static String valueExpr(Kind kind, int topK) {
        return switch (kind) {
            case REGRESSION, CLASSIFICATION -> "abs(c_prediction - b_prediction)";
            case RANKING ->
                "1.0 - len(list_intersect(b_ranking[1:" + topK + "], c_ranking[1:" + topK + "])) / " + "greatest(least("
                        + topK + ", greatest(len(b_ranking), len(c_ranking))), 1)";
        };
    }

    static String measure(Kind kind, int topK) {
        return switch (kind) {
            case REGRESSION -> "|candidate prediction - baseline prediction|";
            case CLASSIFICATION -> "|candidate score - baseline score|";
            case RANKING -> "1 - top-" + topK + " overlap";
        };
    }

    /** The regression or score difference every pair index stores value counts of; RANKING depends on top-k. */
    static final String STORED_DIFF = "abs(c_prediction - b_prediction)";

    static final String STORED_REL =
            "CASE WHEN b_prediction <> 0 THEN abs(c_prediction - b_prediction) / abs(b_prediction) END";

    /**
     * Builds a pair index's value-count tables from its pairs: {@code divergence_cdf} (x with
     * counts and running counts of the absolute difference, na/ca, and of the relative one, nb/cb) and
     * {@code breakdown_cdf} (dim 'segment' or 'day', key k, x with counts and running counts within the group
     * of the absolute difference nd/cd, baseline latency nb/cb and candidate latency nc/cc). Percentiles then read a
     * table of distinct values with running counts instead of sorting 10M values for each one.
     */
    static void buildIndexTables(Db q, PairedComparison pc) throws SQLException {
        String pairs = pc.pairs();
        TwoSampleTests.cdfInto(
                q,
                "SELECT " + STORED_DIFF + " AS x, TRUE AS isb FROM " + pairs + " WHERE " + STORED_DIFF + " IS NOT NULL "
                        + "UNION ALL SELECT " + STORED_REL + ", FALSE FROM " + pairs
                        + " WHERE b_prediction <> 0 AND c_prediction IS NOT NULL",
                "TABLE " + pc.divergenceCdf());
        // The signed difference and its relative form, for the divergence chart (its percentiles and bins).
        String diff = PairFilter.Measure.DIFFERENCE.sql(), rel = PairFilter.Measure.RELATIVE.sql();
        TwoSampleTests.cdfInto(
                q,
                "SELECT " + diff + " AS x, TRUE AS isb FROM " + pairs + " WHERE " + diff + " IS NOT NULL "
                        + "UNION ALL SELECT " + rel + ", FALSE FROM " + pairs + " WHERE " + rel + " IS NOT NULL",
                "TABLE " + pc.signedCdf());
        // One pass groups the three values by (segment, day, value); the per-segment and per-day counts are sums of it.
        q.execute(
                "CREATE OR REPLACE TEMP TABLE breakdown_values AS SELECT segment, day, x, count(*) FILTER (col = 0) AS nd, "
                        + "count(*) FILTER (col = 1) AS nb, count(*) FILTER (col = 2) AS nc FROM ("
                        + "SELECT segment, day, 0 AS col, " + STORED_DIFF + " AS x FROM " + pairs + " WHERE "
                        + STORED_DIFF + " IS NOT NULL "
                        + "UNION ALL SELECT segment, day, 1, b_latency FROM " + pairs + " WHERE b_latency IS NOT NULL "
                        + "UNION ALL SELECT segment, day, 2, c_latency FROM " + pairs
                        + " WHERE c_latency IS NOT NULL) GROUP BY segment, day, x");
        breakdownInto(q, pc);
        // Pairs per segment and per day, with how many have both classes and how many of those disagree.
        String counts = "SELECT '%1$s' AS dim, CAST(%1$s AS VARCHAR) AS k, count(*) AS n, "
                + "count(*) FILTER (b_class IS NOT NULL AND c_class IS NOT NULL) AS classed, count(*) FILTER (b_class <> c_class) AS differ "
                + "FROM " + pairs + " GROUP BY %1$s";
        q.execute("CREATE TABLE " + pc.groupCounts() + " AS " + String.format(Locale.ROOT, counts, "segment")
                + " UNION ALL " + String.format(Locale.ROOT, counts, "day"));
    }

    /**
     * Creates {@code breakdown_cdf} from the temp table {@code breakdown_values} (segment, day, x, and the counts nd,
     * nb, nc of the absolute difference and each side's latency at x) and drops that table: the pair index makes it
     * from the pairs, an extract ({@link ExtractPairing}) from its value counts.
     */
    static void breakdownInto(Db q, PairedComparison pc) throws SQLException {
        String grouped =
                "SELECT '%1$s' AS dim, CAST(%1$s AS VARCHAR) AS k, x, sum(nd) AS nd, sum(nb) AS nb, sum(nc) AS nc "
                        + "FROM breakdown_values GROUP BY %1$s, x";
        // Each row also carries its group's totals (td, tb, tc), so a group's percentile needs no join.
        q.execute("CREATE TABLE " + pc.breakdownCdf()
                + " AS SELECT dim, k, x, nd, nb, nc, CAST(sum(nd) OVER w AS BIGINT) AS cd, "
                + "CAST(sum(nb) OVER w AS BIGINT) AS cb, CAST(sum(nc) OVER w AS BIGINT) AS cc, CAST(sum(nd) OVER g AS BIGINT) AS td, "
                + "CAST(sum(nb) OVER g AS BIGINT) AS tb, CAST(sum(nc) OVER g AS BIGINT) AS tc FROM ("
                + String.format(Locale.ROOT, grouped, "segment") + " UNION ALL "
                + String.format(Locale.ROOT, grouped, "day") + ") "
                + "WINDOW w AS (PARTITION BY dim, k ORDER BY x ROWS UNBOUNDED PRECEDING), g AS (PARTITION BY dim, k)");
        q.execute("DROP TABLE breakdown_values");
    }

    static Divergence compute(Db q, PairedComparison pc, Kind kind, SummaryOptions o) throws SQLException {
        if (kind == Kind.RANKING && !pc.extract()) return computeOnPairs(q, pc, kind, o);
        long paired = pc.coverage().paired();
        // From the pair index's value counts: the same figures as aggregates over pairs (see computeOnPairs), read
        // from ~1M distinct values instead of 10M pairs.
        String cdf = pc.divergenceCdf();
        Object[] r = q.row("SELECT coalesce(sum(na), 0), sum(x * na) / sum(na), max(x) FILTER (na > 0), "
                + "min(x) FILTER (na > 0), coalesce(sum(nb), 0), sum(x * nb) / sum(nb) FROM " + cdf);
        long withValue = Db.lng(r[0]), nRel = Db.lng(r[4]);
        Double[] qd = TwoSampleTests.quantiles(q, cdf, "ca", withValue, 0.5, 0.95);
        boolean rel = kind == Kind.REGRESSION;
        Double[] qr = rel ? TwoSampleTests.quantiles(q, cdf, "cb", nRel, 0.5, 0.95) : new Double[2];
        Double max = Db.dbl(r[2]), min = Db.dbl(r[3]);
        Histogram h = withValue == 0 || max == null || min == null
                ? null
                : histogram(
                        q,
                        "SELECT x AS v, na FROM " + cdf + " WHERE na > 0",
                        "sum(na)",
                        Math.min(0.0, min),
                        max,
                        o.histogramBins());
        return finish(
                q,
                pc,
                kind,
                o,
                withValue,
                paired - withValue,
                Db.dbl(r[1]),
                qd[0],
                qd[1],
                max,
                rel ? Db.dbl(r[5]) : null,
                qr[0],
                qr[1],
                h);
    }

    /** Divergence straight from the pairs (ranking: its value depends on top-k, so no stored counts). */
    static Divergence computeOnPairs(Db q, PairedComparison pc, Kind kind, SummaryOptions o) throws SQLException {
        String d = valueExpr(kind, o.topK());
        String rel = kind == Kind.REGRESSION ? STORED_REL : "NULL::DOUBLE";
        Object[] r =
                q.row("SELECT count(d), count(*) - count(d), avg(d), quantile_cont(d, [0.5, 0.95]), max(d), min(d), "
                        + "avg(r), quantile_cont(r, [0.5, 0.95]) "
                        + "FROM (SELECT " + d + " AS d, " + rel + " AS r FROM " + pc.pairs() + ")");
        long withValue = Db.lng(r[0]);
        List<Double> q1 = Db.dblList(r[3]), q2 = Db.dblList(r[7]);
        Double max = Db.dbl(r[4]), min = Db.dbl(r[5]);
        Histogram h = withValue == 0 || max == null || min == null
                ? null
                : histogram(q, "SELECT " + d + " AS v FROM " + pc.pairs(), Math.min(0.0, min), max, o.histogramBins());
        return finish(
                q,
                pc,
                kind,
                o,
                withValue,
                Db.lng(r[1]),
                Db.dbl(r[2]),
                at(q1, 0),
                at(q1, 1),
                max,
                Db.dbl(r[6]),
                at(q2, 0),
                at(q2, 1),
                h);
    }

    private static Divergence finish(
            Db q,
            PairedComparison pc,
            Kind kind,
            SummaryOptions o,
            long withValue,
            long withoutValue,
            Double mean,
            Double median,
            Double p95,
            Double max,
            Double relMean,
            Double relMedian,
            Double relP95,
            Histogram h)
            throws SQLException {
        Double disagreement = kind == Kind.CLASSIFICATION && pc.extract()
                ? ExtractFigures.disagreement(q, pc)
                : kind == Kind.CLASSIFICATION
                        ? Db.dbl(q.row("SELECT avg(CASE WHEN b_class IS NOT NULL AND "
                                + "c_class IS NOT NULL THEN CAST(b_class <> c_class AS INT) END) FROM " + pc.pairs())[
                                0])
                        : null;
        List<CrossCell> cross = null;
        if (kind == Kind.CLASSIFICATION && pc.extract()) cross = ExtractFigures.cross(q, pc);
        else if (kind == Kind.CLASSIFICATION) {
            cross = new ArrayList<>();
            for (Object[] c : q.rows("SELECT b_class, c_class, count(*) FROM " + pc.pairs()
                    + " WHERE b_class IS NOT NULL AND c_class IS NOT NULL " + "GROUP BY ALL ORDER BY 1, 2")) {
                cross.add(new CrossCell((String) c[0], (String) c[1], Db.lng(c[2])));
            }
        }
        return new Divergence(
                kind.json(),
                measure(kind, o.topK()),
                withValue,
                withoutValue,
                mean,
                median,
                p95,
                max,
                relMean,
                relMedian,
                relP95,
                h,
                kind == Kind.RANKING ? null : ChartFigures.signed(q, pc, false),
                disagreement,
                cross,
                kind == Kind.RANKING ? o.topK() : null,
                kind == Kind.RANKING && mean != null ? 1.0 - mean : null);
    }

    private static Double at(List<Double> l, int i) {
        return l.size() > i ? l.get(i) : null;
    }

    /**
     * Equal-width histogram of column {@code v} of {@code source} between lo and hi; nulls are left out, so
     * the counts add up to the non-null values. Values equal to hi go to the last bin (as numpy does).
     */
    static Histogram histogram(Db q, String source, double lo, double hi, int bins) throws SQLException {
        return histogram(q, source, "count(*)", lo, hi, bins);
    }

    /** {@link #histogram} where each row of {@code source} counts {@code count} times (e.g. "sum(na)" on a cdf table). */
    static Histogram histogram(Db q, String source, String count, double lo, double hi, int bins) throws SQLException {
        if (!(hi > lo)) {
            Object[] r = q.row("SELECT " + count + " FROM (" + source + ") WHERE v IS NOT NULL");
            return new Histogram(List.of(lo, hi), List.of(Db.lng(r[0])));
        }
        double w = (hi - lo) / bins;
        Long[] counts = new Long[bins];
        Arrays.fill(counts, 0L);
        for (Object[] r : q.rows(
                "SELECT least(greatest(CAST(floor((v - ?) / ?) AS BIGINT), 0), ?) AS b, " + count + " " + "FROM ("
                        + source + ") WHERE v IS NOT NULL GROUP BY b",
                lo,
                w,
                (long) bins - 1)) {
            counts[(int) Db.lng(r[0])] += Db.lng(r[1]);
        }
        List<Double> edges = new ArrayList<>(bins + 1);
        for (int i = 0; i <= bins; i++) edges.add(i == bins ? hi : lo + i * w);
        return new Histogram(edges, Arrays.asList(counts));
    }

    /**
     * Divergence, latency and each side's label error ({@link LabelQuality#errorBy}) per value of {@code keyExpr}
     * ("segment" or "day") over the pairs.
     */
    static List<Group> breakdown(Db q, PairedComparison pc, Kind kind, SummaryOptions o, String keyExpr)
            throws SQLException {
        Map<String, Double[]> errors = LabelQuality.errorBy(q, pc, kind, keyExpr);
        return figures(q, pc, kind, o, keyExpr).stream()
                .map(g -> {
                    Double[] e = errors.get(g.key());
                    return e == null ? g : g.withLabelError(e[0], e[1]);
                })
                .toList();
    }

    private static List<Group> figures(Db q, PairedComparison pc, Kind kind, SummaryOptions o, String keyExpr)
            throws SQLException {
        if (kind == Kind.RANKING && !pc.extract()) return breakdownOnPairs(q, pc, kind, o, keyExpr);
        List<Group> out = new ArrayList<>();
        // Counts and disagreement from the pair index's group counts; mean and p95 of the difference and each side's
        // p95
        // latency from its per-group running counts, with quantile_cont's arithmetic (see p95 below). The key is text
        // there: days are ISO dates, so they sort as dates.
        String cdf = pc.breakdownCdf();
        boolean d = kind != null;
        for (Object[] r : q.rows(
                "SELECT p.k, p.n, g.d, g.d95, p.differ / p.classed, g.b95, g.c95, g.b99, g.c99 FROM "
                        + pc.groupCounts()
                        + " p LEFT JOIN (SELECT k, sum(x * nd) / sum(nd) AS d, " + p95("cd", "td") + " AS d95, "
                        + p95("cb", "tb") + " AS b95, "
                        + p95("cc", "tc") + " AS c95, "
                        + percentile("cb", "tb", 0.99) + " AS b99, "
                        + percentile("cc", "tc", 0.99) + " AS c99 FROM " + cdf
                        + " WHERE dim = ? GROUP BY k, td, tb, tc) g ON p.k IS NOT DISTINCT FROM g.k "
                        + "WHERE p.dim = ? ORDER BY p.k NULLS LAST",
                keyExpr,
                keyExpr)) {
            out.add(new Group(
                    (String) r[0],
                    Db.lng(r[1]),
                    d ? Db.dbl(r[2]) : null,
                    d ? Db.dbl(r[3]) : null,
                    kind == Kind.CLASSIFICATION ? Db.dbl(r[4]) : null,
                    Db.dbl(r[5]),
                    Db.dbl(r[6]),
                    Db.dbl(r[7]),
                    Db.dbl(r[8])));
        }
        return out;
    }

    /**
     * SQL for the 95th percentile of a group from its running counts {@code cum} and total {@code n}, as quantile_cont
     * computes it: position (n - 1) * 0.95 in double, the values lo and hi at its floor and ceiling, lo * (1 - d) + hi * d
     * with d the position's fraction (quantile_cont's own form, so the figure is the same to the last bit).
     */
    private static String p95(String cum, String n) {
        return percentile(cum, n, 0.95);
    }

    /** {@link #p95} at percentile {@code p} (a fraction; a constant of the code, so written into the SQL). */
    static String percentile(String cum, String n, double p) {
        String pos = "((" + n + " - 1) * CAST(" + Double.toString(p) + " AS DOUBLE))";
        String lo = "min(x) FILTER (" + cum + " > floor(" + pos + "))",
                hi = "min(x) FILTER (" + cum + " > ceil(" + pos + "))";
        String d = "(" + pos + " - floor(" + pos + "))";
        return "CASE WHEN " + n + " > 0 THEN " + lo + " * (1 - " + d + ") + " + hi + " * " + d + " END";
    }

    /** {@link #breakdown} straight from the pairs (ranking). */
    static List<Group> breakdownOnPairs(Db q, PairedComparison pc, Kind kind, SummaryOptions o, String keyExpr)
            throws SQLException {
        String d = kind == null ? "NULL::DOUBLE" : valueExpr(kind, o.topK());
        List<Group> out = new ArrayList<>();
        // The key is cast to text after grouping: casting 10M dates to VARCHAR first cost more than the grouping.
        for (Object[] r : q.rows(
                "SELECT CAST(k AS VARCHAR), n, d, d95, dis, b95, c95, b99, c99 FROM (SELECT " + keyExpr + " AS k, "
                        + "count(*) AS n, avg(d) AS d, quantile_cont(d, 0.95) AS d95, "
                        + "avg(CASE WHEN b_class IS NOT NULL AND c_class IS NOT NULL THEN CAST(b_class <> c_class AS INT) END) AS dis, "
                        + "quantile_cont(b_latency, 0.95) AS b95, quantile_cont(c_latency, 0.95) AS c95, "
                        + "quantile_cont(b_latency, 0.99) AS b99, quantile_cont(c_latency, 0.99) AS c99 "
                        + "FROM (SELECT " + keyExpr + ", b_class, c_class, b_latency, c_latency, " + d + " AS d FROM "
                        + pc.pairs() + ") GROUP BY k) "
                        + "ORDER BY k NULLS LAST")) {
            out.add(new Group(
                    (String) r[0],
                    Db.lng(r[1]),
                    Db.dbl(r[2]),
                    Db.dbl(r[3]),
                    kind == Kind.CLASSIFICATION ? Db.dbl(r[4]) : null,
                    Db.dbl(r[5]),
                    Db.dbl(r[6]),
                    Db.dbl(r[7]),
                    Db.dbl(r[8])));
        }
        return out;
    }
}
