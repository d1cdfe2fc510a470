package dev.shadowbench.core.outliers;

import dev.shadowbench.core.db.Db;
import dev.shadowbench.core.outliers.ExactQuantiles.AbsDevLog;
import dev.shadowbench.core.outliers.ExactQuantiles.AbsDevLogRatio;
import dev.shadowbench.core.outliers.ExactQuantiles.Column;
import dev.shadowbench.core.outliers.ExactQuantiles.Frag;
import dev.shadowbench.core.outliers.ExactQuantiles.LogOf;
import dev.shadowbench.core.outliers.ExactQuantiles.LogRatio;
import dev.shadowbench.core.outliers.ExactQuantiles.Plain;
import dev.shadowbench.core.outliers.ExactQuantiles.Probe;
import dev.shadowbench.core.outliers.PairStats.Scale;
import dev.shadowbench.core.outliers.PairStats.Typical;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads everything the rules and banners need from the pairs, exactly as the straightforward queries would (median,
 * quantile_cont, count(DISTINCT ...), GROUP BY ... ORDER BY count DESC), in a few passes instead of a sort per median:
 * counts and extremes DuckDB answers without reading rows; one sample query for brackets (see {@link ExactQuantiles});
 * the labelled pairs (mean errors, the median baseline error) and their distinct labels (precision); the median scan
 * (medians, plus counts around the quartiles' and mode positions' brackets and the latency budget); a second sample
 * query and the MAD scan (plus exact quartiles, only when the spread banner could fire).
 */
record PairScan(PairStats stats, Spread spread, Latency latency, Facts facts) {

    /**
     * What the degenerate banners read. {@code constant}: every finite candidate value is the same (count(DISTINCT) = 1).
     * The interquartile ranges are null when no banner can use them; {@code modeValue}/{@code modeCount} are the most
     * frequent finite candidate value and its count whenever its share may exceed degenerate.mode_share (else null).
     */
    record Spread(
            long finite, boolean constant, Double candidateIqr, Double baselineIqr, Double modeValue, Long modeCount) {}

    /**
     * What the flag scan may take for granted: {@code clean}, no NaN or infinity among the predictions and labels;
     * {@code labelMaxAbs}, the largest |label| (null: none).
     */
    record Facts(boolean clean, Double labelMaxAbs) {}

    /** Answers over the latency budget (candidate, baseline) and the slowest candidate answer. */
    record Latency(long slowCandidate, long slowBaseline, Double slowestCandidate) {}

    private static final String C = "c_prediction", B = "b_prediction";
    /** Mode positions beyond this many (a degenerate.mode_share under about 0.03) are left to the plain GROUP BY. */
    private static final int MAX_MODE_POSITIONS = 32;

