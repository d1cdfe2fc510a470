package dev.shadowbench.core.outliers;

import dev.shadowbench.core.outliers.ExactQuantiles.AbsDevLog;
import dev.shadowbench.core.outliers.ExactQuantiles.AbsDevLogRatio;
import dev.shadowbench.core.outliers.ExactQuantiles.Column;
import dev.shadowbench.core.outliers.ExactQuantiles.Frag;
import dev.shadowbench.core.outliers.ExactQuantiles.LogOf;
import dev.shadowbench.core.outliers.ExactQuantiles.LogRatio;
import dev.shadowbench.core.outliers.ExactQuantiles.Plain;
import dev.shadowbench.core.outliers.ExactQuantiles.Probe;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads everything the rules and banners need from the pairs in three scans: counts and label figures; the medians
 * (and the candidate's and baseline's quartiles and mode candidates, for the degenerate banners); the MADs (and the
 * mode candidates' counts). The figures are exactly those of the straightforward queries (median(...), quantile_cont,
 * count(DISTINCT ...), GROUP BY ... ORDER BY count DESC), see {@link ExactQuantiles} for how medians avoid sorting.
 */
record PairScan(PairStats stats, Spread spread, Latency latency, Facts facts) {

    /**
     * What the degenerate banners read. {@code constant}: every finite candidate value is the same (count(DISTINCT) = 1).
     * The interquartile ranges are null when no banner can use them; {@code modeValue}/{@code modeCount} are the most
     * frequent finite candidate value and its count whenever its share may exceed degenerate.mode_share (else null).
     */
    record Spread(long finite, boolean constant, Double candidateIqr, Double baselineIqr, Double modeValue, Long modeCount) {}

    /**
     * What the flag scan may take for granted: {@code clean}, no NaN or infinity among the predictions and labels;
     * {@code baselineSafe}, every baseline in [1e-250, 1e250]; {@code labelMaxAbs}, the largest |label| (null: none).
     */
    record Facts(boolean clean, boolean baselineSafe, Double labelMaxAbs) {}

    /** Answers over the latency budget (candidate, baseline) and the slowest candidate answer. */
    record Latency(long slowCandidate, long slowBaseline, Double slowestCandidate) {}

    private static final String C = "c_prediction", B = "b_prediction";
    /** Mode positions beyond this many (a degenerate.mode_share under about 0.03) are left to the plain GROUP BY. */
    private static final int MAX_MODE_POSITIONS = 32;

