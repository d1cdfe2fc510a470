package dev.shadowbench.core.chart;

import java.util.List;
import java.util.Locale;

/**
 * The pairs behind a bin or cell of a chart: each range bounds one per-pair value, all must hold, and a request id
 * (null: any) picks one pair. A null bound is open (the overflow bins and the outermost cells); {@code closedHigh}
 * includes the high bound (the last bin, as the histogram counts it), or, with no high bound, the low one.
 * {@link #label} says it in words; {@link #where} is the SQL over a pairs table (its columns, see
 * {@code PairedComparison}).
 */
public record PairFilter(List<Range> ranges, String requestId, String label) {

    /** A per-pair value a chart bins. */
    public enum Measure {
        DIFFERENCE("c_prediction - b_prediction", "candidate - baseline"),
        RELATIVE(
                "CASE WHEN b_prediction <> 0 THEN (c_prediction - b_prediction) / abs(b_prediction) END",
                "(candidate - baseline) / |baseline|"),
        BASELINE_PREDICTION("b_prediction", "baseline"),
        CANDIDATE_PREDICTION("c_prediction", "candidate"),
        BASELINE_LATENCY("b_latency", "baseline latency (ms)"),
        CANDIDATE_LATENCY("c_latency", "candidate latency (ms)");

        final String sql;
        final String words;

        Measure(String sql, String words) {
            this.sql = sql;
            this.words = words;
        }

        /** SQL of the value over a pairs table's columns (null where a side has no value). */
        public String sql() {
            return sql;
        }
    }

    /** {@code low <= value < high} ({@code <= high} when closedHigh); a null bound is open. */
    public record Range(Measure measure, Double low, Double high, boolean closedHigh) {}

    public PairFilter {
        ranges = List.copyOf(ranges);
    }

    /** SQL keeping the pairs in every range, values added to {@code params}; columns of the pairs table. */
    public String where(List<Object> params) {
        StringBuilder sb = new StringBuilder("TRUE");
        if (requestId != null) {
            sb.append(" AND request_id = ?");
            params.add(requestId);
        }
        for (Range r : ranges) {
            String v = "(" + r.measure().sql + ")";
            sb.append(" AND ").append(v).append(" IS NOT NULL");
            if (r.low() != null) {
                sb.append(" AND ").append(v).append(r.high() == null && !r.closedHigh() ? " > ?" : " >= ?");
                params.add(r.low());
            }
            if (r.high() != null) {
                sb.append(" AND ").append(v).append(r.closedHigh() ? " <= ?" : " < ?");
                params.add(r.high());
            }
        }
        return sb.toString();
    }

    /** A bin of a histogram of {@code m}: [lo, hi), or [lo, hi] when it is the last. */
    public static PairFilter bin(Measure m, double lo, double hi, boolean last) {
        return new PairFilter(
                List.of(new Range(m, lo, hi, last)),
                null,
                String.format(
                        Locale.ROOT, "%s in [%s, %s%s", m.words, Ticks.format(lo), Ticks.format(hi), last ? "]" : ")"));
    }

    /** One pair, by its request id (a flagged point of the density chart). */
    public static PairFilter pair(String requestId) {
        return new PairFilter(List.of(), requestId, "request " + requestId);
    }

    /** The pairs below {@code lo} ({@code below} true) or above {@code hi}. */
    public static PairFilter overflow(Measure m, double bound, boolean below) {
        return new PairFilter(
                List.of(below ? new Range(m, null, bound, false) : new Range(m, bound, null, false)),
                null,
                m.words + (below ? " below " : " above ") + Ticks.format(bound));
    }
}