    /** Reads the pairs in table {@code pairsTable} (a {@code PairedComparison}'s). */
    static PairScan run(Db sql, String pairsTable, OutlierSettings s) throws SQLException {
        // Counts and extremes, as far as DuckDB can tell them without reading the rows (a count of a column with
        // nulls, a count_if or a FILTER would make it read all of them). Where every value is finite (the usual case),
        // isfinite(x) is x IS NOT NULL and the later queries compare values without it: a FILTER or isfinite over 10M
        // rows costs as much as a median.
        Object[] f = sql.one(
                "SELECT count(*), count(c_prediction), count(b_prediction), count(c_latency), count(b_latency), "
                        + "min(c_prediction), max(c_prediction), min(b_prediction), max(b_prediction), min(label), max(label), max(c_latency) "
                        + "FROM " + pairsTable,
                rs -> new Object[] {
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getLong(3),
                    rs.getLong(4),
                    rs.getLong(5),
                    Db.dbl(rs, 6),
                    Db.dbl(rs, 7),
                    Db.dbl(rs, 8),
                    Db.dbl(rs, 9),
                    Db.dbl(rs, 10),
                    Db.dbl(rs, 11),
                    Db.dbl(rs, 12)
                });
        long pairs = (Long) f[0], nC = (Long) f[1], nB = (Long) f[2], nCl = (Long) f[3], nBl = (Long) f[4];
        Double minC = (Double) f[5], maxC = (Double) f[6], minB = (Double) f[7], maxB = (Double) f[8];
        Double minL = (Double) f[9], maxL = (Double) f[10];
        boolean clean = finite(minC, maxC) && finite(minB, maxB) && finite(minL, maxL);
        // the conditions "x is finite" beyond x IS NOT NULL (null: none needed), and the labelled pairs
        String fc = clean ? null : "isfinite(c_prediction)", fb = clean ? null : "isfinite(b_prediction)";
        String labelled = clean
                ? and(nC < pairs ? "c_prediction IS NOT NULL" : null, nB < pairs ? "b_prediction IS NOT NULL" : null)
                : "isfinite(label) AND isfinite(c_prediction) AND isfinite(b_prediction)";
        Double bMin = minB, bMax = maxB;
        long finiteC = nC, finiteB = nB;
        // the number of scored values and differences; -1: counted by the median scan
        long nPos = -1, nPosBoth = -1, nBoth = nC == pairs && nB == pairs ? pairs : -1;
        if (clean && minC != null && minC > 0) nPos = nC;
        if (!clean) {
            Object[] m = sql.one(
                    "SELECT min(b_prediction) FILTER (WHERE isfinite(b_prediction)), max(b_prediction) FILTER (WHERE isfinite(b_prediction)), "
                            + "count(*) FILTER (WHERE isfinite(c_prediction)), count(*) FILTER (WHERE isfinite(b_prediction)), "
                            + "min(c_prediction) FILTER (WHERE isfinite(c_prediction)), max(c_prediction) FILTER (WHERE isfinite(c_prediction)), "
                            + "count(*) FILTER (WHERE c_prediction > 0 AND isfinite(c_prediction)), "
                            + "count(*) FILTER (WHERE c_prediction > 0 AND isfinite(c_prediction) AND b_prediction > 0 AND isfinite(b_prediction)), "
                            + "count(*) FILTER (WHERE isfinite(c_prediction) AND isfinite(b_prediction)) FROM "
                            + pairsTable,
                    rs -> new Object[] {
                        Db.dbl(rs, 1),
                        Db.dbl(rs, 2),
                        rs.getLong(3),
                        rs.getLong(4),
                        Db.dbl(rs, 5),
                        Db.dbl(rs, 6),
                        rs.getLong(7),
                        rs.getLong(8),
                        rs.getLong(9)
                    });
            bMin = (Double) m[0];
            bMax = (Double) m[1];
            finiteC = (Long) m[2];
            finiteB = (Long) m[3];
            minC = (Double) m[4];
            maxC = (Double) m[5];
            nPos = (Long) m[6];
            nPosBoth = (Long) m[7];
            nBoth = (Long) m[8];
        }
        Scale scale = Scale.of(bMin, bMax);
        boolean log = scale == Scale.LOG;
        // every finite baseline is positive on a log scale: with no baseline missing, "both positive" is "c positive"
        if (log && clean && nB == pairs) nPosBoth = nPos;

        // The labelled pairs, and the median of the baseline's error: a WHERE lets DuckDB read the other columns for
        // them only.
        String where = labelled == null ? "label IS NOT NULL" : "label IS NOT NULL AND " + labelled;
        // Scan 2: the typical value and difference (medians), plus what the degenerate
        // banners need. Scores are classified by their log-odds themselves (ln per row, for scores only).
        String inC = Scale.LOGIT.domain(C), inB = Scale.LOGIT.domain(B);
        String logitC = Scale.LOGIT.scored(C), logitB = Scale.LOGIT.scored(B);
        Column value =
                switch (scale) {
                    case LOG -> new LogOf(C, fc);
                    case LOGIT -> Plain.of(Scale.LOGIT.bare(C), inC);
                    case LINEAR -> Plain.of(C, fc);
                };
        Column diff =
                switch (scale) {
                    case LOG -> new LogRatio(C, B, and(fc, fb));
                    case LOGIT -> Plain.of("(" + logitC + ") - (" + logitB + ")", inC + " AND " + inB);
                    case LINEAR -> Plain.of("c_prediction - b_prediction", and(fc, fb));
                };
        long nValue =
                switch (scale) {
                    case LOG -> nPos;
                    case LOGIT -> -1;
                    case LINEAR -> finiteC;
                };
        long nDiff =
                switch (scale) {
                    case LOG -> nPosBoth;
                    case LOGIT -> -1;
                    case LINEAR -> nBoth;
                };
        Frag countValue = Frag.of(scale == Scale.LOGIT ? inC : "c_prediction > 0");
        Frag countDiff = Frag.of(
                switch (scale) {
                    case LOGIT -> inC + " AND " + inB;
                    case LOG -> "c_prediction > 0 AND b_prediction > 0";
                    case LINEAR -> "c_prediction IS NOT NULL AND b_prediction IS NOT NULL";
                });
        Probe pValue =
                nValue >= 0 ? Probe.quantile(value, nValue, 0.5) : Probe.quantileCounted(value, countValue, nC, 0.5);
        Probe pDiff = nDiff >= 0 ? Probe.quantile(diff, nDiff, 0.5) : Probe.quantileCounted(diff, countDiff, nC, 0.5);
        // c > 0 and a finite b, which is then positive: the same count, read once
        if (log && clean && nB == pairs && pDiff.counted != null) pDiff.counted = pValue.counted;
        Probe pCl = Probe.quantile(Plain.of("c_latency", null), nCl, 0.5);
        Probe pBl = Probe.quantile(Plain.of("b_latency", null), nBl, 0.5);
        // counted by the scan of the labelled pairs (at most every candidate prediction); the count repeats the
        // condition
        // for DuckDB's quantile_cont over all pairs, should the bracket miss
        Probe pErr = Probe.quantileCounted(Plain.of("abs(b_prediction - label)", where), Frag.of(where), nC, 0.5);
        List<Probe> probes = new ArrayList<>(List.of(pValue, pDiff, pCl, pBl));
        Plain c = Plain.of(C, fc), b = Plain.of(B, fb);
        // count(DISTINCT) = 1: one value between the finite minimum and maximum (== takes -0.0 and 0.0 as one, as
        // DISTINCT does)
        boolean constant = finiteC > 0 && minC.doubleValue() == maxC.doubleValue();
        boolean spread = s.enabled("degenerate") && finiteC > 1 && !constant;
        Probe c25 = Probe.quantile(c, finiteC, 0.25), c75 = Probe.quantile(c, finiteC, 0.75);
        Probe b25 = Probe.quantile(b, finiteB, 0.25), b75 = Probe.quantile(b, finiteB, 0.75);
        List<Probe> quartiles = spread ? List.of(c25, c75, b25, b75) : List.of();
        Mode mode = spread ? mode(s.value("degenerate.mode_share"), finiteC, c) : null;
        // the quartiles and the mode positions are first only bracketed: counts around their brackets usually settle
        // the banners
        List<Probe> counted =
                new ArrayList<>(quartiles.stream().filter(p -> p.n > 0).toList());
        int nQuartiles = counted.size();
        if (mode != null && mode.positions != null) counted.addAll(mode.positions);
        List<Probe> all = new ArrayList<>(probes);
        all.add(pErr);
        all.addAll(counted);
        ExactQuantiles.bracket(sql, pairsTable, pairs, all);
        Object[] lab = ExactQuantiles.scan(
                sql,
                pairsTable,
                where,
                List.of(pErr),
                List.of(
                        Frag.of("avg(abs(c_prediction - label))"),
                        Frag.of("avg(abs(b_prediction - label))"),
                        Frag.of(
                                "avg(CASE WHEN abs(c_prediction - label) < abs(b_prediction - label) THEN 1.0 ELSE 0.0 END)")));
        long nLabelled = pErr.n;
        int decimals = 0;
        if (nLabelled > 0) {
            StringBuilder dec = new StringBuilder("CASE");
            for (int d = 0; d < 6; d++) {
                dec.append(" WHEN abs(label * 1e")
                        .append(d)
                        .append(" - round(label * 1e")
                        .append(d)
                        .append(")) < 1e-6 THEN ")
                        .append(d);
            }
            dec.append(" ELSE 6 END");
            // a label's decimals depend on its value only: read once per distinct label
            decimals = sql.one(
                    "SELECT max(" + dec + ") FROM (SELECT DISTINCT label FROM " + pairsTable + " WHERE " + where + ")",
                    rs -> rs.getInt(1));
        }
        // Around each counted probe's bracket: the rows below it and up to its top, for the mode positions; one side
        // only
        // for the quartiles, the side the spread banner's bound uses (c75 and b25 from below, c25 and b75 from above).
        List<Frag> around = new ArrayList<>();
        for (Probe p : counted) {
            Plain col = (Plain) p.column;
            boolean position = counted.indexOf(p) >= nQuartiles;
            if (position || p == c75 || p == b25)
                around.add(ExactQuantiles.countIf(Frag.and(col.domain(), Frag.of(col.v(), " < ", p.lo))));
            if (position || p == c25 || p == b75)
                around.add(ExactQuantiles.countIf(Frag.and(col.domain(), Frag.of(col.v(), " <= ", p.hi))));
        }
        // and the answers over the latency budget
        double budget = s.value("latency.budget_ms");
        around.add(ExactQuantiles.countIf(Frag.of("c_latency > ", budget)));
        around.add(ExactQuantiles.countIf(Frag.of("b_latency > ", budget)));
        Object[] e = ExactQuantiles.scan(sql, pairsTable, null, probes, around);
        long slowC = ((Number) e[e.length - 2]).longValue(), slowB = ((Number) e[e.length - 1]).longValue();
        // A quartile's bound holds when its position is on the right side of the count: c75 >= its bracket's bottom
        // when
        // fewer rows than its position lie below it, c25 <= its top when more rows than its position lie up to it. A
        // mode
        // position's bracket holds it when both do; then the bracket's rows number up to top minus below.
        List<Probe> held = new ArrayList<>();
        long[] inside = new long[counted.size()];
        int col = 0;
        for (int i = 0; i < counted.size(); i++) {
            Probe p = counted.get(i);
            boolean position = i >= nQuartiles,
                    lower = position || p == c75 || p == b25,
                    upper = position || p == c25 || p == b75;
            long below = lower ? ((Number) e[col++]).longValue() : 0,
                    upTo = upper ? ((Number) e[col++]).longValue() : 0;
            boolean ok = (!lower || below <= p.positions[0]) && (!upper || p.positions[p.positions.length - 1] < upTo);
            if (ok) held.add(p);
            inside[i] = upTo - below;
        }
        nValue = pValue.n;
        nDiff = pDiff.n;
        Double mc = pValue.quantile(), md = pDiff.quantile();

        // The interquartile ranges matter only if the banner can fire: the brackets bound them; exact values otherwise.
        List<Probe> exactQuartiles = new ArrayList<>();
        if (spread && !spreadSettled(held, c25, c75, b25, b75, s.value("degenerate.spread_ratio"))) {
            // with their sample brackets (the scan checks them; one that misses falls back to DuckDB's quantile_cont)
            exactQuartiles.addAll(quartiles);
        }

        // Scan 3: MADs around the medians (and the quartiles when needed), on the pairing's scale.
        List<Probe> mads = new ArrayList<>();
        String fcb = and(fc, fb);
        Probe pMadValue = mc == null ? null : Probe.quantile(absDev(scale, mc, value, fc), nValue, 0.5);
        Probe pMadDiff = md == null ? null : Probe.quantile(absDevDiff(scale, md, diff, fcb), nDiff, 0.5);
        if (pMadValue != null) mads.add(pMadValue);
        if (pMadDiff != null) mads.add(pMadDiff);
        ExactQuantiles.bracket(sql, pairsTable, pairs, mads);
        mads.addAll(exactQuartiles);
        if (!mads.isEmpty()) ExactQuantiles.scan(sql, pairsTable, null, mads, List.of());
        Double madValue = pMadValue == null ? null : pMadValue.quantile(),
                madDiff = pMadDiff == null ? null : pMadDiff.quantile();
        Double[] meanAbsDev = {null, null};
        if (mc != null && !(madValue != null && madValue > 0) || md != null && !(madDiff != null && madDiff > 0)) {
            // A MAD of 0 (over half the scored values tie): the mean absolute deviation stands in. Its sum depends on
            // the order DuckDB adds the values in, which depends on the query's shape, so it is read with the
            // straightforward query itself.
            String tc = scale.scored(C), tb = scale.scored(B);
            meanAbsDev = sql.one(
                    "WITH t AS (SELECT " + tc + " AS tc, " + tc + " - " + tb + " AS d FROM " + pairsTable + "), "
                            + "m AS (SELECT median(tc) AS mc, median(d) AS md FROM t) "
                            + "SELECT avg(abs(tc - mc)), avg(abs(d - md)) FROM t, m",
                    rs -> new Double[] {Db.dbl(rs, 1), Db.dbl(rs, 2)});
        }
        Typical typicalValue = Typical.of(mc, madValue, meanAbsDev[0]);
        Typical typicalDiff = Typical.of(md, madDiff, meanAbsDev[1]);
        Bands[] bands = Bands.of(sql, pairsTable, s, scale, finiteB, typicalValue, typicalDiff);

        // The mode: a value whose share can exceed the threshold occurs at least mode.least times, so it fills one of
        // the
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
                else if (p.lo == p.hi
                        && (modeCount == null || inside[i] > modeCount || inside[i] == modeCount && p.lo < modeValue)) {
                    // the most frequent, the smallest value among equals (ORDER BY n DESC, c_prediction)
                    modeValue = p.lo;
                    modeCount = inside[i];
                } else if (p.lo != p.hi) settled = false;
            }
            if (!settled) {
                Object[] m = sql.one(
                        "SELECT c_prediction, count(*) AS n FROM " + pairsTable + " WHERE isfinite(c_prediction) "
                                + "GROUP BY c_prediction ORDER BY n DESC, c_prediction LIMIT 1",
                        rs -> new Object[] {Db.dbl(rs, 1), rs.getLong(2)});
                modeValue = (Double) m[0];
                modeCount = (Long) m[1];
            }
        }
        PairStats st = new PairStats(
                pairs,
                bMin,
                pairs - nB,
                pairs - nC,
                nC - finiteC,
                scale,
                typicalValue,
                typicalDiff,
                bands[0],
                bands[1],
                nLabelled,
                dbl(lab, 0),
                dbl(lab, 1),
                pErr.quantile(),
                dbl(lab, 2),
                decimals,
                nCl,
                pCl.quantile(),
                nBl,
                pBl.quantile());
        boolean exact = !exactQuartiles.isEmpty();
        Spread sp = new Spread(
                finiteC,
                constant,
                exact ? minus(c75.quantile(), c25.quantile()) : null,
                exact ? minus(b75.quantile(), b25.quantile()) : null,
                modeValue,
                modeCount);
        Double labelMaxAbs = minL == null ? null : Math.max(Math.abs(minL), Math.abs(maxL));
        return new PairScan(st, sp, new Latency(slowC, slowB, (Double) f[11]), new Facts(clean, labelMaxAbs));
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
     * True when the quartiles' bounds (all held) prove the spread banner cannot fire: the candidate's IQR is at least
     * c75's bracket bottom minus c25's top and the baseline's at most b75's top minus b25's bottom, each bound widened by
     * 4 ulps for the rounding of quantile_cont's interpolation; every step rounds monotonically.
     */
    private static boolean spreadSettled(
            List<Probe> held, Probe c25, Probe c75, Probe b25, Probe b75, double minSpread) {
        if (!held.containsAll(List.of(c25, c75, b25, b75))) return false;
        double cLow = lowest(c75) - highest(c25), bHigh = highest(b75) - lowest(b25);
        if (bHigh <= 0) return true; // no baseline spread: no banner
        return cLow >= 0 && Double.isFinite(cLow) && Double.isFinite(bHigh) && cLow / bHigh >= minSpread;
    }

    private static double lowest(Probe p) {
        return p.lo - 4 * Math.ulp(Math.max(Math.abs(p.lo), Math.abs(p.hi)));
    }

    private static double highest(Probe p) {
        return p.hi + 4 * Math.ulp(Math.max(Math.abs(p.lo), Math.abs(p.hi)));
    }

    private static Double dbl(Object[] row, int i) {
        return row.length > i && row[i] != null ? ((Number) row[i]).doubleValue() : null;
    }

    private static Double minus(Double a, Double b) {
        return a == null || b == null ? null : a - b;
    }

    /** Both extremes finite (or no values at all): no NaN or infinity among the values. */
    private static boolean finite(Double min, Double max) {
        return min == null || Double.isFinite(min) && Double.isFinite(max);
    }

    /** The conjunction of the non-null conditions; null when there are none. */
    /** |scored c - m| for the MAD of the candidate's values: rows classified by c itself where the scale allows. */
    private static Column absDev(Scale scale, double m, Column value, String fc) {
        return switch (scale) {
            case LOG -> new AbsDevLog(C, fc, m);
            case LINEAR -> new Plain(Frag.of("abs(c_prediction - ", m, ")"), fc == null ? null : Frag.of(fc));
            case LOGIT -> new Plain(Frag.of("abs(", value.value(), " - ", m, ")"), Frag.of(Scale.LOGIT.domain(C)));
        };
    }

    /** |scored c - scored b - m| for the MAD of the differences. */
    private static Column absDevDiff(Scale scale, double m, Column diff, String fcb) {
        return switch (scale) {
            case LOG -> new AbsDevLogRatio(C, B, fcb, m);
            case LINEAR ->
                new Plain(Frag.of("abs((c_prediction - b_prediction) - ", m, ")"), fcb == null ? null : Frag.of(fcb));
            case LOGIT ->
                new Plain(
                        Frag.of("abs(", diff.value(), " - ", m, ")"),
                        Frag.of(Scale.LOGIT.domain(C) + " AND " + Scale.LOGIT.domain(B)));
        };
    }

    private static String and(String a, String b) {
        if (a == null) return b;
        return b == null ? a : a + " AND " + b;
    }
}