    static PairScan run(Sql sql, OutlierSettings s) throws SQLException {
        // Scan 1: counts and extremes. Where every value is finite (the usual case), isfinite(x) is x IS NOT NULL and
        // the later queries compare values without it: a FILTER or isfinite over 10M rows costs as much as a median.
        double budget = s.value("latency.budget_ms");
        Object[] f = sql.one("SELECT count(*), count(c_prediction), count(b_prediction), count(label), count(c_latency), "
                + "count(b_latency), min(c_prediction), max(c_prediction), min(b_prediction), max(b_prediction), min(label), max(label), "
                + "count_if(c_prediction > 0), count_if(c_prediction > 0 AND b_prediction > 0), count(c_prediction - b_prediction), "
                + "count_if(c_latency > ?), count_if(b_latency > ?), "
                + "max(c_latency) FROM pairs", rs -> new Object[]{rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                rs.getLong(5), rs.getLong(6), Sql.dbl(rs, 7), Sql.dbl(rs, 8), Sql.dbl(rs, 9), Sql.dbl(rs, 10), Sql.dbl(rs, 11),
                Sql.dbl(rs, 12), rs.getLong(13), rs.getLong(14), rs.getLong(15), rs.getLong(16), rs.getLong(17), Sql.dbl(rs, 18)},
                budget, budget);
        long pairs = (Long) f[0], nC = (Long) f[1], nB = (Long) f[2];
        Double minC = (Double) f[6], maxC = (Double) f[7], minB = (Double) f[8], maxB = (Double) f[9];
        boolean clean = finite(minC, maxC) && finite(minB, maxB) && finite((Double) f[10], (Double) f[11]);
        // the conditions "x is finite" beyond x IS NOT NULL (null: none needed), and the labelled pairs
        String fc = clean ? null : "isfinite(c_prediction)", fb = clean ? null : "isfinite(b_prediction)";
        String labelled = clean ? and(nC < pairs ? "c_prediction IS NOT NULL" : null, nB < pairs ? "b_prediction IS NOT NULL" : null)
                : "isfinite(label) AND isfinite(c_prediction) AND isfinite(b_prediction)";
        Double bMin = minB;
        long finiteC = nC, finiteB = nB, nPos = (Long) f[12], nPosBoth = (Long) f[13], nBoth = (Long) f[14];
        if (!clean) {
            Object[] m = sql.one("SELECT min(b_prediction) FILTER (WHERE isfinite(b_prediction)), "
                    + "count(*) FILTER (WHERE isfinite(c_prediction)), count(*) FILTER (WHERE isfinite(b_prediction)), "
                    + "min(c_prediction) FILTER (WHERE isfinite(c_prediction)), max(c_prediction) FILTER (WHERE isfinite(c_prediction)), "
                    + "count(*) FILTER (WHERE c_prediction > 0 AND isfinite(c_prediction)), "
                    + "count(*) FILTER (WHERE c_prediction > 0 AND isfinite(c_prediction) AND b_prediction > 0 AND isfinite(b_prediction)), "
                    + "count(*) FILTER (WHERE isfinite(c_prediction) AND isfinite(b_prediction)) FROM pairs",
                    rs -> new Object[]{Sql.dbl(rs, 1), rs.getLong(2), rs.getLong(3), Sql.dbl(rs, 4), Sql.dbl(rs, 5), rs.getLong(6),
                            rs.getLong(7), rs.getLong(8)});
            bMin = (Double) m[0];
            finiteC = (Long) m[1];
            finiteB = (Long) m[2];
            minC = (Double) m[3];
            maxC = (Double) m[4];
            nPos = (Long) m[5];
            nPosBoth = (Long) m[6];
            nBoth = (Long) m[7];
        }
        boolean log = bMin != null && bMin > 0;
        long nValue = log ? nPos : finiteC, nDiff = log ? nPosBoth : nBoth;
        boolean bSafe = clean && (minB == null || minB >= 1e-250 && maxB <= 1e250);

        // The labelled pairs, and the median of the baseline's error: a WHERE lets DuckDB read the other columns for them only.
        String where = labelled == null ? "label IS NOT NULL" : "label IS NOT NULL AND " + labelled;
        long nLabelled = labelled == null && clean ? (Long) f[3]
                : sql.one("SELECT count(*) FROM pairs WHERE " + where, rs -> rs.getLong(1));
        // Scan 2: medians, plus what the degenerate banners need.
        Column value = log ? new LogOf(C, fc) : Plain.of(C, fc);
        Column diff = log ? new LogRatio(C, B, and(fc, fb), bSafe) : Plain.of("c_prediction - b_prediction", and(fc, fb));
        Probe pValue = Probe.quantile(value, nValue, 0.5), pDiff = Probe.quantile(diff, nDiff, 0.5);
        Probe pCl = Probe.quantile(Plain.of("c_latency", null), (Long) f[4], 0.5);
        Probe pBl = Probe.quantile(Plain.of("b_latency", null), (Long) f[5], 0.5);
        Probe pErr = Probe.quantile(Plain.of("abs(b_prediction - label)", where), nLabelled, 0.5);
        List<Probe> probes = new ArrayList<>(List.of(pValue, pDiff, pCl, pBl));
        Plain c = Plain.of(C, fc), b = Plain.of(B, fb);
        // count(DISTINCT) = 1: one value between the finite minimum and maximum (== takes -0.0 and 0.0 as one, as DISTINCT does)
        boolean constant = finiteC > 0 && minC.doubleValue() == maxC.doubleValue();
        boolean spread = s.enabled("degenerate") && finiteC > 1 && !constant;
        Probe c25 = Probe.quantile(c, finiteC, 0.25), c75 = Probe.quantile(c, finiteC, 0.75);
        Probe b25 = Probe.quantile(b, finiteB, 0.25), b75 = Probe.quantile(b, finiteB, 0.75);
        List<Probe> quartiles = spread ? List.of(c25, c75, b25, b75) : List.of();
        Mode mode = spread ? mode(s.value("degenerate.mode_share"), finiteC, c) : null;
        // the quartiles and the mode positions are first only bracketed: counts around their brackets usually settle the banners
        List<Probe> counted = new ArrayList<>(quartiles.stream().filter(p -> p.n > 0).toList());
        int nQuartiles = counted.size();
        if (mode != null && mode.positions != null) counted.addAll(mode.positions);
        List<Probe> all = new ArrayList<>(probes);
        all.add(pErr);
        all.addAll(counted);
        ExactQuantiles.bracket(sql, pairs, all);
        Object[] lab = nLabelled == 0 ? new Object[0] : ExactQuantiles.scan(sql, where, List.of(pErr), List.of(Frag.of("avg(abs(c_prediction - label))"),
                Frag.of("avg(abs(b_prediction - label))"),
                Frag.of("avg(CASE WHEN abs(c_prediction - label) < abs(b_prediction - label) THEN 1.0 ELSE 0.0 END)")));
        int decimals = 0;
        if (nLabelled > 0) {
            StringBuilder dec = new StringBuilder("CASE");
            for (int d = 0; d < 6; d++) {
                dec.append(" WHEN abs(label * 1e").append(d).append(" - round(label * 1e").append(d).append(")) < 1e-6 THEN ").append(d);
            }
            dec.append(" ELSE 6 END");
            // a label's decimals depend on its value only: read once per distinct label
            decimals = sql.one("SELECT max(" + dec + ") FROM (SELECT DISTINCT label FROM pairs WHERE " + where + ")", rs -> rs.getInt(1));
        }
        List<Frag> around = new ArrayList<>();
        for (Probe p : counted) {
            Plain col = (Plain) p.column;
            around.add(Frag.of("count_if(", Frag.and(col.domain(), Frag.of(col.v(), " < ", p.lo)), ")"));
            around.add(Frag.of("count_if(", Frag.and(col.domain(), Frag.of(col.v(), " <= ", p.hi)), ")"));
        }
        Object[] e = ExactQuantiles.scan(sql, null, probes, around);
        // the rows below each bracket and up to its top: the bracket holds the probe's positions when below <= first
        // position and last position < up to top
        List<Probe> held = new ArrayList<>();
        long[] inside = new long[counted.size()];
        for (int i = 0; i < counted.size(); i++) {
            Probe p = counted.get(i);
            long below = ((Number) e[2 * i]).longValue(), upTo = ((Number) e[2 * i + 1]).longValue();
            if (below <= p.positions[0] && p.positions[p.positions.length - 1] < upTo) held.add(p);
            inside[i] = upTo - below;
        }
        Double mc = pValue.quantile(), md = pDiff.quantile();

        // The interquartile ranges matter only if the banner can fire: the brackets bound them; exact values otherwise.
        List<Probe> exactQuartiles = new ArrayList<>();
        if (spread && !spreadSettled(held, c25, c75, b25, b75, s.value("degenerate.spread_ratio"))) {
            for (Probe p : quartiles) {
                if (!held.contains(p)) {  // the bracket missed: none (listed whole if small, else DuckDB's quantile_cont)
                    p.lo = Double.NEGATIVE_INFINITY;
                    p.hi = Double.POSITIVE_INFINITY;
                }
                exactQuartiles.add(p);
            }
        }

        // Scan 3: MADs around the medians (and the quartiles when needed).
        List<Probe> mads = new ArrayList<>();
        Probe pMadValue = mc == null ? null : Probe.quantile(log ? new AbsDevLog(C, fc, mc)
                : new Plain(Frag.of("abs(c_prediction - ", mc, ")"), fc == null ? null : Frag.of(fc)), nValue, 0.5);
        String fcb = and(fc, fb);
        Probe pMadDiff = md == null ? null : Probe.quantile(log ? new AbsDevLogRatio(C, B, fcb, bSafe, md)
                : new Plain(Frag.of("abs((c_prediction - b_prediction) - ", md, ")"), fcb == null ? null : Frag.of(fcb)), nDiff, 0.5);
        if (pMadValue != null) mads.add(pMadValue);
        if (pMadDiff != null) mads.add(pMadDiff);
        ExactQuantiles.bracket(sql, pairs, mads);
        mads.addAll(exactQuartiles);
        ExactQuantiles.scan(sql, null, mads, List.of());
        Double madValue = pMadValue == null ? null : pMadValue.quantile(), madDiff = pMadDiff == null ? null : pMadDiff.quantile();
        Double[] meanAbsDev = {null, null};
        if (mc != null && !(madValue != null && madValue > 0) || md != null && !(madDiff != null && madDiff > 0)) {
            // A MAD of 0 (half the scored values equal): the robust SD falls back to the mean absolute deviation. Its sum
            // depends on the order DuckDB adds the values in, which depends on the query's shape, so it is read with the
            // straightforward query itself.
            String tc = scored(log, C), tb = scored(log, B);
            meanAbsDev = sql.one("WITH t AS (SELECT " + tc + " AS tc, " + tc + " - " + tb + " AS d FROM pairs), "
                    + "m AS (SELECT median(tc) AS mc, median(d) AS md FROM t) "
                    + "SELECT any_value(mc), any_value(md), median(abs(tc - mc)), median(abs(d - md)), avg(abs(tc - mc)), avg(abs(d - md)) "
                    + "FROM t, m", rs -> new Double[]{Sql.dbl(rs, 5), Sql.dbl(rs, 6)});
        }
        Double sdValue = sd(madValue, meanAbsDev[0]), sdDiff = sd(madDiff, meanAbsDev[1]);

        // The mode: a value whose share can exceed the threshold occurs at least mode.least times, so it fills one of the
        // mode positions; a bracket around that position with fewer rows inside holds no such value, and a bracket of
        // a single value holds it and counts it.
        Double modeValue = null;
        Long modeCount = null;
        if (spread) {
            boolean settled = mode.positions != null;
            for (int i = nQuartiles; settled && i < counted.size(); i++) {
                Probe p = counted.get(i);
                if (!held.contains(p)) settled = false;
                else if (inside[i] < mode.least) continue;
                else if (p.lo == p.hi && (modeCount == null || inside[i] > modeCount || inside[i] == modeCount && p.lo < modeValue)) {
                    // the most frequent, the smallest value among equals (ORDER BY n DESC, c_prediction)
                    modeValue = p.lo;
                    modeCount = inside[i];
                } else if (p.lo != p.hi) settled = false;
            }
            if (!settled) {
                Object[] m = sql.one("SELECT c_prediction, count(*) AS n FROM pairs WHERE isfinite(c_prediction) "
                        + "GROUP BY c_prediction ORDER BY n DESC, c_prediction LIMIT 1", rs -> new Object[]{Sql.dbl(rs, 1), rs.getLong(2)});
                modeValue = (Double) m[0];
                modeCount = (Long) m[1];
            }
        }
        PairStats st = new PairStats(pairs, bMin, pairs - nB, pairs - nC, nC - finiteC, log, mc, sdValue, md, sdDiff,
                nLabelled, dbl(lab, 0), dbl(lab, 1), pErr.quantile(), dbl(lab, 2), decimals,
                (Long) f[4], pCl.quantile(), (Long) f[5], pBl.quantile());
        boolean exact = !exactQuartiles.isEmpty();
        Spread sp = new Spread(finiteC, constant, exact ? minus(c75.quantile(), c25.quantile()) : null,
                exact ? minus(b75.quantile(), b25.quantile()) : null, modeValue, modeCount);
        Double labelMaxAbs = f[10] == null ? null : Math.max(Math.abs((Double) f[10]), Math.abs((Double) f[11]));
        return new PairScan(st, sp, new Latency((Long) f[15], (Long) f[16], (Double) f[17]), new Facts(clean, bSafe, labelMaxAbs));
    }

