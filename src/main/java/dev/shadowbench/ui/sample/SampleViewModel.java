package dev.shadowbench.ui.sample;

import dev.shadowbench.core.chart.PairFilter;
import dev.shadowbench.core.compare.Comparison;
import dev.shadowbench.core.review.FlaggedSample;
import dev.shadowbench.core.review.PairDetail;
import dev.shadowbench.core.review.PairVerdict;
import dev.shadowbench.core.review.RandomSample;
import dev.shadowbench.core.review.ReviewLog;
import dev.shadowbench.core.review.SamplePair;
import dev.shadowbench.core.workspace.Workspace;
import dev.shadowbench.ui.common.MainViewModel;
import dev.shadowbench.ui.common.TaskRunner;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.transformation.FilteredList;

/** The Sample screen's state: the seeded sample of the global comparison, filters, the selected pair, verdicts. */
public final class SampleViewModel {
    /** How many most extreme pairs the stratified option adds. */
    public static final int EXTREMES = 10;

    private final MainViewModel main;
    private final IntegerProperty size = new SimpleIntegerProperty(100);
    private final LongProperty seed = new SimpleLongProperty(1);
    private final BooleanProperty stratified = new SimpleBooleanProperty(false);
    private final StringProperty filter = new SimpleStringProperty("");
    private final ObservableList<SamplePair> pairs = FXCollections.observableArrayList();
    private final FilteredList<SamplePair> visible = new FilteredList<>(pairs);
    private final ObjectProperty<SamplePair> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<PairDetail> detail = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ObservableSet<String> flagged = FXCollections.observableSet();
    private final javafx.beans.property.DoubleProperty divider = new javafx.beans.property.SimpleDoubleProperty(0.62);
    /** The draw fills the pairs, flags and status; the detail load fills the detail pane. Latest request wins in each. */
    private final TaskRunner.Slot drawing = new TaskRunner.Slot();

    private final TaskRunner.Slot loadingDetail = new TaskRunner.Slot();

    public SampleViewModel(MainViewModel main) {
        this.main = main;
        main.home().setting("sample.size").map(Integer::valueOf).ifPresent(size::set);
        main.home().setting("sample.seed").map(Long::valueOf).ifPresent(seed::set);
        main.home().setting("sample.stratified").map(Boolean::valueOf).ifPresent(stratified::set);
        main.home()
                .setting("sample.divider")
                .map(Double::valueOf)
                .filter(d -> d > 0.1 && d < 0.95)
                .ifPresent(divider::set);
        main.onRevision("Sample", this::draw);
        main.sampleWithinProperty().addListener((o, a, b) -> draw());
        filter.addListener((o, a, f) -> applyFilter(f));
        selected.addListener((o, a, p) -> loadDetail(p));
    }

    public IntegerProperty sizeProperty() {
        return size;
    }

    public LongProperty seedProperty() {
        return seed;
    }

