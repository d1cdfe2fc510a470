package dev.shadowbench.ui.canary;

import dev.shadowbench.core.BadInputException;
import dev.shadowbench.core.canary.CanaryFeedback;
import dev.shadowbench.core.canary.RampPlan;
import dev.shadowbench.core.compare.Comparison;
import dev.shadowbench.core.decide.CanaryReview;
import dev.shadowbench.core.format.FigureFormat;
import dev.shadowbench.core.workspace.Workspace;
import dev.shadowbench.ui.common.MainViewModel;
import dev.shadowbench.ui.common.TaskRunner;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Canary screen's state: the canary review of the current comparison ({@link CanaryReview}) as one row of text
 * per day, the advice with its next step, the ramp plan and a form to set a step of it. SQL runs in tasks.
 */
public final class CanaryViewModel {
    /** One day as the table shows it; {@code day} is the review's own day record (for the charts). */
    public record Row(
            CanaryReview.Day day,
            String date,
            String planned,
            String observed,
            String baselineRequests,
            String candidateRequests,
            String baselineComplaints,
            String candidateComplaints,
            String complaintReading,
            String baselineP95,
            String candidateP95,
            String shift) {}

    /** One line of a chart: a value in percent per day (days without a value are left out). */
    public record Series(String name, List<Point> points) {}

    public record Point(String day, double percent) {}

    private final MainViewModel main;
    private final ReadOnlyObjectWrapper<List<Series>> shareChart = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<List<Series>> complaintChart = new ReadOnlyObjectWrapper<>(List.of());
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<CanaryReview> review = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper advice = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper plan = new ReadOnlyStringWrapper("");
    private final StringProperty stepDay = new SimpleStringProperty("");
    private final StringProperty stepShare = new SimpleStringProperty("");
    private final TaskRunner.Slot computing = new TaskRunner.Slot();
    /** The comparison the screen shows: the chosen one, or the workspace's canary while the chosen one is a shadow. */
    private final ReadOnlyObjectWrapper<Comparison> shown = new ReadOnlyObjectWrapper<>();

    /** A review and the comparison it is of. */
    private record Shown(Comparison comparison, CanaryReview review) {}

