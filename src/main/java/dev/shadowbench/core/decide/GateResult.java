package dev.shadowbench.core.decide;

/**
 * One gate evaluated on a summary: its measured value (null when not recorded), the threshold in words,
 * whether a failure blocks the whole verdict, and a sentence a reviewer can read.
 */
@com.fasterxml.jackson.annotation.JsonPropertyOrder(
        {"name", "label", "value", "unit", "threshold", "passed", "status", "critical", "detail"})
public record GateResult(String name, String label, GateStatus status, Double value, String unit,
                         String threshold, boolean critical, String detail) {

    /** True/false for pass/fail, null for no data (the contract's {@code passed}). */
    @com.fasterxml.jackson.annotation.JsonProperty("passed")
    public Boolean passed() {
        return status == GateStatus.NO_DATA ? null : status == GateStatus.PASS;
    }
}
