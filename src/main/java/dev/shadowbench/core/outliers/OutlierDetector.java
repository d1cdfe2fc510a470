package dev.shadowbench.core.outliers;

import dev.shadowbench.core.compare.PairedComparison;
import dev.shadowbench.core.db.Db;
import dev.shadowbench.core.outliers.ExactQuantiles.Frag;
import dev.shadowbench.core.outliers.PairStats.Scale;
import dev.shadowbench.core.outliers.PairStats.Typical;
import dev.shadowbench.core.task.ProgressSink;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Picks, out of every pair, the few a reviewer must look at ("too good to be true"), each with a reason in
 * plain words, and the aggregate findings shown as banners. Runs in SQL over the pairs of the
 * {@link PairedComparison} it is given ({@code PairIndex.open} returns it). Leaves the temp table
 * {@code outlier_flags(request_id, rule, score, ...)} behind (its own working table; {@link #flaggedAmong} reads it
 * within the same call).
 */
public final class OutlierDetector {
    /** Flags listed per rule by default; the counts per rule are never capped. */
    public static final int DEFAULT_LIST_LIMIT = 1000;

    /** The per-pair rules, in the order the flags are listed. */
    public static final List<String> FLAG_RULES = List.of(
            "extreme", "divergence", "negative", "above_one", "nonfinite", "label_match", "leak", "latency_fast");

    private OutlierDetector() {}

    public static OutlierReport detect(Connection c, PairedComparison pc, OutlierSettings s, ProgressSink p)
            throws SQLException {
        return detect(c, pc, s, p, DEFAULT_LIST_LIMIT);
    }

    /** Runs every enabled rule over the pairs; lists at most {@code listLimit} flags per rule, worst first. */
    public static OutlierReport detect(
            Connection c, PairedComparison pc, OutlierSettings s, ProgressSink p, int listLimit) throws SQLException {
        if (pc.extract()) return ExtractOutliers.report(c, pc, listLimit);
        Db sql = new Db(c, p);
        p.progress(0, 4, "Outliers: robust statistics of the pairs");
        PairScan scan = PairScan.run(sql, pc.pairs(), s);
        PairStats st = scan.stats();
        p.progress(1, 4, "Outliers: flagging pairs");
        flag(sql, pc.pairs(), s, st, scan.facts());
        p.progress(2, 4, "Outliers: counting flags");
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String r : FLAG_RULES) counts.put(r, 0L);
        for (Object[] row : sql.query("SELECT rule, count(*) FROM outlier_flags GROUP BY rule", rs ->
                new Object[] {rs.getString(1), rs.getLong(2)})) {
            counts.put((String) row[0], (Long) row[1]);
        }
        long flaggedPairs = sql.one("SELECT count(DISTINCT request_id) FROM outlier_flags", rs -> rs.getLong(1));
        Reasons reasons = new Reasons(st);
        List<Object[]> rows = sql.query(
                """
                SELECT request_id, rule, score, z, b_prediction, c_prediction, label, b_latency, c_latency FROM (
                  SELECT *, row_number() OVER (PARTITION BY rule ORDER BY score DESC, request_id) AS rn FROM outlier_flags)
                WHERE rn <= ?""",
                rs -> new Object[] {
                    rs.getString(1),
                    rs.getString(2),
                    rs.getDouble(3),
                    Db.dbl(rs, 4),
                    Db.dbl(rs, 5),
                    Db.dbl(rs, 6),
                    Db.dbl(rs, 7),
                    Db.dbl(rs, 8),
                    Db.dbl(rs, 9)
                },
                Math.max(0, listLimit));
        // Wording thousands of reasons (String.format each time) takes longer than the query: both cores share it.
        List<Outlier> listed = new ArrayList<>(rows.parallelStream()
                .map(r -> {
                    String rule = (String) r[1];
                    Double b = (Double) r[4],
                            cand = (Double) r[5],
                            label = (Double) r[6],
                            bl = (Double) r[7],
                            cl = (Double) r[8];
                    return new Outlier(
                            (String) r[0],
                            rule,
                            reasons.detail(rule, (Double) r[3], b, cand, label, bl, cl),
                            b,
                            cand,
                            label,
                            bl,
                            cl,
                            (Double) r[2]);
                })
                .toList());
        listed.sort(Comparator.comparingInt((Outlier o) -> FLAG_RULES.indexOf(o.rule()))
                .thenComparing(Comparator.comparingDouble(Outlier::score).reversed())
                .thenComparing(Outlier::requestId));
        p.progress(3, 4, "Outliers: aggregate findings");
        List<Finding> findings = AggregateFindings.compute(sql, pc.pairs(), s, scan, counts);
        p.progress(4, 4, "Outliers: done");
        return new OutlierReport(listed, findings, counts, st.pairs(), flaggedPairs, listLimit);
    }

    /**
     * Flags the pairs in one scan: each rule's rows are found among the candidates a cheap filter keeps (a superset of
     * every rule's rows, a few in ten thousand), by the rule's own condition and score. The scored rules' filters compare
     * the raw predictions (or their ratio) with bounds widened by 1e-9 relative, so logarithms are only taken for the
     * candidates; with every value finite, the label rules' filters need no isfinite.
     */
    private static void flag(Db sql, String pairsTable, OutlierSettings s, PairStats st, PairScan.Facts facts)
            throws SQLException {
        sql.execute("""
                CREATE OR REPLACE TEMP TABLE outlier_flags(request_id VARCHAR, rule VARCHAR, score DOUBLE, z DOUBLE,
                  b_prediction DOUBLE, c_prediction DOUBLE, label DOUBLE, b_latency DOUBLE, c_latency DOUBLE)""");
        String cols = "b_prediction, c_prediction, label, b_latency, c_latency";
        String tc = st.scored("c_prediction"), tb = st.scored("b_prediction");
        List<Frag> keep = new ArrayList<>(), keepLabelled = new ArrayList<>(), rules = new ArrayList<>();
        boolean negativesKept = false;
        if (s.enabled("extreme") && st.value() != null) {
            double k = s.value("extreme.mad_k");
            Bands t = st.valueBands();
            Frag pre =
                    switch (st.scale()) {
                        case LOG -> outsideLog("c_prediction", t, k, 700);
                        case LINEAR -> outside("c_prediction", t, k);
                        case LOGIT -> null; // log-odds are not worth a bound on the raw score: the rule's own test
                    };
            // keyed on a log scale, the lower bound is positive: every negative candidate is kept too
            negativesKept = pre != null && st.logScale();
            robustRule("extreme", t, k, tc, pre, keep, rules);
        }
        if (s.enabled("divergence") && st.diff() != null) {
            double k = s.value("divergence.mad_k");
            Bands t = st.diffBands();
            Frag pre =
                    switch (st.scale()) {
                        case LOG -> outsideLog("c_prediction / b_prediction", t, k, 100);
                        case LINEAR -> outside("(c_prediction - b_prediction)", t, k);
                        case LOGIT -> null;
                    };
            robustRule("divergence", t, k, "(" + tc + ") - (" + tb + ")", pre, keep, rules);
        }
        // A negative forecast is suspicious only where the baseline, the model in production, never forecasts one.
        if (s.enabled("negative") && st.baselineMin() != null && st.baselineMin() >= 0) {
            String negative = "c_prediction < 0 AND isfinite(c_prediction)";
            if (!negativesKept) keep.add(Frag.of(facts.clean() ? "c_prediction < 0" : negative));
            rules.add(Frag.of(
                    "SELECT request_id, 'negative', -c_prediction, NULL, " + cols + " FROM cand WHERE " + negative));
        }
        // A score above 1 is no probability: suspicious where the baseline's scores never leave [0, 1].
        if (s.enabled("above_one") && st.scale() == Scale.LOGIT) {
            String above = "c_prediction > 1 AND isfinite(c_prediction)";
            keep.add(Frag.of(facts.clean() ? "c_prediction > 1" : above));
            rules.add(Frag.of(
                    "SELECT request_id, 'above_one', c_prediction, NULL, " + cols + " FROM cand WHERE " + above));
        }
        if (s.enabled("degenerate")) {
            String nonfinite = "c_prediction IS NOT NULL AND NOT isfinite(c_prediction)";
            if (!facts.clean()) keep.add(Frag.of(nonfinite)); // clean: no candidate prediction is NaN or infinite
            rules.add(Frag.of("SELECT request_id, 'nonfinite', 1, NULL, " + cols + " FROM cand WHERE " + nonfinite));
        }
        Frag labelMatch = Frag.of(
                "isfinite(label) AND abs(c_prediction - label) <= 1e-9 * greatest(1, abs(label)) "
                        + "AND NOT coalesce(abs(b_prediction - label) < ",
                st.labelHalfUnit(),
                ", false)");
        boolean clean = facts.clean() && facts.labelMaxAbs() != null;
        if (s.enabled("label_match") && st.labelled() > 0) {
            // |c - label| <= 1e-9 * greatest(1, |label|) implies c - label within 1e-9 of the largest such bound (with
            // room for
            // rounding): one subtraction per row instead of the rule's four operations
            double most = clean ? 1e-9 * Math.max(1, facts.labelMaxAbs()) * (1 + 1e-6) : 0;
            if (clean) keepLabelled.add(Frag.of("c_prediction - label BETWEEN ", -most, " AND ", most));
            else keep.add(labelMatch);
            rules.add(Frag.of(
                    "SELECT request_id, 'label_match', abs(b_prediction - label), NULL, " + cols + " FROM cand WHERE ",
                    labelMatch));
        }
        if (s.enabled("leak") && st.labelled() > 0 && st.baselineErrMedian() != null) {
            // Exact label matches are already explained by label_match; listing them twice only adds noise.
            Frag core = Frag.of(
                    "abs(c_prediction - label) < ",
                    s.value("leak.ratio"),
                    " * abs(b_prediction - label)" + " AND abs(b_prediction - label) >= ",
                    st.baselineErrMedian());
            Frag leak = Frag.of(
                    "isfinite(label) AND isfinite(c_prediction) AND isfinite(b_prediction) AND ",
                    core,
                    s.enabled("label_match") ? Frag.of(" AND NOT (", labelMatch, ")") : "");
            if (clean) keepLabelled.add(core);
            else keep.add(leak);
            rules.add(Frag.of(
                    "SELECT request_id, 'leak', abs(b_prediction - label) / greatest(abs(c_prediction - label), 1e-12), NULL, "
                            + cols + " FROM cand WHERE ",
                    leak));
        }
        if (!keepLabelled.isEmpty()) {
            List<Object> any = new ArrayList<>();
            for (Frag f : keepLabelled) any.add(Frag.of(any.isEmpty() ? "(" : " OR (", f, ")"));
            keep.add(Frag.of("label IS NOT NULL AND (", Frag.of(any.toArray()), ")"));
        }
        if (s.enabled("latency") && st.candidateLatencyMedian() != null && st.candidateLatencyMedian() > 0) {
            Frag fast = Frag.of("c_latency < ", s.value("latency.fast_ratio") * st.candidateLatencyMedian());
            keep.add(fast);
            rules.add(Frag.of(
                    "SELECT request_id, 'latency_fast', ",
                    st.candidateLatencyMedian(),
                    " / greatest(c_latency, 1e-9), NULL, " + cols + " FROM cand WHERE ",
                    fast));
        }
        if (keep.isEmpty())
            return; // no rule can flag a pair (e.g. only nonfinite is on and every prediction is finite)
        List<Object> parts =
                new ArrayList<>(List.of("INSERT INTO outlier_flags WITH cand AS MATERIALIZED (SELECT request_id, "
                        + cols + " FROM " + pairsTable + " WHERE "));
        for (int i = 0; i < keep.size(); i++) parts.add(Frag.of(i == 0 ? "(" : " OR (", keep.get(i), ")"));
        parts.add(") ");
        for (int i = 0; i < rules.size(); i++) parts.add(Frag.of(i == 0 ? "" : " UNION ALL ", rules.get(i)));
        Frag q = Frag.of(parts.toArray());
        sql.execute(q.sql(), q.params().toArray());
    }

    /**
     * A rule that flags a pair whose scored value (SQL {@code scored}) lies more than k robust SDs of its band's figures
     * from its band's median: its cheap filter ({@code pre}, or the rule's own test when null) and its flags.
     */
    private static void robustRule(
            String rule, Bands t, double k, String scored, Frag pre, List<Frag> keep, List<Frag> rules) {
        keep.add(pre != null ? pre : Frag.of("abs(", t.z("(" + scored + ")"), ") > ", k));
        rules.add(Frag.of(
                "SELECT request_id, '" + rule + "', abs(z), z, b_prediction, c_prediction, label, b_latency, c_latency "
                        + "FROM (SELECT *, ",
                t.z("v"),
                " AS z FROM (SELECT *, " + scored + " AS v FROM cand)) WHERE abs(z) > ",
                k));
    }

    /**
     * Keeps every finite x scored beyond [lo, hi] of its band (the band's median -+ k robust SDs): x outside
     * [lo, hi], each bound moved inwards by 1e-9 of its size, far more than the rounding of x - m and of the division
     * can move a score.
     */
    private static Frag outside(String x, Bands t, double k) {
        double[] lo = new double[t.count()], hi = new double[t.count()];
        for (int i = 0; i < t.count(); i++) {
            double[] b = inwards(t.typical()[i], k);
            lo[i] = b[0];
            hi[i] = b[1];
        }
        if (t.count() == 1) return Frag.of(x, " NOT BETWEEN ", lo[0], " AND ", hi[0]);
        double[] g = inwards(t.global(), k);
        return Frag.of(
                x, " NOT BETWEEN ", Bands.perBand(t.upper(), lo, g[0]), " AND ", Bands.perBand(t.upper(), hi, g[1]));
    }

    /** The bounds median -+ k robust SDs of {@code t}, each moved inwards by 1e-9 of their size. */
    private static double[] inwards(Typical t, double k) {
        double lo = t.median() - k * t.sd(), hi = t.median() + k * t.sd();
        double slack = 1e-9 * (Math.abs(lo) + Math.abs(hi));
        return new double[] {lo + slack, hi - slack};
    }

    /**
     * Keeps every row whose scored value (ln c, or ln c - ln b with {@code x} = c / b) lies beyond [lo, hi] of its band:
     * x outside [exp(lo), exp(hi)], each bound moved inwards by 1e-9 relative, far more than the rounding of ln, of the
     * subtraction and of the division (under 1e-12 in absolute terms) can move a score; a ratio beyond the normal
     * doubles is far outside. Null beyond +-limit (or an absurd width) in any band, where the rule's own condition must
     * do.
     */
    private static Frag outsideLog(String x, Bands t, double k, double limit) {
        int n = t.count();
        double[] lo = new double[n + 1], hi = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            Typical b = i < n ? t.typical()[i] : t.global();
            double l = b.median() - k * b.sd(), h = b.median() + k * b.sd();
            if (!(Math.abs(l) <= limit && Math.abs(h) <= limit && h - l < 1e5)) return null;
            lo[i] = Math.exp(l) * (1 + 1e-9);
            hi[i] = Math.exp(h) * (1 - 1e-9);
        }
        if (n == 1) return Frag.of(x, " NOT BETWEEN ", lo[0], " AND ", hi[0]);
        return Frag.of(
                x,
                " NOT BETWEEN ",
                Bands.perBand(t.upper(), java.util.Arrays.copyOf(lo, n), lo[n]),
                " AND ",
                Bands.perBand(t.upper(), java.util.Arrays.copyOf(hi, n), hi[n]));
    }

    /**
     * The request ids among {@code ids} that the rules with settings {@code s} flag (any rule) in the pairing, so the
     * sample table can highlight them: the flag scan of {@link #detect}, without wording any reason.
     */
    public static Set<String> flaggedAmong(
            Connection c, PairedComparison pc, OutlierSettings s, Collection<String> ids, ProgressSink p)
            throws SQLException {
        Set<String> out = new HashSet<>();
        if (ids.isEmpty()) return out;
        detect(c, pc, s, p, 0);
        Db sql = new Db(c, ProgressSink.NONE);
        boolean exists = sql.one(
                        "SELECT count(*) FROM duckdb_tables() WHERE temporary AND table_name = 'outlier_flags'",
                        rs -> rs.getLong(1))
                > 0;
        if (!exists) return out;
        List<String> list = List.copyOf(new java.util.LinkedHashSet<>(ids));
        for (int from = 0; from < list.size(); from += 500) {
            List<String> chunk = list.subList(from, Math.min(list.size(), from + 500));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            out.addAll(sql.query(
                    "SELECT DISTINCT request_id FROM outlier_flags WHERE request_id IN (" + marks + ")",
                    rs -> rs.getString(1),
                    chunk.toArray()));
        }
        return out;
    }

    /**
     * Pairs flagged by at least one rule per value of {@code dim} ("segment" or "day"), keyed as the summary's
     * breakdowns are (text; a null key for pairs with no segment). Counts from the flag table {@link #detect} left on
     * {@code c}, so the report's capped list does not cap them; call it right after {@link #detect}.
     */
    public static Map<String, Long> flaggedBy(Connection c, PairedComparison pc, String dim) throws SQLException {
        if (!dim.equals("segment") && !dim.equals("day")) throw new IllegalArgumentException("no breakdown " + dim);
        if (pc.extract()) return ExtractOutliers.flaggedBy(c, pc, dim);
        Map<String, Long> out = new HashMap<>();
        for (Object[] r : new Db(c, ProgressSink.NONE)
                .query(
                        "SELECT CAST(k AS VARCHAR), n FROM (SELECT " + dim + " AS k, count(*) AS n FROM " + pc.pairs()
                                + " WHERE request_id IN (SELECT request_id FROM outlier_flags) GROUP BY " + dim + ")",
                        rs -> new Object[] {rs.getString(1), rs.getLong(2)})) {
            out.put((String) r[0], (Long) r[1]);
        }
        return out;
    }

    /** One request's latencies, for the "worst N" lists. */
    public record LatencyRow(String requestId, Double baselineMs, Double candidateMs) {}

    /** The {@code n} slowest ({@code slowest=true}) or fastest candidate answers among the pairs. */
    public static List<LatencyRow> worstLatency(Connection c, PairedComparison pc, boolean slowest, int n)
            throws SQLException {
        return new Db(c, ProgressSink.NONE)
                .query(
                        "SELECT request_id, b_latency, c_latency FROM " + pc.pairs() + " WHERE c_latency IS NOT NULL "
                                + "ORDER BY c_latency " + (slowest ? "DESC" : "ASC") + ", request_id LIMIT ?",
                        rs -> new LatencyRow(rs.getString(1), Db.dbl(rs, 2), Db.dbl(rs, 3)),
                        Math.max(0, n));
    }
}