    public CanaryViewModel(MainViewModel main) {
        this.main = main;
        main.onRevision("Canary", this::reload);
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    /** The comparison shown: the chosen one, or its baseline vs the workspace's canary when the chosen one is a shadow. */
    public ReadOnlyObjectProperty<Comparison> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<CanaryReview> reviewProperty() {
        return review.getReadOnlyProperty();
    }

    /** Planned and observed share per day, in percent. */
    public ReadOnlyObjectProperty<List<Series>> shareChartProperty() {
        return shareChart.getReadOnlyProperty();
    }

    /** Each arm's complaint rate per day, in percent. */
    public ReadOnlyObjectProperty<List<Series>> complaintChartProperty() {
        return complaintChart.getReadOnlyProperty();
    }

    /** Empty-state, progress or error text; blank while a canary is shown. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The advice in a sentence with the gates behind it. */
    public ReadOnlyStringProperty adviceProperty() {
        return advice.getReadOnlyProperty();
    }

    /** The ramp plan in words. */
    public ReadOnlyStringProperty planProperty() {
        return plan.getReadOnlyProperty();
    }

    /** The day of the step to set (YYYY-MM-DD), pre-filled with the day after the window's last. */
    public StringProperty stepDayProperty() {
        return stepDay;
    }

    /** The share of the step to set (20% or 0.2), pre-filled with the advice's next step. */
    public StringProperty stepShareProperty() {
        return stepShare;
    }

    /** Recomputes the review off the FX thread, cancelling one in flight. */
    public void reload() {
        Workspace ws = main.workspace();
        Comparison cmp = main.comparison();
        computing.cancel();
        if (ws == null || cmp == null) {
            show(null, ws == null ? "No workspace open." : "Pick a baseline and a candidate.");
            return;
        }
        message.set("Computing…");
        main.tasks()
                .task(
                        "Comparing the canary's arms " + cmp.baseline() + " vs " + cmp.candidate(),
                        sink -> ws.read(c -> {
                            CanaryReview r = CanaryReview.of(main.reviews().get(c, cmp, sink));
                            if (r != null) return new Shown(cmp, r);
                            // the chosen candidate is a shadow: the journey's canary stage, when the workspace has one
                            Comparison canary = Comparison.canaryFor(c, cmp.baseline());
                            if (canary == null || canary.candidate().equals(cmp.candidate()))
                                return new Shown(cmp, null);
                            return new Shown(
                                    canary,
                                    CanaryReview.of(
                                            dev.shadowbench.core.decide.ReviewSummary.compute(c, canary, sink)));
                        }))
                .latestIn(computing)
                .onSuccess(s -> {
                    shown.set(s.review() == null ? null : s.comparison());
                    show(
                            s.review(),
                            s.review() == null
                                    ? cmp.candidate() + " is not a canary: its requests are paired with the baseline's "
                                            + "(a shadow). A ramp plan, a variant named canary, or split traffic makes it one."
                                    : s.comparison().equals(cmp)
                                            ? ""
                                            : "Showing " + s.comparison().baseline() + " vs "
                                                    + s.comparison().candidate() + window(s.comparison())
                                                    + ": the comparison chosen above, " + cmp.candidate()
                                                    + ", is a shadow. Recording the decision makes this the comparison.");
                })
                .onFailure(ex -> show(null, "Could not compare the canary: " + ex.getMessage()))
                .start();
    }

    private static String window(Comparison c) {
        if (c.from() == null && c.to() == null) return "";
        if (c.to() == null) return " from " + c.from();
        if (c.from() == null) return " up to " + c.to();
        return " from " + c.from() + " to " + c.to();
    }

    void show(CanaryReview r, String text) {
        review.set(r);
        message.set(text);
        if (r == null) {
            shown.set(null);
            shareChart.set(List.of());
            complaintChart.set(List.of());
            rows.clear();
            advice.set("");
            plan.set("");
            return;
        }
        rows.setAll(r.byDay().stream().map(CanaryViewModel::row).toList());
        shareChart.set(List.of(
                series(r, "planned", CanaryReview.Day::plannedShare),
                series(r, "observed", CanaryReview.Day::observedShare)));
        complaintChart.set(List.of(
                series(r, "baseline", d -> rate(d.baselineComplaints())),
                series(r, "candidate", d -> rate(d.candidateComplaints()))));
        String next = r.advice() == null ? "" : r.advice().text();
        advice.set("Advice: " + next + " · recognised as a canary because " + r.recognisedBy()
                + (r.routingLeak() > 0
                        ? " · routing leak: " + FigureFormat.count(r.routingLeak()) + " requests in both arms"
                        : ""));
        plan.set(
                r.plan().isEmpty()
                        ? "No ramp plan: set its steps below (a step holds until the next one)."
                        : "Plan: "
                                + r.plan().stream()
                                        .map(s -> FigureFormat.share(s.share()) + " from " + s.day() + " (" + s.source()
                                                + ")")
                                        .collect(Collectors.joining(", ")));
        LocalDate last =
                r.byDay().isEmpty() ? null : r.byDay().get(r.byDay().size() - 1).day();
        if (last != null) stepDay.set(last.plusDays(1).toString());
        if (r.advice() != null && r.advice().nextShare() != null)
            stepShare.set(FigureFormat.share(r.advice().nextShare()));
    }

    static Row row(CanaryReview.Day d) {
        return new Row(
                d,
                d.day() == null ? "no day" : d.day().toString(),
                d.plannedShare() == null ? "—" : FigureFormat.share(d.plannedShare()),
                d.observedShare() == null ? "—" : FigureFormat.share(d.observedShare()),
                FigureFormat.count(d.baselineRequests()),
                FigureFormat.count(d.candidateRequests()),
                complaints(d.baselineComplaints()),
                complaints(d.candidateComplaints()),
                d.complaintTest() == null ? "—" : d.complaintTest().reading().label(),
                FigureFormat.ms(d.baselineLatencyP95(), "—"),
                FigureFormat.ms(d.candidateLatencyP95(), "—"),
                d.predictionKs() == null
                        ? d.classChiSquare() == null
                                ? "—"
                                : "χ² " + FigureFormat.num(d.classChiSquare().statistic()) + ", "
                                        + FigureFormat.pIs(d.classChiSquare().pValue())
                        : "KS D " + FigureFormat.num(d.predictionKs().statistic()) + ", "
                                + FigureFormat.pIs(d.predictionKs().pValue()));
    }

    private static Series series(CanaryReview r, String name, Function<CanaryReview.Day, Double> value) {
        List<Point> points = new ArrayList<>();
        for (CanaryReview.Day d : r.byDay()) {
            Double v = value.apply(d);
            if (d.day() != null && v != null) points.add(new Point(d.day().toString(), 100 * v));
        }
        return new Series(name, points);
    }

    private static Double rate(CanaryFeedback.ArmDay a) {
        return a == null ? null : a.complaintRate();
    }

    /** "1.9% [1.6%, 2.2%]" or a dash without requests. */
    static String complaints(CanaryFeedback.ArmDay a) {
        if (a == null || a.complaintRate() == null) return "—";
        return FigureFormat.pct(a.complaintRate()) + " [" + FigureFormat.pct(a.ciLow()) + ", "
                + FigureFormat.pct(a.ciHigh()) + "]";
    }

    /** Sets the step in the form for the comparison's candidate; every screen then reloads. */
    public void setStep() {
        Workspace ws = main.workspace();
        Comparison cmp = shown.get() != null ? shown.get() : main.comparison();
        if (ws == null || cmp == null) return;
        Map.Entry<LocalDate, Double> step;
        try {
            LocalDate day = LocalDate.parse(stepDay.get().strip());
            step = Map.entry(day, RampPlan.parseShare(stepShare.get(), "share"));
        } catch (DateTimeParseException e) {
            message.set("The step's day is not YYYY-MM-DD: '" + stepDay.get() + "'");
            return;
        } catch (BadInputException e) {
            message.set(e.getMessage());
            return;
        }
        main.tasks()
                .task(
                        "Setting the ramp plan",
                        p -> ws.read(c -> {
                            RampPlan.set(
                                    c,
                                    cmp.candidate().planKeys(c).get(0),
                                    Map.of(step.getKey(), step.getValue()),
                                    RampPlan.BY_HAND);
                            return step;
                        }))
                .onSuccess(s -> main.refresh())
                .onFailure(ex -> message.set("The plan was not changed: " + ex.getMessage()))
                .start();
    }

    /** Takes the reviewer to Decisions, whose form is pre-filled with this advice. */
    public void decide() {
        // the decision is about the canary shown: it becomes the comparison Decisions records against
        if (shown.get() != null && !shown.get().equals(main.comparison()))
            main.comparisonProperty().set(shown.get());
        main.requestScreen("Decisions");
    }
}
