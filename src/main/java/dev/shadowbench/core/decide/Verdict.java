package dev.shadowbench.core.decide;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The gates' outcome: a recommendation, the score it came from (null when no gate had data), the gates. Written as
 * the summary contract's {@code verdict} object (plus score, and status, critical and detail per gate). For a canary
 * {@code advice} names the step ({@link CanaryAdvice}); it is left out of the JSON otherwise.
 */
public record Verdict(
        Recommendation recommendation,
        Double score,
        List<GateResult> gates,
        @JsonInclude(JsonInclude.Include.NON_NULL) CanaryAdvice advice) {

    public Verdict(Recommendation recommendation, Double score, List<GateResult> gates) {
        this(recommendation, score, gates, null);
    }

    public long count(GateStatus s) {
        return gates.stream().filter(g -> g.status() == s).count();
    }
}
