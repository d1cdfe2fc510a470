package dev.shadowbench.core.compare;

import dev.shadowbench.core.canary.ComplaintStats;
import dev.shadowbench.core.compare.Arms.ArmDay;
import dev.shadowbench.core.compare.Arms.ArmLatency;
import dev.shadowbench.core.compare.Arms.ClassShare;
import dev.shadowbench.core.compare.Arms.ClassShift;
import dev.shadowbench.core.compare.Arms.ItemShare;
import dev.shadowbench.core.compare.Arms.ItemShift;
import dev.shadowbench.core.compare.Summary.KsTest;
import dev.shadowbench.core.db.Db;
import dev.shadowbench.core.db.Quote;
import dev.shadowbench.core.format.FigureFormat;
import dev.shadowbench.core.stats.ChiSquare;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes {@link Arms} from the comparison's {@link PairedComparison#arms()} table (each arm's deduplicated records).
 * Per day, the values are counted per distinct value in DuckDB (as {@link TwoSampleTests#cdfInto}, one temp table per
 * measure partitioned by day) and the same KS, PSI, quantile and Mann-Whitney code as the window's reads each day's
 * slice; so a day's figures are what the summary would give for a window of that one day.
 */
final class ArmFigures {
    private ArmFigures() {}

    /** Most frequent top-k items listed per comparison. */
    static final int TOP_ITEMS = 10;

    /** Paired ids at most this share of all ids: the arms split the traffic (a canary), they do not mirror it. */
    static final double CANARY_MAX_PAIRED_SHARE = 0.01;

    static Arms compute(Db q, PairedComparison pc, DivergenceFigures.Kind kind, SummaryOptions o, boolean planned)
            throws SQLException {
        String arms = pc.arms();
        return new Arms(
                canaryBy(pc.comparison(), pc.coverage(), planned),
                pc.coverage().paired(),
                byDay(q, pc),
                kind == DivergenceFigures.Kind.CLASSIFICATION ? classes(q, classCounts(pc)) : null,
                kind == DivergenceFigures.Kind.RANKING ? topItems(q, pc, o.topK()) : null,
                kind == null
                        ? null
                        : pc.extract() ? ExtractFigures.perArm(q, pc, kind, o) : LabelQuality.perArm(q, arms, kind, o));
    }

    /**
     * Why the comparison reads as a canary, or null. A canary when (1) the candidate's ramp plan gives a share for a
     * day of the window ({@code planned}) and at most half of the request ids are paired (a shadow mirrors nearly
     * all; an advance decision on a shadow plans the days after it), or (2) the candidate's variant is named canary (a
     * word of it: {@code canary}, {@code Canary-01}), or (3) the arms split the traffic: at most 1% of the request
     * ids were served by both, and the candidate's name does not say shadow. A shadow that does not pair is a broken
     * pairing (wrong id column, clock, window), so it stays a shadow and its coverage gate fails, as it should.
     */
    static String canaryBy(Comparison cmp, Pairing.Coverage cov, boolean planned) {
        long ids = cov.baselineOnly() + cov.candidateOnly() + cov.paired();
        if (planned && 2 * cov.paired() <= ids) return "a ramp plan is set for " + cmp.candidate();
        List<String> words = VariantRole.words(cmp.candidate().variant());
        if (words.contains("canary"))
            return "the candidate's variant is named " + cmp.candidate().variant();
        if (words.contains("shadow")) return null;
        long b = cov.baselineOnly() + cov.paired(), c = cov.candidateOnly() + cov.paired();
        if (b == 0 || c == 0 || cov.paired() > CANARY_MAX_PAIRED_SHARE * ids) return null;
        return "the arms split the traffic: " + FigureFormat.count(cov.paired()) + " of " + FigureFormat.count(ids)
                + " requests reached both";
    }

    /**
     * Each arm's records per day and predicted class, as rows (day, class, side 'b' or 'c', n): counted from the arms
     * of a pairing, or an extract's class counts.
     */
    private static String classCounts(PairedComparison pc) {
        return pc.extract()
                ? "(SELECT day, class, CASE side WHEN 'baseline' THEN 'b' ELSE 'c' END AS side, sum(n) AS n FROM "
                        + pc.extractTable("class_arms") + " GROUP BY ALL)"
                : "(SELECT day, predicted_class AS class, side, count(*) AS n FROM " + pc.arms()
                        + " WHERE predicted_class IS NOT NULL GROUP BY ALL)";
    }

    private static List<ArmDay> byDay(Db q, PairedComparison pc) throws SQLException {
        String pred = "arm_cdf_prediction", lat = "arm_cdf_latency";
        dayCdf(q, pc, "prediction", pred);
        dayCdf(q, pc, "latency", lat);
        try {
            Map<LocalDate, List<long[]>> classCounts = new LinkedHashMap<>();
            for (Object[] r : q.rows("SELECT CAST(day AS VARCHAR), coalesce(sum(n) FILTER (side = 'b'), 0), "
                    + "coalesce(sum(n) FILTER (side = 'c'), 0) FROM " + classCounts(pc) + " GROUP BY day, class")) {
                classCounts
                        .computeIfAbsent(day(r[0]), k -> new ArrayList<>())
                        .add(new long[] {Db.lng(r[1]), Db.lng(r[2])});
            }
            List<ArmDay> out = new ArrayList<>();
            // each arm's deduplicated records per day are the pairing's side_days ids
            for (Object[] r : q.rows("SELECT CAST(day AS VARCHAR), coalesce(sum(ids) FILTER (side = 'b'), 0), "
                    + "coalesce(sum(ids) FILTER (side = 'c'), 0) FROM " + pc.sideDays()
                    + " GROUP BY day ORDER BY day NULLS LAST")) {
                LocalDate day = day(r[0]);
                String pd = slice(pred, day), ld = slice(lat, day);
                KsTest ks = TwoSampleTests.ksOnCdf(q, pd);
                TwoSampleTests.Psi psi = ks == null ? null : TwoSampleTests.psiOnCdf(q, pd);
                Object[] n = q.row("SELECT sum(na), sum(nb) FROM " + ld);
                out.add(new ArmDay(
                        day,
                        Db.lng(r[1]),
                        Db.lng(r[2]),
                        ks,
                        psi == null ? null : psi.value(),
                        chiSquare(classCounts.get(day)),
                        latency(q, ld, "ca", Db.lng(n[0])),
                        latency(q, ld, "cb", Db.lng(n[1])),
                        TwoSampleTests.mannWhitneyOnCdf(q, ld)));
            }
            return out;
        } finally {
            q.execute("DROP TABLE IF EXISTS " + pred);
            q.execute("DROP TABLE IF EXISTS " + lat);
        }
    }

    /**
     * Distinct values of {@code measure} ("prediction" or "latency") per day with each arm's counts and running counts
     * (na/ca: baseline), from the arms of a pairing or an extract's value counts.
     */
    private static void dayCdf(Db q, PairedComparison pc, String measure, String target) throws SQLException {
        String column = measure.equals("latency") ? "latency_ms" : measure;
        String counts = pc.extract()
                ? "SELECT day, x, na, nb FROM " + pc.extractTable("arm_values") + " WHERE measure = '" + measure + "'"
                : "SELECT day, " + column + " AS x, count(*) FILTER (side = 'b') AS na, count(*) FILTER (side = 'c') "
                        + "AS nb FROM " + pc.arms() + " WHERE " + column + " IS NOT NULL GROUP BY day, x";
        q.execute("CREATE OR REPLACE TEMP TABLE " + target + " AS SELECT day, x, na, nb, "
                + "CAST(sum(na) OVER w AS BIGINT) AS ca, CAST(sum(nb) OVER w AS BIGINT) AS cb FROM (" + counts + ") "
                + "WINDOW w AS (PARTITION BY day ORDER BY x ROWS UNBOUNDED PRECEDING)");
    }

    /** One day's rows of a per-day table, shaped as a {@link TwoSampleTests#cdfInto} table. */
    private static String slice(String table, LocalDate day) {
        return "(SELECT x, na, nb, ca, cb FROM " + table + " WHERE "
                + (day == null ? "day IS NULL" : "day = CAST(" + Quote.literal(day.toString()) + " AS DATE)") + ")";
    }

    private static ArmLatency latency(Db q, String cdf, String cum, long n) throws SQLException {
        if (n == 0) return null;
        Double[] p = TwoSampleTests.quantiles(q, cdf, cum, n, 0.5, 0.95, 0.99);
        return new ArmLatency(n, p[0], p[1], p[2]);
    }

    private static ChiSquare.Result chiSquare(List<long[]> counts) {
        if (counts == null) return null;
        long[][] t = new long[2][counts.size()];
        for (int j = 0; j < counts.size(); j++) {
            t[0][j] = counts.get(j)[0];
            t[1][j] = counts.get(j)[1];
        }
        ChiSquare.Result r = ChiSquare.test(t);
        return r.pValue() == null ? null : r;
    }

    private static ClassShift classes(Db q, String classCounts) throws SQLException {
        List<Object[]> rows = q.rows("SELECT class, coalesce(sum(n) FILTER (side = 'b'), 0), "
                + "coalesce(sum(n) FILTER (side = 'c'), 0) FROM " + classCounts + " GROUP BY class "
                + "ORDER BY sum(n) DESC, class");
        long nb = 0, nc = 0;
        List<long[]> counts = new ArrayList<>();
        for (Object[] r : rows) {
            nb += Db.lng(r[1]);
            nc += Db.lng(r[2]);
            counts.add(new long[] {Db.lng(r[1]), Db.lng(r[2])});
        }
        if (nb == 0 || nc == 0) return null;
        List<ClassShare> shares = new ArrayList<>();
        for (Object[] r : rows) {
            long b = Db.lng(r[1]), c = Db.lng(r[2]);
            // a class's share in each arm compared as two proportions, by the same test as the complaint rates
            ComplaintStats.Comparison t =
                    ComplaintStats.compare(new ComplaintStats.Arm(nb, b), new ComplaintStats.Arm(nc, c));
            shares.add(new ClassShare(
                    String.valueOf(r[0]), b, c, (double) b / nb, (double) c / nc, t.pValue(), t.method()));
        }
        return new ClassShift(nb, nc, chiSquare(counts), shares);
    }

    private static ItemShift topItems(Db q, PairedComparison pc, int topK) throws SQLException {
        // each arm's records with a ranking are the pairing's side_days rankings
        Object[] n = q.row("SELECT coalesce(sum(rankings) FILTER (side = 'b'), 0), "
                + "coalesce(sum(rankings) FILTER (side = 'c'), 0) FROM " + pc.sideDays());
        long nb = Db.lng(n[0]), nc = Db.lng(n[1]);
        if (nb == 0 || nc == 0) return null;
        if (pc.extract() && ExtractFigures.topK(q, pc) != topK) return null;
        // topK is an int from the options, not user text
        String items = pc.extract()
                ? "SELECT item, coalesce(sum(n) FILTER (side = 'baseline'), 0) AS ib, "
                        + "coalesce(sum(n) FILTER (side = 'candidate'), 0) AS ic FROM "
                        + pc.extractTable("ranking_items") + " GROUP BY item"
                : "SELECT item, count(*) FILTER (side = 'b') AS ib, count(*) FILTER (side = 'c') AS ic FROM ("
                        + "SELECT side, unnest(list_distinct(ranking[1:" + topK + "])) AS item FROM " + pc.arms()
                        + " WHERE ranking IS NOT NULL) GROUP BY item";
        List<ItemShare> top = new ArrayList<>();
        for (Object[] r : q.rows(items + " ORDER BY ib + ic DESC, item LIMIT ?", TOP_ITEMS)) {
            top.add(new ItemShare(String.valueOf(r[0]), (double) Db.lng(r[1]) / nb, (double) Db.lng(r[2]) / nc));
        }
        Double max =
                Db.dbl(q.row("SELECT max(abs(ib / ? - ic / ?)) FROM (" + items + ")", (double) nb, (double) nc)[0]);
        return new ItemShift(topK, nb, nc, top, max == null ? 0 : max);
    }

    private static LocalDate day(Object o) {
        return o == null ? null : LocalDate.parse(o.toString());
    }
}
