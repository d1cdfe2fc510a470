package dev.shadowbench.ui.dashboard;

import dev.shadowbench.core.compare.Comparison;
import dev.shadowbench.core.compare.LatencyBudget;
import dev.shadowbench.core.compare.Summary;
import dev.shadowbench.core.decide.ReviewSummary;
import dev.shadowbench.core.review.PairVerdict;
import dev.shadowbench.core.review.ReviewLog;
import dev.shadowbench.core.workspace.Workspace;
import dev.shadowbench.ui.common.MainViewModel;
import dev.shadowbench.ui.common.TaskRunner;
import java.util.Map;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;

/** The dashboard's state: the summary of the global comparison and the sample's verdict counts. */
public final class DashboardViewModel {
    /** What the dashboard shows: every figure comes from core. */
    public record Figures(ReviewSummary review, Map<PairVerdict, Long> verdicts) {
        public Summary summary() {
            return review.summary();
        }
    }

    private final MainViewModel main;
    private final DoubleProperty latencyBudgetMs = new SimpleDoubleProperty(LatencyBudget.DEFAULT_MS);
    private final ReadOnlyObjectWrapper<Figures> state = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final TaskRunner.Slot computing = new TaskRunner.Slot();

    public DashboardViewModel(MainViewModel main) {
        this.main = main;
        main.revisionProperty().addListener((o, a, b) -> reload());
    }

    /** The workspace's latency budget, as the last figures used it; {@link #setLatencyBudget} changes it. */
    public DoubleProperty latencyBudgetMsProperty() {
        return latencyBudgetMs;
    }

    public ReadOnlyObjectProperty<Figures> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Empty-state or error text; blank while figures are shown. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /**
     * Sets the workspace's one latency budget (stored in the workspace, so the gates, the Outliers screen, reports and
     * {@code summary} use it too) and reloads every screen.
     */
    public void setLatencyBudget(double ms) {
        Workspace ws = main.workspace();
        if (!(ms > 0) || ms == latencyBudgetMs.get() || ws == null) return;
        latencyBudgetMs.set(ms);
        main.tasks()
                .task(
                        "Saving the latency budget",
                        p -> ws.read(c -> {
                            LatencyBudget.save(c, ms);
                            return ms;
                        }))
                .onSuccess(saved -> main.refresh())
                .onFailure(ex -> message.set("Could not save the latency budget: " + ex.getMessage()))
                .start();
    }

    /** Recomputes the summary off the FX thread, cancelling a computation in flight. */
    public void reload() {
        Workspace ws = main.workspace();
        Comparison cmp = main.comparison();
        computing.cancel();
        if (ws == null || cmp == null) {
            state.set(null);
            message.set(
                    ws == null
                            ? "No workspace open."
                            : "Drop prediction logs here or use Import… — the dashboard needs a baseline and a candidate "
                                    + "(e.g. live and shadow logs with the same request ids).");
            return;
        }
        message.set("Computing…");
        main.tasks()
                .task("Computing the comparison " + cmp.baseline() + " vs " + cmp.candidate(), sink -> {
                    ReviewSummary s = ws.read(c -> ReviewSummary.compute(c, cmp, sink));
                    return new Figures(s, new ReviewLog(ws).counts(cmp));
                })
                .latestIn(computing)
                .onSuccess(st -> {
                    latencyBudgetMs.set(st.summary().latencyMs().budgetMs());
                    state.set(st);
                    message.set(
                            st.summary().counts().paired() == 0
                                    ? "No request id appears on both sides in this window: nothing to compare. Check the window and "
                                            + "that both sides log the same correlation ids."
                                    : "");
                })
                .onFailure(ex -> message.set("Could not compute the comparison: " + ex.getMessage()))
                .start();
    }
}
