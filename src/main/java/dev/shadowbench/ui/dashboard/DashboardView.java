package dev.shadowbench.ui.dashboard;

import dev.shadowbench.core.compare.Summary;
import dev.shadowbench.core.decide.GateResult;
import dev.shadowbench.core.decide.ReviewSummary;
import dev.shadowbench.core.decide.Verdict;
import dev.shadowbench.core.format.FigureFormat;
import dev.shadowbench.ui.charts.HistogramChart;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
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
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/** The Dashboard: headline cards, checks with value beside threshold, and charts. Shows core's figures only. */
public final class DashboardView extends ScrollPane {
    static final Color BASELINE = Color.web("#0969da");
    static final Color CANDIDATE = Color.web("#bf3989");

    private final DashboardViewModel vm;
    private final Label title = new Label("Dashboard");
    private final Label subtitle = new Label();
    private final Label message = new Label();
    private final FlowPane cards = new FlowPane(12, 12);
    private final TableView<Check> checks = new TableView<>();
    private final HistogramChart divergence = new HistogramChart();
    private final HistogramChart latency = new HistogramChart();
    private final HistogramChart predictions = new HistogramChart();
    private final LineChart<String, Number> trend = new LineChart<>(new CategoryAxis(), new NumberAxis());
    private final VBox trendBox;

    /** One row of the checks table: a finding or a gate, with its measured value beside its threshold. */
    public record Check(String name, String severity, String value, String threshold, String detail) {}

    public DashboardView(DashboardViewModel vm) {
        this.vm = vm;
        getStyleClass().add("screen");
        setFitToWidth(true);
        title.getStyleClass().add("title-3");
        subtitle.setId("dashboard-subtitle");
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
        HBox head = new HBox(10, new VBox(2, title, subtitle), grow, new Label("Latency budget (ms)"), budget);
        head.setAlignment(Pos.CENTER_LEFT);

        checks.setId("dashboard-checks");
        checks.setPrefHeight(330);
        checks.setPlaceholder(new Label("No findings: nothing in these figures crossed a threshold."));
        checks.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        checks.getColumns()
                .addAll(List.of(
                        col("Check", Check::name, 220),
                        col("Status", Check::severity, 110),
                        col("Value", Check::value, 90),
                        col("Threshold", Check::threshold, 150),
                        col("Detail", Check::detail, 400)));

        divergence.setId("divergence-chart");
        latency.setId("latency-chart");
        predictions.setId("prediction-chart");
        latency.setEmptyText("latency not recorded in these logs");
        trend.setId("trend-chart");
        trend.setAnimated(false);
        trend.setCreateSymbols(true);
        trend.setPrefHeight(220);
        trendBox = chartBox("Divergence by day", trend);
        GridPane charts = new GridPane();
        charts.setHgap(12);
        charts.setVgap(12);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        charts.getColumnConstraints().addAll(half, half);
        charts.add(chartBox("Divergence (candidate − baseline)", divergence), 0, 0);
        charts.add(chartBox("Latency, both sides", latency), 1, 0);
        charts.add(chartBox("Predictions, both sides", predictions), 0, 1);
        charts.add(trendBox, 1, 1);

        VBox body = new VBox(14, head, message, cards, sectionTitle("Checks"), checks, sectionTitle("Charts"), charts);
        body.setPadding(new Insets(16));
        setContent(body);
        vm.stateProperty().addListener((o, a, s) -> show(s));
        show(vm.stateProperty().get()); // the figures may have arrived before this screen was first shown
    }

