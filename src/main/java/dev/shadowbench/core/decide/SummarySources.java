package dev.shadowbench.core.decide;

/** Where the CLI and the UI get their {@link SummarySource}: the one line to change when the engine is merged. */
public final class SummarySources {
    private SummarySources() {}

    /** The full review: comparison figures, outlier flags and the verdict, with the workspace's settings and budget. */
    public static SummarySource standard() {
        return ReviewSummary.workspaceSource();
    }
}
