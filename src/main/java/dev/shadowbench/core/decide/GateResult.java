package dev.shadowbench.core.decide;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.shadowbench.core.format.FigureFormat;

/**
 * One gate evaluated on a summary: its measured value (null when not recorded), the threshold in words,
 * whether a failure blocks the whole verdict, and a sentence a reviewer can read. {@code limit} is the single
 * number the value is compared with (null when the gate weighs several figures); it only sets the digits the
 * value is shown with, and is not part of the summary contract.
 */
@JsonPropertyOrder({"name", "label", "value", "unit", "threshold", "passed", "status", "critical", "detail"})
public record GateResult(
        String name,
        String label,
        GateStatus status,
        Double value,
        String unit,
        String threshold,
        boolean critical,
        String detail,
        @JsonIgnore Double limit) {

    /** A gate whose value has no single limit to be shown beside. */
    public GateResult(
            String name,
            String label,
            GateStatus status,
            Double value,
            String unit,
            String threshold,
            boolean critical,
            String detail) {
        this(name, label, status, value, unit, threshold, critical, detail, null);
    }

    /** True/false for pass/fail, null for no data (the contract's {@code passed}). */
    @JsonProperty("passed")
    public Boolean passed() {
        return status == GateStatus.NO_DATA ? null : status == GateStatus.PASS;
    }

    /** The value in its unit, with the digits that show which side of the limit it is on; "no data" when missing. */
    public String shownValue() {
        return FigureFormat.inUnit(value, unit, limit, "no data");
    }
}
