package dev.shadowbench.core.decide;

import java.util.List;

/**
 * The gates' outcome: a recommendation, the score it came from (null when no gate had data), the gates. Written as
 * the summary contract's {@code verdict} object (plus score, and status, critical and detail per gate).
 */
public record Verdict(Recommendation recommendation, Double score, List<GateResult> gates) {

    public long count(GateStatus s) {
        return gates.stream().filter(g -> g.status() == s).count();
    }
}
