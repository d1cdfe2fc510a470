package dev.shadowbench.ui.decisions;

import dev.shadowbench.core.BadInputException;
import dev.shadowbench.core.compare.Comparison;
import dev.shadowbench.core.decide.DecisionDesk;
import dev.shadowbench.core.decide.DecisionRecord;
import dev.shadowbench.core.decide.DecisionType;
import dev.shadowbench.core.decide.GateResult;
import dev.shadowbench.core.decide.GateStatus;
import dev.shadowbench.core.decide.ReviewEvidence;
import dev.shadowbench.core.decide.Stage;
import dev.shadowbench.core.decide.SummarySource;
import dev.shadowbench.core.format.FigureFormat;
import dev.shadowbench.core.report.ReportBuilder;
import dev.shadowbench.core.report.ReportFormat;
import dev.shadowbench.core.review.PairVerdict;
import dev.shadowbench.core.workspace.Workspace;
import dev.shadowbench.ui.common.MainViewModel;
import dev.shadowbench.ui.common.TaskRunner;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

/**
 * The Decisions screen's state: the gates for the global comparison, the decision form (recorded under the window's
 * one reviewer, {@link MainViewModel#reviewerProperty()}), the hash-verified history, and the report export. All SQL
 * runs in tasks off the FX thread.
 */
public final class DecisionsViewModel {

    private final MainViewModel main;
    private final SummarySource source;
    private final ObservableList<GateResult> gates = FXCollections.observableArrayList();
    private final ObservableList<DecisionRecord> history = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper recommendation = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper candidate = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper verification = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Boolean> intact = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<DecisionDesk.Assessment> assessment = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<DecisionType> decision = new SimpleObjectProperty<>(DecisionType.HOLD);
    private final ObjectProperty<Stage> stage = new SimpleObjectProperty<>();
    private final StringProperty trafficSharePercent = new SimpleStringProperty("");
    private final StringProperty note = new SimpleStringProperty("");
    private final StringProperty reason = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper gatesEvidence = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper sampleEvidence = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper flagsEvidence = new ReadOnlyStringWrapper("");
    private final TaskRunner.Slot loading = new TaskRunner.Slot();

    /** The window's dialogs (a row's detail opens in one). */
    public dev.shadowbench.ui.common.DialogService dialogs() {
        return main.dialogs();
    }

    public DecisionsViewModel(MainViewModel main, SummarySource source) {
        this.main = main;
        this.source = source;
        main.onRevision("Decisions", this::reload);
        stage.addListener((o, a, s) -> {
            if (s != null) trafficSharePercent.set(percent(s.trafficShare()));
        });
    }

    public ObservableList<GateResult> gates() {
        return gates;
    }

    public ObservableList<DecisionRecord> history() {
        return history;
    }

