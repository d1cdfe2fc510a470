package dev.shadowbench.core.outliers;

import static dev.shadowbench.core.format.FigureFormat.count;
import static dev.shadowbench.core.outliers.Reasons.num;
import static dev.shadowbench.core.outliers.Reasons.pct;

import dev.shadowbench.core.db.Db;
import dev.shadowbench.core.task.ProgressSink;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The detector as it was before the single-scan rewrite, straightforward SQL over the pairs (median(...), one INSERT
 * per rule, count(DISTINCT ...), GROUP BY for the mode): the reference the fast path must match exactly. Leaves its
 * flags in the temp table reference_flags.
 */
final class ReferenceOutliers {
    private ReferenceOutliers() {}

    static String scored(PairStats st, String x) {
        return st.scored(x);
    }

    static OutlierReport detect(Connection c, OutlierSettings s, ProgressSink p, int listLimit) throws SQLException {
        Db sql = new Db(c, p);
        p.progress(0, 4, "Outliers: robust statistics of the pairs");
        PairStats st = loadStats(sql, s);
        p.progress(1, 4, "Outliers: flagging pairs");
        flag(sql, s, st);
        p.progress(2, 4, "Outliers: counting flags");
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String r : OutlierDetector.FLAG_RULES) counts.put(r, 0L);
        for (Object[] row : sql.query("SELECT rule, count(*) FROM reference_flags GROUP BY rule", rs ->
                new Object[] {rs.getString(1), rs.getLong(2)})) {
            counts.put((String) row[0], (Long) row[1]);
        }
        long flaggedPairs = sql.one("SELECT count(DISTINCT request_id) FROM reference_flags", rs -> rs.getLong(1));
        Reasons reasons = new Reasons(st);
        List<Outlier> listed = new ArrayList<>(sql.query(
                """
                SELECT request_id, rule, score, z, b_prediction, c_prediction, label, b_latency, c_latency FROM (
                  SELECT *, row_number() OVER (PARTITION BY rule ORDER BY score DESC, request_id) AS rn FROM reference_flags)
                WHERE rn <= ?""",
                rs -> {
                    String rule = rs.getString(2);
                    Double b = Db.dbl(rs, 5),
                            cand = Db.dbl(rs, 6),
                            label = Db.dbl(rs, 7),
                            bl = Db.dbl(rs, 8),
                            cl = Db.dbl(rs, 9);
                    double score = rs.getDouble(3);
                    String detail = reasons.detail(rule, Db.dbl(rs, 4), b, cand, label, bl, cl);
                    return new Outlier(rs.getString(1), rule, detail, b, cand, label, bl, cl, score);
                },
                Math.max(0, listLimit)));
        listed.sort(Comparator.comparingInt((Outlier o) -> OutlierDetector.FLAG_RULES.indexOf(o.rule()))
                .thenComparing(Comparator.comparingDouble(Outlier::score).reversed())
                .thenComparing(Outlier::requestId));
        p.progress(3, 4, "Outliers: aggregate findings");
        List<Finding> findings = findings(sql, s, st, counts);
        p.progress(4, 4, "Outliers: done");
        return new OutlierReport(listed, findings, counts, st.pairs(), flaggedPairs, listLimit);
    }

    private static void flag(Db sql, OutlierSettings s, PairStats st) throws SQLException {
        sql.execute("""
                CREATE OR REPLACE TEMP TABLE reference_flags(request_id VARCHAR, rule VARCHAR, score DOUBLE, z DOUBLE,
                  b_prediction DOUBLE, c_prediction DOUBLE, label DOUBLE, b_latency DOUBLE, c_latency DOUBLE)""");
        String cols = "b_prediction, c_prediction, label, b_latency, c_latency";
        String tc = st.scored("c_prediction"), tb = st.scored("b_prediction");
        if (s.enabled("extreme") && st.value() != null) {
            ExactQuantiles.Frag z = st.valueBands().z("tc");
            List<Object> params = new ArrayList<>(z.params());
            params.add(s.value("extreme.mad_k"));
            sql.execute(
                    "INSERT INTO reference_flags SELECT request_id, 'extreme', abs(z), z, " + cols + " FROM (SELECT *, "
                            + z.sql() + " AS z FROM (SELECT *, " + tc + " AS tc FROM pairs)) WHERE abs(z) > ?",
                    params.toArray());
        }
        if (s.enabled("divergence") && st.diff() != null) {
            ExactQuantiles.Frag z = st.diffBands().z("d");
            List<Object> params = new ArrayList<>(z.params());
            params.add(s.value("divergence.mad_k"));
            sql.execute(
                    "INSERT INTO reference_flags SELECT request_id, 'divergence', abs(z), z, " + cols
                            + " FROM (SELECT *, " + z.sql() + " AS z FROM (SELECT *, (" + tc + ") - (" + tb
                            + ") AS d FROM pairs)) WHERE abs(z) > ?",
                    params.toArray());
        }
        // A negative forecast is suspicious only where the baseline, the model in production, never forecasts one.
        if (s.enabled("negative") && st.baselineMin() != null && st.baselineMin() >= 0) {
            sql.execute("INSERT INTO reference_flags SELECT request_id, 'negative', -c_prediction, NULL, " + cols
                    + " FROM pairs WHERE c_prediction < 0 AND isfinite(c_prediction)");
        }
        if (s.enabled("above_one") && st.scale() == PairStats.Scale.LOGIT) {
            sql.execute("INSERT INTO reference_flags SELECT request_id, 'above_one', c_prediction, NULL, " + cols
                    + " FROM pairs WHERE c_prediction > 1 AND isfinite(c_prediction)");
        }
        if (s.enabled("degenerate")) {
            sql.execute("INSERT INTO reference_flags SELECT request_id, 'nonfinite', 1, NULL, " + cols
                    + " FROM pairs WHERE c_prediction IS NOT NULL AND NOT isfinite(c_prediction)");
        }
        String labelMatch = "isfinite(label) AND abs(c_prediction - label) <= 1e-9 * greatest(1, abs(label)) "
                + "AND NOT coalesce(abs(b_prediction - label) < ?, false)";
        if (s.enabled("label_match") && st.labelled() > 0) {
            sql.execute(
                    "INSERT INTO reference_flags SELECT request_id, 'label_match', abs(b_prediction - label), NULL, "
                            + cols + " FROM pairs WHERE " + labelMatch,
                    st.labelHalfUnit());
        }
        if (s.enabled("leak") && st.labelled() > 0 && st.baselineErrMedian() != null) {
            // Exact label matches are already explained by label_match; listing them twice only adds noise.
            String notMatched = s.enabled("label_match") ? " AND NOT (" + labelMatch + ")" : "";
            List<Object> params = new ArrayList<>(List.of(s.value("leak.ratio"), st.baselineErrMedian()));
            if (!notMatched.isEmpty()) params.add(st.labelHalfUnit());
            sql.execute(
                    "INSERT INTO reference_flags SELECT request_id, 'leak', "
                            + "abs(b_prediction - label) / greatest(abs(c_prediction - label), 1e-12), NULL, " + cols
                            + " FROM pairs WHERE isfinite(label) AND isfinite(c_prediction) AND isfinite(b_prediction)"
                            + " AND abs(c_prediction - label) < ? * abs(b_prediction - label)"
                            + " AND abs(b_prediction - label) >= ?" + notMatched,
                    params.toArray());
        }
        if (s.enabled("latency") && st.candidateLatencyMedian() != null && st.candidateLatencyMedian() > 0) {
            sql.execute(
                    "INSERT INTO reference_flags SELECT request_id, 'latency_fast', ? / greatest(c_latency, 1e-9), NULL, "
                            + cols + " FROM pairs WHERE c_latency < ?",
                    st.candidateLatencyMedian(),
                    s.value("latency.fast_ratio") * st.candidateLatencyMedian());
        }
    }

    static PairStats loadStats(Db sql, OutlierSettings s) throws SQLException {
        Object[] base = sql.one("""
                SELECT count(*), min(b_prediction) FILTER (WHERE isfinite(b_prediction)),
                       count(*) FILTER (WHERE b_prediction IS NULL), count(*) FILTER (WHERE c_prediction IS NULL),
                       count(*) FILTER (WHERE c_prediction IS NOT NULL AND NOT isfinite(c_prediction)),
                       count(c_latency), median(c_latency), count(b_latency), median(b_latency),
                       max(b_prediction) FILTER (WHERE isfinite(b_prediction))
                FROM pairs""", rs -> new Object[] {
            rs.getLong(1),
            Db.dbl(rs, 2),
            rs.getLong(3),
            rs.getLong(4),
            rs.getLong(5),
            rs.getLong(6),
            Db.dbl(rs, 7),
            rs.getLong(8),
            Db.dbl(rs, 9),
            Db.dbl(rs, 10)
        });
        Double bMin = (Double) base[1];
        PairStats.Scale scale = PairStats.Scale.of(bMin, (Double) base[9]);
        String tc = scale.scored("c_prediction"), tb = scale.scored("b_prediction");
        Double[] q = sql.one(
                "WITH t AS (SELECT " + tc + " AS tc, " + tc + " - " + tb + " AS d FROM pairs), "
                        + "m AS (SELECT median(tc) AS mc, median(d) AS md FROM t) "
                        + "SELECT any_value(mc), median(abs(tc - mc)), any_value(md), median(abs(d - md)) FROM t, m",
                rs -> new Double[] {Db.dbl(rs, 1), Db.dbl(rs, 2), Db.dbl(rs, 3), Db.dbl(rs, 4)});
        // the mean absolute deviations, with the query the detector uses (an avg's last bits depend on the query's
        // shape)
        Double[] meanDev = sql.one(
                "WITH t AS (SELECT " + tc + " AS tc, " + tc + " - " + tb + " AS d FROM pairs), "
                        + "m AS (SELECT median(tc) AS mc, median(d) AS md FROM t) "
                        + "SELECT avg(abs(tc - mc)), avg(abs(d - md)) FROM t, m",
                rs -> new Double[] {Db.dbl(rs, 1), Db.dbl(rs, 2)});
        PairStats.Typical value = PairStats.Typical.of(q[0], q[1], meanDev[0]);
        PairStats.Typical diff = PairStats.Typical.of(q[2], q[3], meanDev[1]);
        StringBuilder decimals = new StringBuilder("CASE");
        for (int d = 0; d < 6; d++) {
            decimals.append(" WHEN abs(label * 1e")
                    .append(d)
                    .append(" - round(label * 1e")
                    .append(d)
                    .append(")) < 1e-6 THEN ")
                    .append(d);
        }
        decimals.append(" ELSE 6 END");
        Object[] lab = sql.one(
                "SELECT count(*), avg(abs(c_prediction - label)), avg(abs(b_prediction - label)), "
                        + "median(abs(b_prediction - label)), "
                        + "avg(CASE WHEN abs(c_prediction - label) < abs(b_prediction - label) THEN 1.0 ELSE 0.0 END), "
                        + "max(" + decimals + ") FROM pairs "
                        + "WHERE isfinite(label) AND isfinite(c_prediction) AND isfinite(b_prediction)",
                rs -> new Object[] {
                    rs.getLong(1), Db.dbl(rs, 2), Db.dbl(rs, 3), Db.dbl(rs, 4), Db.dbl(rs, 5), rs.getInt(6)
                });
        return new PairStats(
                (Long) base[0],
                bMin,
                (Long) base[2],
                (Long) base[3],
                (Long) base[4],
                scale,
                value,
                diff,
                bands(sql, s, "extreme", scale, "tc", value),
                bands(sql, s, "divergence", scale, "d", diff),
                (Long) lab[0],
                (Double) lab[1],
                (Double) lab[2],
                (Double) lab[3],
                (Double) lab[4],
                (Integer) lab[5],
                (Long) base[5],
                (Double) base[6],
                (Long) base[7],
                (Double) base[8]);
    }

    /**
     * A rule's bands, one straightforward query per figure: as many as its {@code bands} setting asks for with at least
     * {@link Bands#MIN_BAND} finite baselines each, bounded by the baseline's quantile_disc at i / n; per band the
     * median and MAD of the rule's scored column ({@code col}: tc or d) among the pairs whose baseline is at most the
     * band's bound and above the one before (the last band: every other non-null baseline), its robust SD at least
     * {@link Bands#FLOOR} of the global one; the global figures for a band with under half {@link Bands#MIN_BAND}
     * scored values.
     */
    private static Bands bands(
            Db sql, OutlierSettings s, String rule, PairStats.Scale scale, String col, PairStats.Typical global)
            throws SQLException {
        if (global == null || !s.enabled(rule)) return Bands.single(global);
        long finiteB = sql.one("SELECT count(*) FROM pairs WHERE isfinite(b_prediction)", rs -> rs.getLong(1));
        long n = Math.min((long) s.value(rule + ".bands"), finiteB / Bands.MIN_BAND);
        if (n < 2) return Bands.single(global);
        double[] upper = new double[(int) n - 1];
        for (int i = 1; i < n; i++) {
            upper[i - 1] = sql.one(
                    "SELECT quantile_disc(b_prediction, CAST(? AS DOUBLE)) FROM pairs WHERE isfinite(b_prediction)",
                    rs -> rs.getDouble(1),
                    (double) i / n);
        }
        String tc = scale.scored("c_prediction"), tb = scale.scored("b_prediction");
        PairStats.Typical[] t = new PairStats.Typical[(int) n];
        for (int i = 0; i < n; i++) {
            String in = i == 0
                    ? "b_prediction <= " + upper[0]
                    : (i < n - 1 ? "b_prediction <= " + upper[i] + " AND " : "b_prediction IS NOT NULL AND ")
                            + "NOT b_prediction <= " + upper[i - 1];
            Object[] r = sql.one(
                    "WITH t AS (SELECT " + tc + " AS tc, (" + tc + ") - (" + tb + ") AS d FROM pairs WHERE " + in
                            + "), m AS (SELECT median(" + col + ") AS m FROM t) "
                            + "SELECT count(" + col + "), any_value(m), median(abs(" + col + " - m)), avg(abs(" + col
                            + " - m)) FROM t, m",
                    rs -> new Object[] {rs.getLong(1), Db.dbl(rs, 2), Db.dbl(rs, 3), Db.dbl(rs, 4)});
            PairStats.Typical band = PairStats.Typical.of((Double) r[1], (Double) r[2], (Double) r[3]);
            t[i] = (Long) r[0] < Bands.MIN_BAND / 2 || band == null
                    ? global
                    : new PairStats.Typical(band.median(), Math.max(band.sd(), Bands.FLOOR * global.sd()));
        }
        return new Bands(upper, t, global);
    }

    static List<Finding> findings(Db sql, OutlierSettings s, PairStats st, Map<String, Long> counts)
            throws SQLException {
        List<Finding> out = new ArrayList<>();
        if (st.pairs() == 0) return out;
        if (s.enabled("margin")) margin(s, st, out);
        if (s.enabled("degenerate")) degenerate(sql, s, st, out);
        if (s.enabled("latency")) latency(sql, s, st, counts, out);
        return out;
    }

    private static void margin(OutlierSettings s, PairStats st, List<Finding> out) {
        if (st.labelled() < s.value("margin.min_labels") || st.baselineMae() == null || st.baselineMae() <= 0) return;
        double ratio = st.candidateMae() / st.baselineMae();
        double max = s.value("margin.max_error_ratio");
        if (ratio >= max) return;
        out.add(
                new Finding(
                        "margin",
                        Finding.WARNING,
                        ratio,
                        max,
                        "Too good to be true? The candidate's mean absolute error "
                                + num(st.candidateMae()) + " is " + pct(ratio) + " of the baseline's "
                                + num(st.baselineMae()) + " over "
                                + count(st.labelled()) + " labelled pairs, and it beats the baseline on "
                                + pct(st.candidateBetterShare())
                                + " of them. A gain this large is more often a label leak or a wrong join than a better model."));
    }

    private static void degenerate(Db sql, OutlierSettings s, PairStats st, List<Finding> out) throws SQLException {
        if (st.candidateNonFinite() > 0) {
            out.add(new Finding(
                    "nonfinite",
                    Finding.ERROR,
                    (double) st.candidateNonFinite(),
                    0.0,
                    "The candidate returned NaN or " + "infinite values for " + count(st.candidateNonFinite()) + " of "
                            + count(st.pairs()) + " paired requests."));
        }
        Object[] spread = sql.one("""
                SELECT count(DISTINCT c_prediction) FILTER (WHERE isfinite(c_prediction)),
                       quantile_cont(c_prediction, 0.75) FILTER (WHERE isfinite(c_prediction))
                         - quantile_cont(c_prediction, 0.25) FILTER (WHERE isfinite(c_prediction)),
                       quantile_cont(b_prediction, 0.75) FILTER (WHERE isfinite(b_prediction))
                         - quantile_cont(b_prediction, 0.25) FILTER (WHERE isfinite(b_prediction)),
                       count(c_prediction) FILTER (WHERE isfinite(c_prediction))
                FROM pairs""", rs -> new Object[] {rs.getLong(1), Db.dbl(rs, 2), Db.dbl(rs, 3), rs.getLong(4)});
        long distinct = (Long) spread[0], finite = (Long) spread[3];
        Double cIqr = (Double) spread[1], bIqr = (Double) spread[2];
        double minSpread = s.value("degenerate.spread_ratio");
        if (finite > 1 && distinct == 1) {
            Double only = sql.one(
                    "SELECT any_value(c_prediction) FROM pairs WHERE isfinite(c_prediction)", rs -> Db.dbl(rs, 1));
            out.add(new Finding(
                    "constant",
                    Finding.ERROR,
                    0.0,
                    minSpread,
                    "The candidate gives the same answer " + num(only) + " to all " + count(finite)
                            + " requests: a constant or default output."));
        } else if (finite > 1 && cIqr != null && bIqr != null && bIqr > 0 && cIqr / bIqr < minSpread) {
            out.add(new Finding(
                    "constant",
                    Finding.ERROR,
                    cIqr / bIqr,
                    minSpread,
                    "The candidate's predictions barely vary: " + "their interquartile range " + num(cIqr) + " is "
                            + pct(cIqr / bIqr) + " of the baseline's " + num(bIqr) + "."));
        }
        if (finite > 1 && distinct > 1) {
            Object[] mode = sql.one(
                    "SELECT c_prediction, count(*) AS n FROM pairs WHERE isfinite(c_prediction) "
                            + "GROUP BY c_prediction ORDER BY n DESC, c_prediction LIMIT 1",
                    rs -> new Object[] {Db.dbl(rs, 1), rs.getLong(2)});
            double share = (Long) mode[1] / (double) finite;
            if (share > s.value("degenerate.mode_share")) {
                out.add(new Finding(
                        "mode_share",
                        Finding.WARNING,
                        share,
                        s.value("degenerate.mode_share"),
                        "The candidate answers " + num((Double) mode[0]) + " to " + pct(share) + " of requests ("
                                + count((Long) mode[1]) + "): a default value?"));
            }
        }
        nullJump(sql, s, st, out);
    }

    private static void nullJump(Db sql, OutlierSettings s, PairStats st, List<Finding> out) throws SQLException {
        double jump = s.value("degenerate.null_jump");
        double overall = (st.candidateNulls() - st.baselineNulls()) / (double) st.pairs();
        // A day where the nulls jump is diluted in a long window, so the worst day is checked too.
        Object[] day = sql.one("""
                SELECT day, avg(CASE WHEN c_prediction IS NULL THEN 1.0 ELSE 0.0 END)
                          - avg(CASE WHEN b_prediction IS NULL THEN 1.0 ELSE 0.0 END) AS j, count(*)
                FROM pairs GROUP BY day ORDER BY j DESC, day LIMIT 1""", rs -> new Object[] {rs.getString(1), Db.dbl(rs, 2), rs.getLong(3)});
        double dayJump = day == null || day[1] == null ? 0 : (Double) day[1];
        if (overall > jump) {
            out.add(new Finding(
                    "null_jump",
                    Finding.WARNING,
                    overall,
                    jump,
                    "The candidate returned no prediction for "
                            + pct(st.candidateNulls() / (double) st.pairs()) + " of paired requests, the baseline for "
                            + pct(st.baselineNulls() / (double) st.pairs()) + "."));
        } else if (dayJump > jump) {
            out.add(new Finding(
                    "null_jump",
                    Finding.WARNING,
                    dayJump,
                    jump,
                    "On " + day[0] + " the candidate's share of missing " + "predictions jumped " + pct(dayJump)
                            + " above the baseline's (" + count((Long) day[2]) + " paired requests that day)."));
        }
    }

    private static void latency(Db sql, OutlierSettings s, PairStats st, Map<String, Long> counts, List<Finding> out)
            throws SQLException {
        if (st.candidateLatencies() == 0 || st.candidateLatencyMedian() == null) {
            out.add(new Finding(
                    "latency_fast", Finding.INFO, null, null, "Candidate latency not recorded in these logs."));
            return;
        }
        long n = st.candidateLatencies();
        long fast = counts.getOrDefault("latency_fast", 0L);
        double fastShare = fast / (double) n, fastMax = s.value("latency.fast_max_share");
        double fastMs = s.value("latency.fast_ratio") * st.candidateLatencyMedian();
        out.add(new Finding(
                "latency_fast",
                fastShare > fastMax ? Finding.WARNING : Finding.INFO,
                fastShare,
                fastMax,
                fast == 0
                        ? "No candidate answer came implausibly fast (under " + num(fastMs) + " ms, "
                                + pct(s.value("latency.fast_ratio")) + " of its median "
                                + num(st.candidateLatencyMedian()) + " ms)."
                        : pct(fastShare) + " of candidate answers (" + count(fast) + " of " + count(n)
                                + ") came in under "
                                + num(fastMs) + " ms, " + pct(s.value("latency.fast_ratio")) + " of its median "
                                + num(st.candidateLatencyMedian())
                                + " ms: cached or default answers? They are flagged as latency_fast."));
        double budget = s.value("latency.budget_ms");
        Object[] slow = sql.one(
                "SELECT count(*) FILTER (WHERE c_latency > ?), count(*) FILTER (WHERE b_latency > ?), "
                        + "max(c_latency) FROM pairs",
                rs -> new Object[] {rs.getLong(1), rs.getLong(2), Db.dbl(rs, 3)},
                budget,
                budget);
        double share = (Long) slow[0] / (double) n, max = s.value("latency.slow_max_share");
        String baseline = st.baselineLatencies() == 0
                ? "baseline latency not recorded"
                : "baseline " + pct((Long) slow[1] / (double) st.baselineLatencies());
        out.add(new Finding(
                "latency_slow",
                share > max ? Finding.WARNING : Finding.INFO,
                share,
                max,
                pct(share) + " of candidate answers (" + count((Long) slow[0]) + " of " + count(n)
                        + ") took longer than the " + OutlierSettings.fmt(budget) + " ms budget (" + baseline
                        + "); the slowest took " + num((Double) slow[2]) + " ms."));
    }
}
