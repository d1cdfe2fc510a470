package dev.shadowbench.core.decide;

/** Outcome of one gate: passed, failed, or not measurable because the logs lack the figure. */
public enum GateStatus {
    PASS,
    FAIL,
    NO_DATA;

    @com.fasterxml.jackson.annotation.JsonValue
    public String label() {
        return switch (this) {
            case PASS -> "pass";
            case FAIL -> "fail";
            case NO_DATA -> "no data";
        };
    }
}