    /**
     * Where the mode must be looked for: a value whose share, count / finite in doubles as the banner computes it,
     * exceeds {@code share} occurs at least {@code least} times, so it fills one of the positions least - 1,
     * 2 least - 1, ... of the sorted finite values. {@code positions} is empty when no value can exceed the share, null
     * when there are too many positions to check this way (a tiny share: the plain GROUP BY decides).
     */
    record Mode(long least, List<Probe> positions) {}

    private static Mode mode(double share, long finite, Column c) {
        long least = Math.max(1, (long) Math.floor(share * finite));
        while (least > 1 && (least - 1) / (double) finite > share) least--;
        while (least <= finite && least / (double) finite <= share) least++;
        if (least > finite) return new Mode(least, List.of());
        if (finite / least > MAX_MODE_POSITIONS) return new Mode(least, null);
        List<Probe> out = new ArrayList<>();
        for (long k = least - 1; k < finite; k += least) out.add(Probe.at(c, finite, k));
        return new Mode(least, out);
    }

    /**
     * True when the brackets of the four quartiles (all held) prove the spread banner cannot fire: the candidate's IQR
     * is at least c75's bracket bottom minus c25's top and the baseline's at most b75's top minus b25's bottom, each bound
     * widened by 4 ulps for the rounding of quantile_cont's interpolation; every step rounds monotonically.
     */
    private static boolean spreadSettled(List<Probe> held, Probe c25, Probe c75, Probe b25, Probe b75, double minSpread) {
        if (!held.containsAll(List.of(c25, c75, b25, b75))) return false;
        double cLow = lowest(c75) - highest(c25), bHigh = highest(b75) - lowest(b25);
        if (bHigh <= 0) return true;  // no baseline spread: no banner
        return cLow >= 0 && Double.isFinite(cLow) && Double.isFinite(bHigh) && cLow / bHigh >= minSpread;
    }