    public BooleanProperty stratifiedProperty() {
        return stratified;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ObservableList<SamplePair> visiblePairs() {
        return visible;
    }

    public ObservableList<SamplePair> pairs() {
        return pairs;
    }
    /** Where the table/detail divider sits (remembered). */
    public javafx.beans.property.DoubleProperty dividerProperty() {
        return divider;
    }

    /** Remembers the divider once the user lets go of it. */
    public void rememberDivider() {
        main.home().saveSetting("sample.divider", String.format(java.util.Locale.ROOT, "%.3f", divider.get()));
    }
    /** Request ids in the sample that an outlier rule flags (see the Outliers screen for why). */
    public ObservableSet<String> flagged() {
        return flagged;
    }

    public ObjectProperty<SamplePair> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<PairDetail> detailProperty() {
        return detail.getReadOnlyProperty();
    }
    /** What the table area says when it has no rows, or a one-line status of the sample. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Draws again with a new random seed. */
    public void newSample() {
        seed.set(ThreadLocalRandom.current().nextLong(1, 1_000_000));
        draw();
    }

    /** Draws the sample for the current comparison, size, seed and option, cancelling a draw in flight. */
    public void draw() {
        Workspace ws = main.workspace();
        Comparison cmp = main.comparison();
        drawing.cancel();
        if (ws == null || cmp == null) {
            pairs.clear();
            message.set(
                    ws == null
                            ? "No workspace open."
                            : "This workspace needs two variants (e.g. live and shadow) to pair. "
                                    + "Import the other side's logs with File › Import… (Ctrl+I), or, for a first model, "
                                    + "build a baseline: No baseline? Create one… in the bar above.");
            return;
        }
        RandomSample.Spec spec;
        try {
            spec = new RandomSample.Spec(size.get(), seed.get(), stratified.get() ? EXTREMES : 0);
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return;
        }
        main.home().saveSetting("sample.size", String.valueOf(spec.size()));
        main.home().saveSetting("sample.seed", String.valueOf(spec.seed()));
        main.home().saveSetting("sample.stratified", String.valueOf(stratified.get()));
        message.set("Drawing the sample…");
        main.tasks()
                .task("Drawing the sample", p -> FlaggedSample.draw(ws, cmp, spec, within(), p))
                .latestIn(drawing)
                .onSuccess(this::show)
                .onFailure(ex -> message.set("Could not draw the sample: " + ex.getMessage()))
                .start();
    }

    /** The chart bin (or pair) the sample is drawn within; null: all pairs. */
    public PairFilter within() {
        return main.sampleWithinProperty().get();
    }

    /** The chart bin the sample is drawn within (the Sample screen shows a way back to all pairs). */
    public ObjectProperty<PairFilter> withinProperty() {
        return main.sampleWithinProperty();
    }

    /** Draws among all pairs again (leaves a chart's bin). */
    public void showAllPairs() {
        main.sampleWithinProperty().set(null);
    }

    private void show(FlaggedSample sample) {
        PairFilter in = within();
        SamplePair keep =
                in != null && in.requestId() != null && !sample.pairs().isEmpty()
                        ? sample.pairs().get(0) // a flagged point was clicked: open its detail
                        : selected.get();
        flagged.clear();
        flagged.addAll(sample.flagged());
        pairs.setAll(sample.pairs());
        message.set(
                pairs.isEmpty()
                        ? within() != null
                                ? "No pairs with " + within().label() + " in this comparison and window."
                                : "No paired requests in this comparison and window. Widen the window or check "
                                        + "that both sides log the same request ids."
                        : status());
        if (keep != null)
            pairs.stream()
                    .filter(p -> p.requestId().equals(keep.requestId()))
                    .findFirst()
                    .ifPresent(selected::set);
    }

    private String status() {
        long reviewed = pairs.stream().filter(p -> p.verdict() != null).count();
        PairFilter in = within();
        return String.format(
                Locale.ROOT,
                "%d pairs%s, seed %d%s · %d flagged by outlier rules · %d reviewed",
                pairs.size(),
                in == null ? "" : " with " + in.label(),
                seed.get(),
                stratified.get() ? " + most extreme" : "",
                flagged.size(),
                reviewed);
    }

    private void applyFilter(String f) {
        String needle = f == null ? "" : f.strip().toLowerCase(Locale.ROOT);
        visible.setPredicate(
                needle.isEmpty()
                        ? null
                        : p -> p.requestId().toLowerCase(Locale.ROOT).contains(needle)
                                || (p.segment() != null
                                        && p.segment().toLowerCase(Locale.ROOT).contains(needle))
                                || (p.verdict() != null && p.verdict().contains(needle)));
    }

    /** Records a verdict on a sampled pair; the table row updates once it is saved. */
    public void mark(SamplePair pair, PairVerdict verdict, String note) {
        Workspace ws = main.workspace();
        Comparison cmp = main.comparison();
        if (ws == null || cmp == null || pair == null) return;
        String reviewer = main.reviewer();
        main.tasks()
                .task("Saving verdict for " + pair.requestId(), p -> {
                    new ReviewLog(ws).record(cmp, pair.requestId(), verdict, note, reviewer);
                    return pair.withVerdict(verdict.code(), note == null || note.isBlank() ? null : note.strip());
                })
                .onSuccess(this::marked)
                .onFailure(ex -> main.dialogs().showError("Verdict not saved", ex.getMessage(), ex))
                .start();
    }

    /**
     * Shows a saved verdict on its row. The draw owns the rows: when one is in flight it may have read the verdicts
     * before this save, so it is drawn again instead of patching rows it is about to replace.
     */
    private void marked(SamplePair updated) {
        if (drawing.isBusy()) {
            draw();
            return;
        }
        for (int i = 0; i < pairs.size(); i++) {
            if (!pairs.get(i).requestId().equals(updated.requestId())) continue;
            boolean wasSelected = selected.get() == pairs.get(i);
            pairs.set(i, updated);
            if (wasSelected) selected.set(updated);
        }
        message.set(status());
    }

    private void loadDetail(SamplePair p) {
        Workspace ws = main.workspace();
        Comparison cmp = main.comparison();
        if (p == null || ws == null || cmp == null) {
            loadingDetail.cancel();
            detail.set(null);
            return;
        }
        if (detail.get() != null && detail.get().requestId().equals(p.requestId())) {
            loadingDetail.cancel(); // back to the pair already shown: a load for another one must not replace it
            return;
        }
        main.tasks()
                .task("Reading request " + p.requestId(), progress -> PairDetail.load(ws, cmp, p.requestId()))
                .latestIn(loadingDetail)
                .onSuccess(detail::set)
                .start();
    }
}
