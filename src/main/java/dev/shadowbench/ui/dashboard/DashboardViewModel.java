package dev.shadowbench.ui.dashboard;

import dev.shadowbench.core.chart.ChartSet;
import dev.shadowbench.core.chart.PairFilter;
import dev.shadowbench.core.compare.Comparison;
import dev.shadowbench.core.compare.LatencyBudget;
import dev.shadowbench.core.compare.Summary;
import dev.shadowbench.core.decide.ReviewCharts;
import dev.shadowbench.core.decide.ReviewSummary;
import dev.shadowbench.core.decide.Verdict;
import dev.shadowbench.core.review.PairVerdict;
import dev.shadowbench.core.review.ReviewLog;
import dev.shadowbench.core.workspace.Workspace;
import dev.shadowbench.ui.common.MainViewModel;
import dev.shadowbench.ui.common.TaskRunner;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.concurrent.Task;

/** The dashboard's state: the summary of the global comparison and the sample's verdict counts. */
public final class DashboardViewModel {
    /** What the dashboard shows: every figure comes from core. */
    public record Figures(ReviewSummary review, ChartSet charts, Map<PairVerdict, Long> verdicts) {
        public Summary summary() {
            return review.summary();
        }
    }

    private final MainViewModel main;
    private final DoubleProperty latencyBudgetMs = new SimpleDoubleProperty(LatencyBudget.DEFAULT_MS);
    private final ReadOnlyObjectWrapper<Figures> state = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper window = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Task<?>> computation = new ReadOnlyObjectWrapper<>();
    private final TaskRunner.Slot computing = new TaskRunner.Slot();
    /** The comparison the figures on screen belong to (a verdict change is only news within one comparison). */
    private Comparison shownFor;

    public DashboardViewModel(MainViewModel main) {
        this.main = main;
        main.onRevision("Dashboard", this::reload);
    }

    /** The workspace's latency budget, as the last figures used it; {@link #setLatencyBudget} changes it. */
    public DoubleProperty latencyBudgetMsProperty() {
        return latencyBudgetMs;
    }

    public ReadOnlyObjectProperty<Figures> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /**
     * True from a reload until its figures arrive: what {@link #stateProperty} holds then belongs to the previous
     * comparison, window or budget, and the screen greys it out.
     */
    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    /** The comparison and window being shown or computed, in words (follows a change at once, before any figure). */
    public ReadOnlyStringProperty windowProperty() {
        return window.getReadOnlyProperty();
    }

    /** The computation in flight (its progress and message), null when none. */
    public ReadOnlyObjectProperty<Task<?>> computationProperty() {
        return computation.getReadOnlyProperty();
    }

    /** The window's state (for the chart export's dialogs and tasks). */
    public MainViewModel main() {
        return main;
    }

    /** Opens the Sample screen drawn within a chart's bin (or one flagged pair). */
    public void openSample(PairFilter within) {
        main.openSample(within);
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
        stale.set(true); // the figures on screen are the old budget's from this moment
        main.tasks()
                .task(
                        "Saving the latency budget",
                        p -> ws.read(c -> {
                            LatencyBudget.save(c, ms);
                            return ms;
                        }))
                .onSuccess(saved -> main.refresh())
                .onFailure(ex -> {
                    stale.set(false);
                    message.set("Could not save the latency budget: " + ex.getMessage());
                })
                .start();
    }

    /** "baseline vs candidate · window" of a comparison, before any figure of it exists. */
    static String describe(Comparison cmp) {
        return cmp.baseline() + "  vs  " + cmp.candidate()
                + (cmp.from() == null && cmp.to() == null
                        ? " · all days"
                        : " · " + (cmp.from() == null ? "first day" : cmp.from()) + " .. "
                                + (cmp.to() == null ? "last day" : cmp.to()));
    }

    /**
     * "HOLD → PROMOTE. All 7 gates passed" when the recommendation of the same comparison changed (new logs, a new
     * budget), else null; {@code before} is null when there is nothing to compare with (first figures, another
     * comparison).
     */
    static String verdictChange(Verdict before, Verdict after) {
        if (before == null || before.recommendation() == after.recommendation()) return null;
        return before.recommendation().id().toUpperCase(Locale.ROOT) + " → "
                + after.recommendation().id().toUpperCase(Locale.ROOT) + ". " + VerdictBanner.gatesLine(after);
    }

    /** Recomputes the summary off the FX thread, cancelling a computation in flight. */
    public void reload() {
        Workspace ws = main.workspace();
        Comparison cmp = main.comparison();
        computing.cancel();
        window.set(cmp == null ? "" : describe(cmp));
        if (ws == null || cmp == null) {
            state.set(null);
            stale.set(false);
            message.set(
                    ws == null
                            ? "No workspace open."
                            : "Drop prediction logs here or use Import… — the dashboard needs a baseline and a candidate "
                                    + "(e.g. live and shadow logs with the same request ids).");
            return;
        }
        message.set("");
        stale.set(true);
        Task<Figures> task = main.tasks()
                .task("Computing the comparison " + cmp.baseline() + " vs " + cmp.candidate(), sink -> {
                    return ws.read(c -> {
                        ReviewSummary s = main.reviews().get(c, cmp, sink);
                        sink.progress(-1, -1, "Laying out the charts' bins");
                        ChartSet charts = ReviewCharts.compute(c, cmp, s, sink);
                        return new Figures(s, charts, new ReviewLog(ws).counts(cmp));
                    });
                })
                .latestIn(computing)
                .onSuccess(st -> {
                    latencyBudgetMs.set(st.summary().latencyMs().budgetMs());
                    Figures before = state.get();
                    String change = verdictChange(
                            cmp.equals(shownFor) && before != null
                                    ? before.review().verdict()
                                    : null,
                            st.review().verdict());
                    shownFor = cmp;
                    state.set(st);
                    if (change != null) main.dialogs().announce("Verdict changed", describe(cmp) + ": " + change);
                    stale.set(false);
                    message.set(
                            st.summary().canary()
                                    ? "A canary: each request reaches one arm, so there are no pairs to compare; the "
                                            + "arms' figures, the ramp and the advice are on the Canary screen (Ctrl+5)."
                                    : st.summary().counts().paired() == 0
                                            ? "No request id appears on both sides in this window: nothing to compare. Check the window and "
                                                    + "that both sides log the same correlation ids."
                                            : "");
                })
                .onFailure(ex -> {
                    state.set(null); // the previous figures are not this comparison's
                    stale.set(false);
                    message.set("Could not compute the comparison: " + ex.getMessage());
                })
                .andFinally(() -> {
                    Task<?> t = computation.get();
                    if (t != null && t.isDone()) computation.set(null); // not a newer one still running
                })
                .start();
        computation.set(task);
    }
}
