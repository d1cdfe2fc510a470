package dev.shadowbench.ui.dashboard;

import dev.shadowbench.core.compare.Comparison;
import dev.shadowbench.core.compare.Summary;
import dev.shadowbench.core.compare.SummaryOptions;
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
    private final DoubleProperty latencyBudgetMs = new SimpleDoubleProperty(SummaryOptions.DEFAULT.latencyBudgetMs());
    private final ReadOnlyObjectWrapper<Figures> state = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final TaskRunner.Slot computing = new TaskRunner.Slot();

    public DashboardViewModel(MainViewModel main) {
        this.main = main;
        main.home()
                .setting("latency.budget.ms")
                .map(Double::valueOf)
                .filter(v -> v > 0)
                .ifPresent(latencyBudgetMs::set);
        main.revisionProperty().addListener((o, a, b) -> reload());
    }

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

    public void setLatencyBudget(double ms) {
        if (!(ms > 0) || ms == latencyBudgetMs.get()) return;
        latencyBudgetMs.set(ms);
        main.home().saveSetting("latency.budget.ms", String.valueOf(ms));
        reload();
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
        SummaryOptions opts = SummaryOptions.DEFAULT.withLatencyBudget(latencyBudgetMs.get());
        message.set("Computing…");
        main.tasks()
                .task("Computing the comparison " + cmp.baseline() + " vs " + cmp.candidate(), sink -> {
                    ReviewSummary s = ws.read(c -> ReviewSummary.compute(c, cmp, opts, sink));
                    return new Figures(s, new ReviewLog(ws).counts(cmp));
                })
                .latestIn(computing)
                .onSuccess(st -> {
                    state.set(st);
                    message.set(
                            st.summary().canary()
                                    ? "A canary: each request reaches one arm, so there are no pairs to compare; the "
                                            + "arms' figures, the ramp and the advice are on the Canary screen (Ctrl+5)."
                                    : st.summary().counts().paired() == 0
                                            ? "No request id appears on both sides in this window: nothing to compare. Check the window and "
                                                    + "that both sides log the same correlation ids."
                                            : "");
                })
                .onFailure(ex -> message.set("Could not compute the comparison: " + ex.getMessage()))
                .start();
    }
}
