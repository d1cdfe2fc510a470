package dev.shadowbench.ui.outliers;

import dev.shadowbench.core.BadInputException;
import dev.shadowbench.core.compare.Comparison;
import dev.shadowbench.core.format.FigureFormat;
import dev.shadowbench.core.outliers.Finding;
import dev.shadowbench.core.outliers.Outlier;
import dev.shadowbench.core.outliers.OutlierReview;
import dev.shadowbench.core.outliers.OutlierSettings;
import dev.shadowbench.core.outliers.OutlierStore;
import dev.shadowbench.core.workspace.Workspace;
import dev.shadowbench.ui.common.MainViewModel;
import dev.shadowbench.ui.common.TaskRunner;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/** State of the Outliers screen: flagged pairs with their dismissals, banners, and the editable rule settings. */
public final class OutliersViewModel {

    /** A flagged pair as the table shows it; {@code dismissal} is null while the flag is open. */
    public record Row(Outlier outlier, OutlierStore.Dismissal dismissal) {
        public boolean dismissed() {
            return dismissal != null;
        }

        /** The request id with control characters made visible, so a hostile log cannot forge table rows. */
        public String requestId() {
            return printable(outlier.requestId());
        }

        /** The dismissal's note, or empty. */
        public String note() {
            return dismissal == null || dismissal.note() == null ? "" : printable(dismissal.note());
        }

        /** Who dismissed the flag, or empty while it is open. */
        public String dismissedBy() {
            return dismissal == null || dismissal.reviewer() == null ? "" : printable(dismissal.reviewer());
        }

        /** "open" or "dismissed"; who and why are columns of their own. */
        public String status() {
            return dismissal == null ? "open" : "dismissed";
        }
    }

    /** One rule's flags in the list, for the rule filter: "latency_fast (12 open, 3 dismissed)". */
    public record RuleCount(String rule, long open, long dismissed) {
        public String label() {
            return (rule == null ? "All rules" : rule) + " (" + FigureFormat.count(open) + " open"
                    + (dismissed > 0 ? ", " + FigureFormat.count(dismissed) + " dismissed" : "") + ")";
        }
    }

    private final MainViewModel main;
    private final ObservableList<RuleCount> ruleCounts = FXCollections.observableArrayList();
    private final ObjectProperty<String> ruleFilter = new SimpleObjectProperty<>();
    private final ReadOnlyLongWrapper openCount = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper dismissedCount = new ReadOnlyLongWrapper();
    private final ObservableList<Row> allRows = FXCollections.observableArrayList();
    private final FilteredList<Row> rows = new FilteredList<>(allRows);
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper("Open a workspace to look for outliers.");
    private final ReadOnlyStringWrapper settingsError = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<OutlierSettings> settings =
            new ReadOnlyObjectWrapper<>(OutlierSettings.defaults());
    private final ReadOnlyObjectWrapper<OutlierReview.Result> result = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty showDismissed = new SimpleBooleanProperty(false);
    /** The rules' run, the only task that fills the rows, findings and result. */
    private final TaskRunner.Slot loading = new TaskRunner.Slot();

    private final TaskRunner.Slot saving = new TaskRunner.Slot();
    private boolean started;

    public OutliersViewModel(MainViewModel main) {
        this.main = main;
        // Pairing millions of requests is costly: nothing runs until the screen is first shown (start()).
        main.onRevision("Outliers", () -> {
            if (started) reload();
        });
        showDismissed.addListener((o, a, b) -> refilter());
        ruleFilter.addListener((o, a, b) -> refilter());
        // counts follow every dismissal and restore at once, not the next run of the rules
        allRows.addListener((javafx.collections.ListChangeListener<Row>) c -> recount());
        refilter();
    }

    /** The flagged pairs shown: open ones, plus dismissed ones when {@link #showDismissedProperty()} is on. */
    public ObservableList<Row> rows() {
        return rows;
    }

