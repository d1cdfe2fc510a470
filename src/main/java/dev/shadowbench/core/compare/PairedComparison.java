package dev.shadowbench.core.compare;

/**
 * A comparison paired, as {@link PairIndex#open} returns it: the comparison, its coverage, and where its stored
 * tables are. The figures ({@link SummaryService}), the outlier rules and the sample take this handle and read the
 * tables it names, so nothing depends on state left on a connection.
 *
 * <p>{@code prefix} begins every table name (e.g. {@code pair_index.e12_}; the entry id comes from a sequence, so
 * the names are safe identifiers). {@link #pairs()} has columns request_id, ts, day, segment, b_prediction,
 * c_prediction, b_class, c_class, b_ranking, c_ranking, b_latency, c_latency, b_feedback, c_feedback, label,
 * label_class; {@link #sideDays()} sums each side's records per day (side 'b' or 'c', day, ids, rows, and how many
 * ids have a prediction, class, ranking, latency, feedback).
 *
 * <p>{@code extract}: the tables were built from an imported Spark extract ({@link ExtractPairing}), not from the
 * workspace's records: {@link #pairs()} then holds only the extract's sample and flagged pairs, {@link #arms()} no
 * rows, and the figures that need every pair or record read the extract's counts ({@link #extractTable}) instead.
 */
public record PairedComparison(Comparison comparison, Pairing.Coverage coverage, String prefix, boolean extract) {

    /** A pairing of the workspace's own records. */
    public PairedComparison(Comparison comparison, Pairing.Coverage coverage, String prefix) {
        this(comparison, coverage, prefix, false);
    }

    /** What figures that need every pair say when the pairing came from an extract. */
    public static final String NOT_IN_EXTRACT =
            "not in the extract: it holds counts, the seeded sample and the flagged pairs, not every pair";

    /** A table of an extract's counts for this window (see {@link ExtractPairing}); only when {@link #extract}. */
    public String extractTable(String name) {
        return prefix + "x_" + name;
    }

    /** One row per paired request id. */
    public String pairs() {
        return prefix + "pairs";
    }

    /**
     * Each arm's deduplicated records (side 'b' or 'c', request_id, day, prediction, predicted_class, ranking,
     * latency_ms), paired or not: the unpaired comparison of a canary ({@link ArmFigures}) reads them.
     */
    public String arms() {
        return prefix + "arms";
    }

    /** Each side's records counted per day. */
    public String sideDays() {
        return prefix + "side_days";
    }

    /** Distinct predictions per side with counts and running counts. */
    public String predictionCdf() {
        return prefix + "prediction_cdf";
    }

    /** Distinct latencies per side with counts and running counts. */
    public String latencyCdf() {
        return prefix + "latency_cdf";
    }

    /** Distinct absolute and relative differences with counts and running counts. */
    public String divergenceCdf() {
        return prefix + "divergence_cdf";
    }

    /** Distinct signed differences (na/ca) and signed relative differences (nb/cb) with counts and running counts. */
    public String signedCdf() {
        return prefix + "signed_cdf";
    }

    /** Differences and latencies per segment and per day, with running counts. */
    public String breakdownCdf() {
        return prefix + "breakdown_cdf";
    }

    /** Pairs per segment and per day, with the class disagreement counts. */
    public String groupCounts() {
        return prefix + "group_counts";
    }
}
