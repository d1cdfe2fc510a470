package dev.shadowbench.core.outliers;

import dev.shadowbench.core.task.ProgressSink;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Picks, out of every pair, the few a reviewer must look at ("too good to be true"), each with a reason in
 * plain words, and the aggregate findings shown as banners. Runs in SQL over the connection's temp table
 * {@code pairs}, so call {@code Pairing.materialize} on the same connection first. Leaves the temp table
 * {@code outlier_flags(request_id, rule, score, ...)} behind for {@link #flaggedAmong}.
 */
public final class OutlierDetector {
    /** Flags listed per rule by default; the counts per rule are never capped. */
    public static final int DEFAULT_LIST_LIMIT = 1000;

    /** The per-pair rules, in the order the flags are listed. */
    public static final List<String> FLAG_RULES = List.of(
            "extreme", "divergence", "negative", "nonfinite", "label_match", "leak", "latency_fast");

    private OutlierDetector() {}

    public static OutlierReport detect(Connection c, OutlierSettings s, ProgressSink p) throws SQLException {
        return detect(c, s, p, DEFAULT_LIST_LIMIT);
    }

    /** Runs every enabled rule over {@code pairs}; lists at most {@code listLimit} flags per rule, worst first. */
    public static OutlierReport detect(Connection c, OutlierSettings s, ProgressSink p, int listLimit) throws SQLException {
        Sql sql = new Sql(c, p);
        p.progress(0, 4, "Outliers: robust statistics of the pairs");
        PairStats st = PairStats.load(sql);
        p.progress(1, 4, "Outliers: flagging pairs");
        flag(sql, s, st);
        p.progress(2, 4, "Outliers: counting flags");
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String r : FLAG_RULES) counts.put(r, 0L);
        for (Object[] row : sql.query("SELECT rule, count(*) FROM outlier_flags GROUP BY rule",
                rs -> new Object[]{rs.getString(1), rs.getLong(2)})) {
            counts.put((String) row[0], (Long) row[1]);
        }
        long flaggedPairs = sql.one("SELECT count(DISTINCT request_id) FROM outlier_flags", rs -> rs.getLong(1));
        Reasons reasons = new Reasons(st);
        List<Outlier> listed = new ArrayList<>(sql.query("""
                SELECT request_id, rule, score, z, b_prediction, c_prediction, label, b_latency, c_latency FROM (
                  SELECT *, row_number() OVER (PARTITION BY rule ORDER BY score DESC, request_id) AS rn FROM outlier_flags)
                WHERE rn <= ?""", rs -> {
            String rule = rs.getString(2);
            Double b = Sql.dbl(rs, 5), cand = Sql.dbl(rs, 6), label = Sql.dbl(rs, 7), bl = Sql.dbl(rs, 8), cl = Sql.dbl(rs, 9);
            double score = rs.getDouble(3);
            String detail = reasons.detail(rule, Sql.dbl(rs, 4), b, cand, label, bl, cl);
            return new Outlier(rs.getString(1), rule, detail, b, cand, label, bl, cl, score);
        }, Math.max(0, listLimit)));
        listed.sort(Comparator.comparingInt((Outlier o) -> FLAG_RULES.indexOf(o.rule()))
                .thenComparing(Comparator.comparingDouble(Outlier::score).reversed())
                .thenComparing(Outlier::requestId));
        p.progress(3, 4, "Outliers: aggregate findings");
        List<Finding> findings = AggregateFindings.compute(sql, s, st, counts);
        p.progress(4, 4, "Outliers: done");
        return new OutlierReport(listed, findings, counts, st.pairs(), flaggedPairs, listLimit);
    }

    private static void flag(Sql sql, OutlierSettings s, PairStats st) throws SQLException {
        sql.execute("""
                CREATE OR REPLACE TEMP TABLE outlier_flags(request_id VARCHAR, rule VARCHAR, score DOUBLE, z DOUBLE,
                  b_prediction DOUBLE, c_prediction DOUBLE, label DOUBLE, b_latency DOUBLE, c_latency DOUBLE)""");
        String cols = "b_prediction, c_prediction, label, b_latency, c_latency";
        String tc = st.scored("c_prediction"), tb = st.scored("b_prediction");
        if (s.enabled("extreme") && st.valueSd() != null) {
            sql.execute("INSERT INTO outlier_flags SELECT request_id, 'extreme', abs(z), z, " + cols
                    + " FROM (SELECT *, (" + tc + " - ?) / ? AS z FROM pairs) WHERE abs(z) > ?",
                    st.valueMedian(), st.valueSd(), s.value("extreme.mad_k"));
        }
        if (s.enabled("divergence") && st.diffSd() != null) {
            sql.execute("INSERT INTO outlier_flags SELECT request_id, 'divergence', abs(z), z, " + cols
                    + " FROM (SELECT *, ((" + tc + ") - (" + tb + ") - ?) / ? AS z FROM pairs) WHERE abs(z) > ?",
                    st.diffMedian(), st.diffSd(), s.value("divergence.mad_k"));
        }
        // A negative forecast is suspicious only where the baseline, the model in production, never forecasts one.
        if (s.enabled("negative") && st.baselineMin() != null && st.baselineMin() >= 0) {
            sql.execute("INSERT INTO outlier_flags SELECT request_id, 'negative', -c_prediction, NULL, " + cols
                    + " FROM pairs WHERE c_prediction < 0 AND isfinite(c_prediction)");
        }
        if (s.enabled("degenerate")) {
            sql.execute("INSERT INTO outlier_flags SELECT request_id, 'nonfinite', 1, NULL, " + cols
                    + " FROM pairs WHERE c_prediction IS NOT NULL AND NOT isfinite(c_prediction)");
        }
        String labelMatch = "isfinite(label) AND abs(c_prediction - label) <= 1e-9 * greatest(1, abs(label)) "
                + "AND NOT coalesce(abs(b_prediction - label) < ?, false)";
        if (s.enabled("label_match") && st.labelled() > 0) {
            sql.execute("INSERT INTO outlier_flags SELECT request_id, 'label_match', abs(b_prediction - label), NULL, " + cols
                    + " FROM pairs WHERE " + labelMatch, st.labelHalfUnit());
        }
        if (s.enabled("leak") && st.labelled() > 0 && st.baselineErrMedian() != null) {
            // Exact label matches are already explained by label_match; listing them twice only adds noise.
            String notMatched = s.enabled("label_match") ? " AND NOT (" + labelMatch + ")" : "";
            List<Object> params = new ArrayList<>(List.of(s.value("leak.ratio"), st.baselineErrMedian()));
            if (!notMatched.isEmpty()) params.add(st.labelHalfUnit());
            sql.execute("INSERT INTO outlier_flags SELECT request_id, 'leak', "
                    + "abs(b_prediction - label) / greatest(abs(c_prediction - label), 1e-12), NULL, " + cols
                    + " FROM pairs WHERE isfinite(label) AND isfinite(c_prediction) AND isfinite(b_prediction)"
                    + " AND abs(c_prediction - label) < ? * abs(b_prediction - label)"
                    + " AND abs(b_prediction - label) >= ?" + notMatched, params.toArray());
        }
        if (s.enabled("latency") && st.candidateLatencyMedian() != null && st.candidateLatencyMedian() > 0) {
            sql.execute("INSERT INTO outlier_flags SELECT request_id, 'latency_fast', ? / greatest(c_latency, 1e-9), NULL, "
                    + cols + " FROM pairs WHERE c_latency < ?",
                    st.candidateLatencyMedian(), s.value("latency.fast_ratio") * st.candidateLatencyMedian());
        }
    }

    /**
     * The request ids among {@code ids} that the last {@link #detect} on this connection flagged (any rule), so
     * the sample table can highlight them. Empty when detect has not run on this connection.
     */
    public static Set<String> flaggedAmong(Connection c, Collection<String> ids) throws SQLException {
        Set<String> out = new HashSet<>();
        if (ids.isEmpty()) return out;
        Sql sql = new Sql(c, ProgressSink.NONE);
        boolean exists = sql.one("SELECT count(*) FROM duckdb_tables() WHERE temporary AND table_name = 'outlier_flags'",
                rs -> rs.getLong(1)) > 0;
        if (!exists) return out;
        List<String> list = List.copyOf(new java.util.LinkedHashSet<>(ids));
        for (int from = 0; from < list.size(); from += 500) {
            List<String> chunk = list.subList(from, Math.min(list.size(), from + 500));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            out.addAll(sql.query("SELECT DISTINCT request_id FROM outlier_flags WHERE request_id IN (" + marks + ")",
                    rs -> rs.getString(1), chunk.toArray()));
        }
        return out;
    }

    /** One request's latencies, for the "worst N" lists. */
    public record LatencyRow(String requestId, Double baselineMs, Double candidateMs) {}

    /** The {@code n} slowest ({@code slowest=true}) or fastest candidate answers among the pairs. */
    public static List<LatencyRow> worstLatency(Connection c, boolean slowest, int n) throws SQLException {
        return new Sql(c, ProgressSink.NONE).query("SELECT request_id, b_latency, c_latency FROM pairs WHERE c_latency IS NOT NULL "
                + "ORDER BY c_latency " + (slowest ? "DESC" : "ASC") + ", request_id LIMIT ?",
                rs -> new LatencyRow(rs.getString(1), Sql.dbl(rs, 2), Sql.dbl(rs, 3)), Math.max(0, n));
    }
}
