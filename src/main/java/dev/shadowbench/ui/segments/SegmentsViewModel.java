package dev.shadowbench.ui.segments;

import dev.shadowbench.core.compare.Comparison;
import dev.shadowbench.core.compare.Summary;
import dev.shadowbench.core.workspace.Workspace;
import dev.shadowbench.ui.common.MainViewModel;
import dev.shadowbench.ui.common.TaskRunner;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Segments screen's state: the summary's per-segment figures, worst first, and its per-day figures in date
 * order; a day can narrow the window to itself. Shows the figures {@code summary --json} has ({@code breakdowns});
 * computes none of its own.
 */
public final class SegmentsViewModel {
    /**
     * Worst first: the largest divergence p95 (the disagreement rate where a classification has no divergence), then
     * the slower candidate p99; segments with no figure last, then by name.
     */
    public static final Comparator<Summary.Group> WORST_FIRST = Comparator.comparing(
                    (Summary.Group g) -> g.p95Abs() != null ? g.p95Abs() : g.disagreementRate(),
                    Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Summary.Group::candidateLatencyP99, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Summary.Group::key, Comparator.nullsLast(Comparator.naturalOrder()));

    private final MainViewModel main;
    private final ObservableList<Summary.Group> segments = FXCollections.observableArrayList();
    private final ObservableList<Summary.Group> days = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Comparison> wholeWindow = new ReadOnlyObjectWrapper<>();
    private final TaskRunner.Slot loading = new TaskRunner.Slot();

    public SegmentsViewModel(MainViewModel main) {
        this.main = main;
        main.onRevision("Segments", this::reload);
    }

    /** Segments, worst first. */
    public ObservableList<Summary.Group> segments() {
        return segments;
    }

    /** Days of the window, in date order. */
    public ObservableList<Summary.Group> days() {
        return days;
    }

    /** What is being computed, why nothing is shown, or blank while figures are shown. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The comparison before {@link #narrowToDay} narrowed it (null when not narrowed from here). */
    public ReadOnlyObjectProperty<Comparison> wholeWindowProperty() {
        return wholeWindow.getReadOnlyProperty();
    }

    /** Shows {@code s}'s breakdowns: segments worst first, days in date order. */
    void show(Summary s) {
        Summary.Breakdowns b = s.breakdowns();
        segments.setAll(b == null ? List.of() : worstFirst(b.bySegment()));
        days.setAll(b == null ? List.of() : b.byDay());
        message.set(
                s.counts().paired() == 0
                        ? "No request id appears on both sides in this window: no segment or day to compare."
                        : segments.isEmpty() ? "These logs record no segment; the days are below." : "");
    }

    static List<Summary.Group> worstFirst(List<Summary.Group> groups) {
        return groups.stream().sorted(WORST_FIRST).toList();
    }

    /** Narrows the review (every screen) to one day of the window; {@link #restoreWindow} goes back. */
    public void narrowToDay(Summary.Group day) {
        Comparison cmp = main.comparison();
        if (cmp == null || day == null || day.key() == null) return;
        LocalDate d = LocalDate.parse(day.key());
        if (wholeWindow.get() == null) wholeWindow.set(cmp);
        main.comparisonProperty().set(cmp.withWindow(d, d));
    }

    /** Back to the window the comparison had before a day was chosen here. */
    public void restoreWindow() {
        Comparison before = wholeWindow.get();
        wholeWindow.set(null);
        if (before != null) main.comparisonProperty().set(before);
    }

    public void reload() {
        Workspace ws = main.workspace();
        Comparison cmp = main.comparison();
        if (ws == null || cmp == null) {
            segments.clear();
            days.clear();
            message.set(ws == null ? "No workspace open." : "Choose a baseline and a candidate to compare.");
            return;
        }
        // never the previous comparison's rows under the new one's name
        segments.clear();
        days.clear();
        message.set("Computing the figures per segment and day…");
        main.tasks()
                .task(
                        "Figures per segment and day",
                        sink -> ws.read(c -> main.reviews().get(c, cmp, sink).summary()))
                .latestIn(loading)
                .onSuccess(this::show)
                .onFailure(ex -> message.set("Could not compute the figures per segment and day: " + ex.getMessage()))
                .start();
    }
}