    public ReadOnlyStringProperty recommendationProperty() {
        return recommendation.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty candidateProperty() {
        return candidate.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty verificationProperty() {
        return verification.getReadOnlyProperty();
    }
    /** True when the chain verified, false when tampered, null before the first load. */
    public ReadOnlyObjectProperty<Boolean> intactProperty() {
        return intact.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DecisionDesk.Assessment> assessmentProperty() {
        return assessment.getReadOnlyProperty();
    }

    public ObjectProperty<DecisionType> decisionProperty() {
        return decision;
    }

    /** The window's reviewer, under whose name a decision is recorded. */
    public ReadOnlyStringProperty reviewerProperty() {
        return main.reviewerProperty();
    }

    public ObjectProperty<Stage> stageProperty() {
        return stage;
    }

    public StringProperty trafficSharePercentProperty() {
        return trafficSharePercent;
    }

    public StringProperty noteProperty() {
        return note;
    }

    /** Why the decision goes against the gates' recommendation; asked for only then. */
    public StringProperty reasonProperty() {
        return reason;
    }

    /** True while the chosen decision goes against the gates' recommendation (the form then asks for a reason). */
    public BooleanBinding againstProperty() {
        return Bindings.createBooleanBinding(
                () -> assessment.get() != null
                        && decision.get() != null
                        && assessment.get().against(decision.get()),
                assessment,
                decision);
    }

    /** The evidence panel: the gates in one line ("6 of 9 gates pass · 2 fail (1 critical) · 1 without data"). */
    public ReadOnlyStringProperty gatesEvidenceProperty() {
        return gatesEvidence.getReadOnlyProperty();
    }

    /** The evidence panel: the sampled pairs reviewed, per verdict. */
    public ReadOnlyStringProperty sampleEvidenceProperty() {
        return sampleEvidence.getReadOnlyProperty();
    }

    /** The evidence panel: outlier flags open and dismissed. */
    public ReadOnlyStringProperty flagsEvidenceProperty() {
        return flagsEvidence.getReadOnlyProperty();
    }

    /** Recording needs a reviewer, a loaded assessment, and nothing else in flight. */
    public BooleanBinding canRecord() {
        return Bindings.createBooleanBinding(
                () -> !main.reviewer().isBlank() && assessment.get() != null && !busy.get(),
                main.reviewerProperty(),
                assessment,
                busy);
    }

    public void reload() {
        Workspace ws = main.workspace();
        Comparison cmp = main.comparison();
        if (ws == null) return;
        if (cmp == null) {
            candidate.set("Pick a baseline and a candidate: this workspace has fewer than two variants "
                    + "(a first model: No baseline? Create one… in the bar above).");
            gates.clear();
        }
        main.tasks()
                .task(
                        "Evaluating the gates",
                        p -> DecisionDesk.load(ws, cmp, source, LocalDateTime.now(ZoneOffset.UTC)))
                .latestIn(loading)
                .onSuccess(this::show)
                .onFailure(ex -> message.set("Could not evaluate the gates: " + ex.getMessage()))
                .start();
    }

    private void show(DecisionDesk.DeskState l) {
        assessment.set(l.assessment());
        if (l.assessment() != null) {
            var a = l.assessment();
            gates.setAll(a.verdict().gates());
            recommendation.set(
                    "Gates recommend: " + a.verdict().recommendation().id().toUpperCase(Locale.ROOT)
                            + (a.verdict().score() == null
                                    ? " (no gate had data)"
                                    : " (" + FigureFormat.pct(a.verdict().score()) + " of gates with data passed)"));
            candidate.set(
                    a.versionKey() == null
                            ? "Candidate: no records"
                            : "Candidate: " + a.versionKey()
                                    + (a.stage() == null
                                            ? ""
                                            : " · " + a.stage().label()));
            stage.set(a.stage());
            if (a.verdict().advice() != null && note.get().isBlank()) prefill(a.verdict());
            showEvidence(a);
        }
        List<DecisionRecord> newestFirst = new java.util.ArrayList<>(l.history());
        java.util.Collections.reverse(newestFirst);
        history.setAll(newestFirst);
        intact.set(l.verification().intact());
        verification.set(l.verification().summaryLine());
    }

    private void showEvidence(DecisionDesk.Assessment a) {
        var v = a.verdict();
        long critical = v.gates().stream()
                .filter(g -> g.critical() && g.status() == GateStatus.FAIL)
                .count();
        gatesEvidence.set(FigureFormat.count(v.count(GateStatus.PASS)) + " of "
                + FigureFormat.count(v.gates().size())
                + " gates pass · " + FigureFormat.count(v.count(GateStatus.FAIL)) + " fail"
                + (critical > 0 ? " (" + FigureFormat.count(critical) + " critical)" : "")
                + " · " + FigureFormat.count(v.count(GateStatus.NO_DATA)) + " without data");
        ReviewEvidence seen = a.evidence();
        sampleEvidence.set(
                seen.reviewed() == 0
                        ? "No sampled pair reviewed yet"
                        : FigureFormat.count(seen.reviewed()) + " sampled pairs reviewed: "
                                + FigureFormat.count(seen.count(PairVerdict.OK)) + " ok, "
                                + FigureFormat.count(seen.count(PairVerdict.SUSPICIOUS)) + " suspicious, "
                                + FigureFormat.count(seen.count(PairVerdict.WRONG)) + " wrong");
        flagsEvidence.set(FigureFormat.count(seen.openFlags()) + " outlier flags open, "
                + FigureFormat.count(seen.dismissedFlags()) + " dismissed");
    }

    /** Appends the decision in the form under the window's reviewer; on success clears the note and refreshes every screen. */
    public Task<DecisionRecord> record() {
        DecisionDesk.Assessment a = assessment.get();
        Workspace ws = main.workspace();
        if (a == null || ws == null) return null;
        Double share;
        try {
            share = parseShare(trafficSharePercent.get());
        } catch (BadInputException e) {
            message.set(e.getMessage());
            return null;
        }
        DecisionType type = decision.get();
        String reasonGiven = reason.get().strip();
        if (a.against(type)) {
            String rec = a.verdict().recommendation().id().toUpperCase(Locale.ROOT);
            if (reasonGiven.isEmpty()) {
                message.set("Deciding " + type.id() + " against the gates' " + rec
                        + " needs a reason: say why in the reason field.");
                return null;
            }
            if (!main.dialogs()
                    .confirm(
                            "Decide " + type.id() + " against the gates?",
                            "The gates recommend " + rec + ". " + gatesEvidence.get() + "; "
                                    + sampleEvidence.get() + "; " + flagsEvidence.get()
                                    + ".\n\nRecord " + type.id() + " with the reason \"" + reasonGiven
                                    + "\" in the append-only log?")) {
                message.set("Not recorded: not confirmed.");
                return null;
            }
        }
        String reasonText = a.against(type) ? reasonGiven : null;
        String who = main.reviewer();
        String why = note.get().isBlank() ? null : note.get().strip();
        String stageText = stage.get() == null ? null : stage.get().label();
        busy.set(true);
        return main.tasks()
                .task(
                        "Recording the decision",
                        p -> DecisionDesk.record(ws, a, type, who, why, stageText, share, reasonText))
                .onSuccess(r -> {
                    note.set("");
                    reason.set("");
                    message.set("Recorded decision #" + r.seq() + ": " + r.decision());
                    main.refresh();
                })
                .onFailure(ex -> message.set("Not recorded: " + ex.getMessage()))
                .andFinally(() -> busy.set(false))
                .start();
    }

    /** Asks where to save and writes the report; the format follows the file's extension (html, md, json). */
    public Task<Path> exportReport() {
        Workspace ws = main.workspace();
        Comparison cmp = main.comparison();
        if (ws == null || cmp == null) return null;
        Path file = main.dialogs()
                .chooseSaveFile("Export decision report", "shadowbench-report.html", "html")
                .orElse(null);
        if (file == null) return null;
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        ReportFormat format =
                name.endsWith(".md") ? ReportFormat.MD : name.endsWith(".json") ? ReportFormat.JSON : ReportFormat.HTML;
        return main.tasks()
                .task("Writing the report", p -> {
                    ReportBuilder.write(ws, cmp, source, format, file, LocalDateTime.now(ZoneOffset.UTC));
                    return file;
                })
                .onSuccess(f -> message.set("Report written to " + f))
                .onFailure(ex -> main.dialogs().showError("Export failed", ex.getMessage(), ex))
                .start();
    }

    /** A canary's advice fills the form: its decision, the share it names, the advice as the note. */
    private void prefill(dev.shadowbench.core.decide.Verdict v) {
        var adv = v.advice();
        decision.set(DecisionType.parse(v.recommendation().id()));
        Double share = adv.nextShare() != null ? adv.nextShare() : adv.currentShare();
        if (v.recommendation() == dev.shadowbench.core.decide.Recommendation.ROLLBACK) share = 0.0;
        trafficSharePercent.set(share == null ? "" : percent(share));
        note.set("Canary advice: " + adv.text());
    }

    static Double parseShare(String percent) {
        if (percent == null || percent.isBlank()) return null;
        try {
            double v = Double.parseDouble(percent.strip().replace("%", ""));
            if (v < 0 || v > 100 || Double.isNaN(v)) throw new NumberFormatException();
            return v / 100;
        } catch (NumberFormatException e) {
            throw new BadInputException("Traffic share must be a percentage between 0 and 100, not '" + percent + "'");
        }
    }

    static String percent(double share) {
        double p = share * 100;
        return p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p);
    }
}
