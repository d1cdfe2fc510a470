package dev.shadowbench.core.outliers;

import java.sql.SQLException;

/**
 * The robust figures of one pairing that the rules compare against: medians, robust SDs (1.4826 x MAD,
 * or 1.2533 x mean absolute deviation where the MAD is 0), label precision and errors, latency medians.
 * Positive data are scored on a log scale so a clean heavy (log-normal) tail does not flag.
 */
record PairStats(long pairs, Double baselineMin, long baselineNulls, long candidateNulls, long candidateNonFinite,
                 boolean logScale, Double valueMedian, Double valueSd, Double diffMedian, Double diffSd,
                 long labelled, Double candidateMae, Double baselineMae, Double baselineErrMedian,
                 Double candidateBetterShare, int labelDecimals,
                 long candidateLatencies, Double candidateLatencyMedian, long baselineLatencies,
                 Double baselineLatencyMedian) {

    /** SQL for the scored value of column {@code x}: ln(x) on a log scale (positive values only), else x. */
    String scored(String x) {
        return logScale ? "CASE WHEN " + x + " > 0 AND isfinite(" + x + ") THEN ln(" + x + ") END"
                : "CASE WHEN isfinite(" + x + ") THEN " + x + " END";
    }

    /** Half a unit of the label's last logged decimal: closer than this is "equal at the label's precision". */
    double labelHalfUnit() { return 0.5 * Math.pow(10, -labelDecimals); }

    static PairStats load(Sql sql) throws SQLException {
        Object[] base = sql.one("""
                SELECT count(*), min(b_prediction) FILTER (WHERE isfinite(b_prediction)),
                       count(*) FILTER (WHERE b_prediction IS NULL), count(*) FILTER (WHERE c_prediction IS NULL),
                       count(*) FILTER (WHERE c_prediction IS NOT NULL AND NOT isfinite(c_prediction)),
                       count(c_latency), median(c_latency), count(b_latency), median(b_latency)
                FROM pairs""", rs -> new Object[]{rs.getLong(1), Sql.dbl(rs, 2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                rs.getLong(6), Sql.dbl(rs, 7), rs.getLong(8), Sql.dbl(rs, 9)});
        Double bMin = (Double) base[1];
        boolean log = bMin != null && bMin > 0;
        PairStats partial = new PairStats((Long) base[0], bMin, (Long) base[2], (Long) base[3], (Long) base[4], log,
                null, null, null, null, 0, null, null, null, null, 0, (Long) base[5], (Double) base[6], (Long) base[7], (Double) base[8]);
        Double[] robust = sql.one("WITH t AS (SELECT " + partial.scored("c_prediction") + " AS tc, "
                + partial.scored("c_prediction") + " - " + partial.scored("b_prediction") + " AS d FROM pairs), "
                + "m AS (SELECT median(tc) AS mc, median(d) AS md FROM t) "
                + "SELECT any_value(mc), any_value(md), median(abs(tc - mc)), median(abs(d - md)), avg(abs(tc - mc)), avg(abs(d - md)) "
                + "FROM t, m",
                rs -> new Double[]{Sql.dbl(rs, 1), Sql.dbl(rs, 2), Sql.dbl(rs, 3), Sql.dbl(rs, 4), Sql.dbl(rs, 5), Sql.dbl(rs, 6)});
        StringBuilder decimals = new StringBuilder("CASE");
        for (int d = 0; d < 6; d++) {
            decimals.append(" WHEN abs(label * 1e").append(d).append(" - round(label * 1e").append(d).append(")) < 1e-6 THEN ").append(d);
        }
        decimals.append(" ELSE 6 END");
        Object[] lab = sql.one("SELECT count(*), avg(abs(c_prediction - label)), avg(abs(b_prediction - label)), "
                + "median(abs(b_prediction - label)), "
                + "avg(CASE WHEN abs(c_prediction - label) < abs(b_prediction - label) THEN 1.0 ELSE 0.0 END), "
                + "max(" + decimals + ") FROM pairs "
                + "WHERE isfinite(label) AND isfinite(c_prediction) AND isfinite(b_prediction)",
                rs -> new Object[]{rs.getLong(1), Sql.dbl(rs, 2), Sql.dbl(rs, 3), Sql.dbl(rs, 4), Sql.dbl(rs, 5), rs.getInt(6)});
        return new PairStats(partial.pairs, bMin, partial.baselineNulls, partial.candidateNulls, partial.candidateNonFinite, log,
                robust[0], sd(robust[2], robust[4]), robust[1], sd(robust[3], robust[5]),
                (Long) lab[0], (Double) lab[1], (Double) lab[2], (Double) lab[3], (Double) lab[4], (Integer) lab[5],
                partial.candidateLatencies, partial.candidateLatencyMedian, partial.baselineLatencies, partial.baselineLatencyMedian);
    }

    /** Robust SD: 1.4826 x MAD (consistent with the SD for normal data); falls back to the mean deviation when MAD is 0. */
    private static Double sd(Double mad, Double meanAbsDev) {
        if (mad != null && mad > 0) return 1.4826 * mad;
        if (meanAbsDev != null && meanAbsDev > 0) return 1.2533 * meanAbsDev;
        return null;
    }
}
