package dev.shadowbench.core.review;

import java.time.LocalDateTime;

/** One sampled pair as the reviewer sees it, with the verdict recorded so far (null if none). */
public record SamplePair(
        String requestId,
        LocalDateTime ts,
        String segment,
        Double baseline,
        Double candidate,
        String baselineClass,
        String candidateClass,
        Double difference,
        Double baselineLatencyMs,
        Double candidateLatencyMs,
        Double label,
        boolean extreme,
        String verdict,
        String note) {

    public SamplePair withVerdict(String v, String n) {
        return new SamplePair(
                requestId,
                ts,
                segment,
                baseline,
                candidate,
                baselineClass,
                candidateClass,
                difference,
                baselineLatencyMs,
                candidateLatencyMs,
                label,
                extreme,
                v,
                n);
    }
}