    private static double lowest(Probe p) { return p.lo - 4 * Math.ulp(Math.max(Math.abs(p.lo), Math.abs(p.hi))); }

    private static double highest(Probe p) { return p.hi + 4 * Math.ulp(Math.max(Math.abs(p.lo), Math.abs(p.hi))); }

    private static Double dbl(Object[] row, int i) { return row.length > i && row[i] != null ? ((Number) row[i]).doubleValue() : null; }

    private static Double minus(Double a, Double b) { return a == null || b == null ? null : a - b; }

    /** Both extremes finite (or no values at all): no NaN or infinity among the values. */
    private static boolean finite(Double min, Double max) {
        return min == null || Double.isFinite(min) && Double.isFinite(max);
    }

    /** The conjunction of the non-null conditions; null when there are none. */
    private static String and(String a, String b) {
        if (a == null) return b;
        return b == null ? a : a + " AND " + b;
    }

    /** Robust SD: 1.4826 x MAD (consistent with the SD for normal data); falls back to the mean absolute deviation. */
    private static Double sd(Double mad, Double meanAbsDev) {
        if (mad != null && mad > 0) return 1.4826 * mad;
        if (meanAbsDev != null && meanAbsDev > 0) return 1.2533 * meanAbsDev;
        return null;
    }

    /** {@link PairStats#scored} before the PairStats exists. */
    private static String scored(boolean log, String x) {
        return new PairStats(0, null, 0, 0, 0, log, null, null, null, null, 0, null, null, null, null, 0, 0, null, 0, null).scored(x);
    }
}
