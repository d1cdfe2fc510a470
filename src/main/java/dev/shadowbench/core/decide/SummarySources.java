package dev.shadowbench.core.decide;

/** Where the CLI and the UI get their {@link SummarySource}: the one line to change when the engine is merged. */
public final class SummarySources {
    private SummarySources() {}

    /** STAND-IN: counts only, until the comparison engine ({@code summary --json}) is plugged in here. */
    public static SummarySource standard() {
        return new CountsOnlySummary();
    }
}
