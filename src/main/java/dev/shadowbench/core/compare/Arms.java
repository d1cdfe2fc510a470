package dev.shadowbench.core.compare;

import dev.shadowbench.core.compare.Summary.KsTest;
import dev.shadowbench.core.compare.Summary.LabelFigures;
import dev.shadowbench.core.compare.Summary.MannWhitney;
import dev.shadowbench.core.stats.ChiSquare;
import java.time.LocalDate;
import java.util.List;

/**
 * The two arms compared as populations, unpaired: what a canary needs, where each request is served by one arm. Per
 * day: requests per arm, the prediction distribution (KS, PSI; chi-square on predicted classes) and latency per arm
 * (p50/p95/p99, Mann-Whitney); over the window: each predicted class's share, the top-k items' shares (rankings) and
 * each arm's error against its own labelled requests. The window's KS, PSI, latency and Mann-Whitney are the
 * summary's ({@code tests}, {@code latency_ms}), which are unpaired already. Computed by {@link ArmFigures}.
 *
 * @param canaryBy    why the comparison is read as a canary (null: it is not one, see {@link ArmFigures#canaryBy})
 * @param routingLeak request ids both arms served: in a canary each request should reach one arm only
 */
public record Arms(
        String canaryBy,
        long routingLeak,
        List<ArmDay> byDay,
        ClassShift classes,
        ItemShift topItems,
        ArmLabels labels) {

    /** True when the comparison is read as a canary. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean canary() {
        return canaryBy != null;
    }

    /** One arm's latency percentiles (numpy 'linear', as {@code latency_ms}); null when the arm logged none. */
    public record ArmLatency(long n, double p50, double p95, double p99) {}

    /** Both arms on one day; a figure is null when an arm has no value for it that day. */
    public record ArmDay(
            LocalDate day,
            long baselineRequests,
            long candidateRequests,
            KsTest predictionKs,
            Double predictionPsi,
            ChiSquare.Result classChiSquare,
            ArmLatency baselineLatency,
            ArmLatency candidateLatency,
            MannWhitney latencyMannWhitney) {}

    /**
     * One predicted class: its count and share in each arm, and the two-proportion test of the shares (Fisher's exact
     * test for small counts, else the pooled z-test, as the complaint rates).
     */
    public record ClassShare(
            String predictedClass,
            long baselineCount,
            long candidateCount,
            double baselineShare,
            double candidateShare,
            double pValue,
            String method) {}

    /** Predicted classes over the window: the chi-square test of the arms x classes table, and each class's share. */
    public record ClassShift(long baselineN, long candidateN, ChiSquare.Result chiSquare, List<ClassShare> classes) {}

    /** One item's share of requests whose top-k ranking holds it, per arm. */
    public record ItemShare(String item, double baselineShare, double candidateShare) {}

    /** Rankings over the window: the most frequent top-k items (both arms pooled) and the largest share difference. */
    public record ItemShift(
            int topK, long baselineN, long candidateN, List<ItemShare> items, double maxShareDifference) {}

    /** Each arm's error against the labels of its own requests (not the same requests in a canary). */
    public record ArmLabels(
            long baselineLabelled,
            long candidateLabelled,
            String positiveClass,
            LabelFigures baseline,
            LabelFigures candidate) {}
}
