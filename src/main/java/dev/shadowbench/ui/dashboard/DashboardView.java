package dev.shadowbench.ui.dashboard;

import dev.shadowbench.core.chart.ChartSet;
import dev.shadowbench.core.chart.DensityPlot;
import dev.shadowbench.core.chart.PairFilter;
import dev.shadowbench.core.chart.Plots;
import dev.shadowbench.core.chart.SignedHistogram;
import dev.shadowbench.core.chart.TrendPlot;
import dev.shadowbench.core.compare.ChartFigures;
import dev.shadowbench.core.compare.Summary;
import dev.shadowbench.core.decide.GateResult;
import dev.shadowbench.core.decide.ReviewSummary;
import dev.shadowbench.core.decide.Verdict;
import dev.shadowbench.core.format.FigureFormat;
import dev.shadowbench.ui.charts.ChartExport;
import dev.shadowbench.ui.charts.ChartPanel;
import dev.shadowbench.ui.common.Tables;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The Dashboard, answer first: the gates' verdict, then the two main charts (divergence and latency), then the
 * density and trend charts, the cards and the checks table. While figures compute, the previous ones are greyed out
 * and the progress shows where they will appear. Shows core's figures and chart data only.
 */
public final class DashboardView extends ScrollPane {
    private final DashboardViewModel vm;
    private final Label subtitle = new Label();
    private final VerdictBanner banner = new VerdictBanner();
    private final FlowPane cards = new FlowPane(12, 12);
    private final TableView<Check> checks = new TableView<>();
    private final ChartPanel divergence = new ChartPanel("divergence-chart", "Divergence");
    private final ChartPanel latency = new ChartPanel("latency-chart", "Latency");
    private final ChartPanel density = new ChartPanel("density-chart", "Baseline vs candidate");
    private final ChartPanel trend = new ChartPanel("trend-chart", "By day");
    private final ChartPanel residual = new ChartPanel("residual-chart", "Error against the label");
    private final VBox figures;
    private boolean relative, logCounts, linearTime, baselineResiduals;

    /** One row of the checks table: a finding or a gate, with its measured value beside its threshold. */
    public record Check(String name, String severity, String value, String threshold, String detail) {}