    public ObservableList<Finding> findings() {
        return findings;
    }

    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    /** Why the last settings change was refused, or empty. */
    public ReadOnlyStringProperty settingsErrorProperty() {
        return settingsError.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<OutlierSettings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<OutlierReview.Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public BooleanProperty showDismissedProperty() {
        return showDismissed;
    }

    /** The rule whose flags are listed; null lists every rule. */
    public ObjectProperty<String> ruleFilterProperty() {
        return ruleFilter;
    }

    /** "All rules" (rule null) first, then each rule with flags, with its open and dismissed counts. */
    public ObservableList<RuleCount> ruleCounts() {
        return ruleCounts;
    }

    /** Open flags in the list (every rule), updated on each dismissal. */
    public ReadOnlyLongProperty openCountProperty() {
        return openCount.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty dismissedCountProperty() {
        return dismissedCount.getReadOnlyProperty();
    }

    private void refilter() {
        boolean all = showDismissed.get();
        String rule = ruleFilter.get();
        rows.setPredicate(r -> (all || !r.dismissed())
                && (rule == null || rule.equals(r.outlier().rule())));
    }

    private void recount() {
        Map<String, long[]> perRule = new java.util.TreeMap<>();
        long open = 0;
        for (Row r : allRows) {
            long[] n = perRule.computeIfAbsent(r.outlier().rule(), k -> new long[2]);
            n[r.dismissed() ? 1 : 0]++;
            if (!r.dismissed()) open++;
        }
        openCount.set(open);
        dismissedCount.set(allRows.size() - open);
        List<RuleCount> counts = new ArrayList<>();
        counts.add(new RuleCount(null, open, allRows.size() - open));
        perRule.forEach((rule, n) -> counts.add(new RuleCount(rule, n[0], n[1])));
        ruleCounts.setAll(counts);
        if (ruleFilter.get() != null && !perRule.containsKey(ruleFilter.get())) ruleFilter.set(null);
        OutlierReview.Result r = result.get();
        if (r != null) headline.set(headline(r));
    }

    /** Called when the screen is first shown: loads now and follows every later change of comparison or content. */
    public void start() {
        if (started) return;
        started = true;
        reload();
    }

    /** Re-runs the rules on the current comparison, cancelling the run in flight. */
    public void reload() {
        loading.cancel();
        Workspace ws = main.workspace();
        Comparison cmp = main.comparison();
        if (ws == null || cmp == null) {
            allRows.clear();
            findings.clear();
            result.set(null);
            headline.set(
                    ws == null
                            ? "Open a workspace to look for outliers."
                            : "Pick a baseline and a candidate: this workspace needs two variants to compare "
                                    + "(a first model: No baseline? Create one… in the bar above).");
            return;
        }
        headline.set("Looking for outliers in " + cmp.baseline() + " vs " + cmp.candidate() + "…");
        main.tasks()
                .task("Finding outliers", p -> OutlierReview.load(ws, cmp, p))
                .latestIn(loading)
                .onSuccess(this::show)
                .onFailure(this::failed)
                .start();
    }

    private void failed(Throwable ex) {
        headline.set("Could not look for outliers: " + ex.getMessage());
    }

    private void show(OutlierReview.Result r) {
        result.set(r);
        settings.set(r.settings());
        Map<String, OutlierStore.Dismissal> dismissed = r.dismissals();
        allRows.setAll(r.report().flagged().stream()
                .map(o -> new Row(o, dismissed.get(OutlierStore.Dismissal.key(o.requestId(), o.rule()))))
                .toList());
        findings.setAll(r.report().findings());
        headline.set(headline(r));
    }

    private String headline(OutlierReview.Result r) {
        long open = openCount.get();
        String listed = r.report().totalFlags() > allRows.size()
                ? " (the worst " + FigureFormat.count(r.report().listLimit()) + " per rule listed)"
                : "";
        return r.report().pairs() == 0
                ? "No paired requests in " + r.comparison().baseline() + " vs "
                        + r.comparison().candidate() + ": nothing to check."
                : FigureFormat.count(r.report().flaggedPairs()) + " of "
                        + FigureFormat.count(r.report().pairs()) + " pairs flagged ("
                        + FigureFormat.pct(r.report().flaggedShare()) + "), "
                        + FigureFormat.count(r.report().totalFlags()) + " flags in all"
                        + listed + "; " + FigureFormat.count(open) + " open, "
                        + FigureFormat.count(allRows.size() - open) + " dismissed.";
    }

    /**
     * Applies {@code rule.key=value} assignments (as on the command line), remembers them in the workspace and
     * re-runs the rules. Returns false, with {@link #settingsErrorProperty()} saying why, when one is invalid.
     */
    public boolean applySettings(Collection<String> assignments) {
        OutlierSettings s;
        try {
            s = settings.get();
            for (String a : assignments) s = s.with(a);
        } catch (BadInputException e) {
            settingsError.set(e.getMessage());
            return false;
        }
        settingsError.set("");
        Workspace ws = main.workspace();
        settings.set(s);
        if (ws == null) return true;
        OutlierSettings chosen = s;
        loading.cancel();
        main.tasks()
                .task("Saving the outlier settings", p -> {
                    OutlierReview.saveSettings(ws, chosen);
                    return chosen;
                })
                .latestIn(saving)
                // every screen's review reads the rules (the flagged share gate, the banners): all reload
                .onSuccess(saved -> main.refresh())
                .onFailure(this::failed)
                .start();
        return true;
    }

    /** Restores every rule and threshold to its default. */
    public void resetSettings() {
        settings.set(OutlierSettings.defaults());
        applySettings(java.util.List.of());
    }

    /** Opens the pair behind a flag in the Sample screen, where both records show in full. */
    public void openPair(Row row) {
        if (row != null) main.openSample(dev.shadowbench.core.chart.PairFilter.pair(row.requestId()));
    }

    /** Dismisses a flag with the reviewer's note; the flag is hidden unless dismissed flags are shown. */
    public void dismiss(Row row, String note) {
        record(row, note, true);
    }

    /** Re-opens a dismissed flag. */
    public void restore(Row row) {
        record(row, null, false);
    }

    private void record(Row row, String note, boolean dismiss) {
        Workspace ws = main.workspace();
        OutlierReview.Result r = result.get();
        if (ws == null || r == null || row == null || row.dismissed() == dismiss) return;
        String reviewer = main.reviewer();
        main.tasks()
                .task(dismiss ? "Dismissing the flag" : "Restoring the flag", p -> {
                    if (!dismiss) {
                        OutlierReview.restore(ws, r.comparison(), row.outlier());
                        return null;
                    }
                    OutlierReview.dismiss(ws, r.comparison(), row.outlier(), note, reviewer);
                    return new OutlierStore.Dismissal(
                            row.outlier().requestId(),
                            row.outlier().rule(),
                            note,
                            reviewer,
                            java.time.LocalDateTime.now());
                })
                .onSuccess(d -> recorded(row.outlier(), d))
                .onFailure(ex -> main.dialogs().showError("Could not record the dismissal", ex.getMessage(), ex))
                .start();
    }

    /**
     * Shows a saved dismissal (or restore) on its row. The rules' run owns the rows; when one is in flight it may
     * have read the store before this save, so it is run again instead of patching rows it is about to replace.
     */
    private void recorded(Outlier outlier, OutlierStore.Dismissal dismissal) {
        if (loading.isBusy()) {
            reload();
            return;
        }
        for (int i = 0; i < allRows.size(); i++) {
            if (allRows.get(i).outlier().equals(outlier)) allRows.set(i, new Row(outlier, dismissal));
        }
    }

    static String printable(String s) {
        if (s == null) return "";
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) sb.append('\uFFFD');
            else sb.appendCodePoint(cp);
        });
        return sb.toString();
    }
}