    private void show(DashboardViewModel.Figures st) {
        cards.getChildren().clear();
        checks.getItems().clear();
        if (st == null) {
            subtitle.setText("");
            divergence.setData(List.of(), null, "");
            latency.setData(List.of(), null, "");
            predictions.setData(List.of(), null, "");
            trend.getData().clear();
            return;
        }
        Summary s = st.summary();
        Summary.ComparisonInfo ci = s.comparison();
        subtitle.setText(ci.baselineLabel() + "  vs  " + ci.candidateLabel()
                + (ci.from() == null && ci.to() == null
                        ? " · all days"
                        : " · " + (ci.from() == null ? "…" : ci.from()) + " .. " + (ci.to() == null ? "…" : ci.to())));
        cards.getChildren()
                .addAll(
                        DashboardCards.coverage(s),
                        DashboardCards.divergence(s),
                        DashboardCards.latency(s),
                        DashboardCards.labels(s),
                        DashboardCards.tests(s),
                        DashboardCards.review(st.verdicts()));
        checks.getItems().setAll(checksOf(st.review()));

        Summary.Divergence d = s.divergence();
        divergence.setEmptyText(s.unavailable().getOrDefault("divergence", "No divergence to show"));
        divergence.setData(
                d == null || d.histogram() == null ? List.of() : List.of(series("pairs", d.histogram(), CANDIDATE)),
                null,
                d == null ? "" : d.measure());
        List<HistogramChart.Series> lat = new ArrayList<>();
        if (s.latencyMs().baseline() != null)
            lat.add(series("baseline", s.latencyMs().baseline().histogram(), BASELINE));
        if (s.latencyMs().candidate() != null)
            lat.add(series("candidate", s.latencyMs().candidate().histogram(), CANDIDATE));
        latency.setData(
                lat,
                new HistogramChart.Marker(
                        s.latencyMs().budgetMs(),
                        "budget " + FigureFormat.ms(s.latencyMs().budgetMs()),
                        Color.web("#cf222e")),
                "latency (ms)");
        showPredictions(s);
        showTrend(s);
    }

    private void showPredictions(Summary s) {
        List<HistogramChart.Series> out = new ArrayList<>();
        if (s.predictionHistograms() != null) {
            if (s.predictionHistograms().baseline() != null)
                out.add(series("baseline", s.predictionHistograms().baseline(), BASELINE));
            if (s.predictionHistograms().candidate() != null)
                out.add(series("candidate", s.predictionHistograms().candidate(), CANDIDATE));
        }
        predictions.setEmptyText("No numeric predictions or scores on both sides");
        predictions.setData(out, null, "prediction");
    }

    private void showTrend(Summary s) {
        trend.getData().clear();
        List<Summary.Group> days =
                s.breakdowns() == null ? List.of() : s.breakdowns().byDay();
        boolean several = days.size() > 1;
        trendBox.setVisible(several);
        trendBox.setManaged(several);
        if (!several) return;
        XYChart.Series<String, Number> mean = new XYChart.Series<>();
        mean.setName("mean |difference|");
        XYChart.Series<String, Number> p95 = new XYChart.Series<>();
        p95.setName("p95 |difference|");
        for (Summary.Group g : days) {
            if (g.meanAbs() != null) mean.getData().add(new XYChart.Data<>(g.key(), g.meanAbs()));
            if (g.p95Abs() != null) p95.getData().add(new XYChart.Data<>(g.key(), g.p95Abs()));
        }
        trend.getData().addAll(List.of(mean, p95));
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

    private static HistogramChart.Series series(String name, Summary.Histogram h, Color c) {
        double[] e = h.edges().stream().mapToDouble(Double::doubleValue).toArray();
        long[] n = h.counts().stream().mapToLong(Long::longValue).toArray();
        return new HistogramChart.Series(name, e, n, c);
    }

    private static VBox chartBox(String name, Node chart) {
        Label l = new Label(name);
        l.getStyleClass().add("card-title");
        VBox box = new VBox(4, l, chart);
        box.getStyleClass().add("card");
        box.setPadding(new Insets(10));
        VBox.setVgrow(chart, Priority.ALWAYS);
        return box;
    }

    private static Label sectionTitle(String t) {
        Label l = new Label(t);
        l.getStyleClass().add("section-title");
        return l;
    }

    private static TableColumn<Check, String> col(String name, java.util.function.Function<Check, String> f, double w) {
        TableColumn<Check, String> c = new TableColumn<>(name);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(f.apply(cell.getValue())));
        c.setPrefWidth(w);
        return c;
    }
}