    public DashboardView(DashboardViewModel vm) {
        this.vm = vm;
        getStyleClass().add("screen");
        setFitToWidth(true);
        Label title = new Label("Dashboard");
        title.getStyleClass().add("title-3");
        subtitle.setId("dashboard-subtitle");
        subtitle.textProperty().bind(vm.windowProperty());
        Label message = new Label();
        message.setId("dashboard-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        message.visibleProperty().bind(message.managedProperty());
        cards.setId("dashboard-cards");

        Spinner<Double> budget =
                new Spinner<>(1.0, 600_000.0, vm.latencyBudgetMsProperty().get(), 10.0);
        budget.setId("latency-budget");
        budget.setEditable(true);
        budget.setPrefWidth(110);
        budget.valueProperty().addListener((o, a, b) -> {
            if (b != null) vm.setLatencyBudget(b);
        });
        vm.latencyBudgetMsProperty()
                .addListener((o, a, b) -> budget.getValueFactory().setValue(b.doubleValue()));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox head = new HBox(10, title, subtitle, grow, new Label("Latency budget (ms)"), budget);
        head.setAlignment(Pos.CENTER_LEFT);

        checks.setId("dashboard-checks");
        checks.setPrefHeight(330);
        checks.setPlaceholder(new Label("")); // never an empty state's words before the figures exist
        TableColumn<Check, String> detail = Tables.longText("Detail", Check::detail);
        checks.getColumns()
                .addAll(List.of(
                        Tables.text("Check", Check::name),
                        Tables.text("Status", Check::severity),
                        Tables.text("Value", Check::value),
                        Tables.text("Threshold", Check::threshold),
                        detail));
        Tables.fit(checks, detail);
        Tables.openInDetail(checks, vm.main().dialogs(), Check::name); // a check's explanation in full

        divergence.addChoice("divergence-measure", List.of("c − b", "relative"), 0, i -> {
            relative = i == 1;
            showCharts();
        });
        divergence.addChoice("divergence-counts", List.of("linear", "log"), 0, i -> {
            logCounts = i == 1;
            showCharts();
        });
        latency.addChoice("latency-axis", List.of("log", "linear"), 0, i -> {
            linearTime = i == 1;
            showCharts();
        });
        residual.addChoice("residual-side", List.of("candidate", "baseline"), 0, i -> {
            baselineResiduals = i == 1;
            showCharts();
        });
        for (ChartPanel p : List.of(divergence, latency, density, trend, residual)) {
            p.view().setOnBin(vm::openSample);
            p.view().setOnPoint(id -> vm.openSample(PairFilter.pair(id)));
            ChartExport.install(p.view(), vm.main(), p.view().getId());
        }
        divergence.view().setPrefHeight(300);
        latency.view().setPrefHeight(300);
        GridPane main = grid(divergence, latency);
        GridPane more = grid(density, trend);
        density.view().setPrefHeight(320);
        trend.view().setPrefHeight(320);
        residual.view().setPrefHeight(300);

        figures = new VBox(12, banner, main, cards, sectionTitle("Checks"), checks, more, residual);
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(48, 48);
        Label progress = new Label();
        progress.setId("dashboard-progress");
        VBox computing = new VBox(8, spinner, progress);
        computing.setId("dashboard-computing");
        computing.setAlignment(Pos.TOP_CENTER);
        computing.setPadding(new Insets(90, 0, 0, 0));
        computing.setMouseTransparent(true);
        vm.computationProperty().addListener((o, a, t) -> {
            progress.textProperty().unbind();
            spinner.progressProperty().unbind();
            if (t != null) {
                progress.textProperty().bind(t.messageProperty());
                spinner.progressProperty().bind(t.progressProperty());
            }
        });
        computing.visibleProperty().bind(vm.staleProperty());
        // stale figures: greyed out and not clickable until the new ones arrive
        figures.opacityProperty()
                .bind(javafx.beans.binding.Bindings.when(vm.staleProperty())
                        .then(0.25)
                        .otherwise(1.0));
        figures.disableProperty().bind(vm.staleProperty());
        StackPane stack = new StackPane(figures, computing);
        StackPane.setAlignment(computing, Pos.TOP_CENTER);

        VBox body = new VBox(10, head, message, stack);
        body.setPadding(new Insets(12, 16, 16, 16));
        setContent(body);
        vm.stateProperty().addListener((o, a, s) -> show(s));
        show(vm.stateProperty().get()); // the figures may have arrived before this screen was first shown
    }

    private static GridPane grid(ChartPanel left, ChartPanel right) {
        GridPane g = new GridPane();
        g.setHgap(12);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        g.getColumnConstraints().addAll(half, half);
        g.add(left, 0, 0);
        g.add(right, 1, 0);
        return g;
    }

    private void show(DashboardViewModel.Figures st) {
        cards.getChildren().clear();
        checks.getItems().clear();
        figures.setVisible(st != null);
        figures.setManaged(st != null);
        if (st == null) {
            banner.show(null);
            showCharts();
            return;
        }
        Summary s = st.summary();
        banner.show(st.review().verdict());
        cards.getChildren()
                .addAll(
                        DashboardCards.coverage(s),
                        DashboardCards.divergence(s),
                        DashboardCards.latency(s),
                        DashboardCards.labels(s),
                        DashboardCards.tests(s),
                        DashboardCards.review(st.verdicts()));
        checks.getItems().setAll(checksOf(st.review()));
        showCharts();
    }

    /** Lays the charts out again from the figures on screen (a toggle changed, or new figures). */
    private void showCharts() {
        DashboardViewModel.Figures st = vm.stateProperty().get();
        ChartSet c = st == null ? null : st.charts();
        Summary s = st == null ? null : st.summary();
        SignedHistogram h = c == null ? null : relative ? c.relative() : c.difference();
        PairFilter.Measure m = relative ? PairFilter.Measure.RELATIVE : PairFilter.Measure.DIFFERENCE;
        String words = relative ? ChartFigures.RELATIVE_WORDS : ChartFigures.DIFFERENCE_WORDS;
        divergence
                .view()
                .setEmptyText(
                        s == null
                                ? ""
                                : s.unavailable()
                                        .getOrDefault("divergence", "No signed difference (rankings have none)"));
        divergence.view().setLayout(h == null ? null : (w, ht) -> Plots.signed(h, m, words, w, ht, logCounts));
        divergence.setCaption(
                h == null ? "" : "Pairs per bin of " + words + "; overflow counted at both ends; 0 = no change");

        latency.view().setEmptyText(s == null ? "" : "Latency not recorded in these logs");
        boolean lat = c != null && c.latency() != null;
        latency.view()
                .setLayout(
                        lat
                                ? (w, ht) -> Plots.latency(
                                        c.latency(), ChartFigures.latencyMarks(s.latencyMs()), w, ht, !linearTime)
                                : null);
        latency.setCaption(lat ? "Requests per bin of latency (ms), both sides; p50/p95/p99 dots, budget dashed" : "");

        density.view()
                .setEmptyText(
                        s == null
                                ? ""
                                : s.unavailable()
                                        .getOrDefault("charts.density", "No numeric predictions on both sides"));
        density.view()
                .setLayout(c == null || c.density() == null ? null : (w, ht) -> DensityPlot.layout(c.density(), w, ht));
        density.setCaption(
                c == null || c.density() == null
                        ? ""
                        : "Pairs by baseline (x) and candidate (y) prediction; shade = pairs (log)");

        boolean days = c != null && c.trend() != null;
        trend.view().setEmptyText(s == null ? "" : "One day in this window: no trend");
        trend.view().setLayout(days ? (w, ht) -> TrendPlot.layout(c.trend(), w, ht) : null);
        trend.setCaption(days ? "Divergence p95 and latency p99 per side (ms), per day of the window" : "");

        // a regression with labels: where each model errs, against the truth (absent otherwise)
        var res = c == null ? null : c.residuals();
        String resMissing = s == null ? null : s.unavailable().get("charts.residuals");
        residual.setVisible(res != null || resMissing != null);
        residual.setManaged(res != null || resMissing != null);
        var grid = res == null ? null : baselineResiduals ? res.baseline() : res.candidate();
        String side = baselineResiduals ? "baseline" : "candidate";
        residual.view().setEmptyText(s == null ? "" : resMissing != null ? resMissing : "No labelled pairs");
        residual.view()
                .setLayout(
                        grid == null
                                ? null
                                : (w, ht) -> dev.shadowbench.core.chart.ResidualPlot.layout(grid, side, w, ht));
        residual.setCaption(
                grid == null ? "" : "Error (prediction − label, in prediction units) of the " + side + " by label");
    }

    static List<Check> checksOf(ReviewSummary r) {
        List<Check> out = new ArrayList<>();
        Verdict v = r.verdict();
        out.add(new Check(
                "recommendation",
                v.recommendation().id().toUpperCase(java.util.Locale.ROOT),
                "",
                "",
                "Overall recommendation from the gates below (any failed critical gate means rollback)"));
        for (GateResult g : v.gates()) {
            out.add(new Check(
                    "gate: " + g.label(),
                    g.status().label() + (g.critical() ? " (critical)" : ""),
                    g.shownValue(),
                    g.threshold(),
                    g.detail()));
        }
        for (Summary.Finding f : r.findings()) {
            out.add(new Check(
                    f.rule(),
                    f.severity(),
                    FigureFormat.numAgainst(f.value(), f.threshold()),
                    FigureFormat.num(f.threshold()),
                    f.detail()));
        }
        return out;
    }

    private static Label sectionTitle(String t) {
        Label l = new Label(t);
        l.getStyleClass().add("section-title");
        return l;
    }
}
