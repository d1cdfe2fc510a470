package dev.shadowbench.ui.canary;

import dev.shadowbench.core.chart.Palette;
import dev.shadowbench.core.chart.Plot.Role;
import dev.shadowbench.ui.canary.CanaryViewModel.Row;
import dev.shadowbench.ui.canary.CanaryViewModel.Series;
import dev.shadowbench.ui.charts.ChartPalette;
import java.util.List;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Canary screen: per day the planned and observed share, requests, complaint rate with its interval and latency
 * p95 per arm and the distribution shift, as a table and two charts over the days; the advice with the next step and
 * a button to record it; the ramp plan and a form to set a step.
 */
public final class CanaryView extends BorderPane {

    public CanaryView(CanaryViewModel vm) {
        getStyleClass().add("screen");
        setPadding(new Insets(16));
        Label title = new Label("Canary");
        title.getStyleClass().add("title-3");
        Label message = new Label();
        message.setId("canary-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        Label advice = new Label();
        advice.setId("canary-advice");
        advice.setWrapText(true);
        advice.textProperty().bind(vm.adviceProperty());
        Button decide = new Button("Record the decision…");
        decide.setId("canary-decide");
        decide.disableProperty().bind(vm.reviewProperty().isNull());
        decide.setOnAction(e -> vm.decide());
        HBox adviceRow = new HBox(12, advice, decide);
        adviceRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(advice, Priority.ALWAYS);
        VBox top = new VBox(6, title, message, adviceRow);
        top.setPadding(new Insets(0, 0, 12, 0));
        setTop(top);

        TableView<Row> table = new TableView<>(vm.rows());
        table.setId("canary-days");
        table.setPlaceholder(new Label("No canary days in this comparison."));
        table.getColumns().add(col("Day", Row::date));
        table.getColumns().add(col("Planned", Row::planned));
        table.getColumns().add(col("Observed", Row::observed));
        table.getColumns().add(col("Baseline requests", Row::baselineRequests));
        table.getColumns().add(col("Candidate requests", Row::candidateRequests));
        table.getColumns().add(col("Baseline complaints [95% CI]", Row::baselineComplaints));
        table.getColumns().add(col("Candidate complaints [95% CI]", Row::candidateComplaints));
        table.getColumns().add(col("Complaints", Row::complaintReading));
        table.getColumns().add(col("Baseline p95", Row::baselineP95));
        table.getColumns().add(col("Candidate p95", Row::candidateP95));
        table.getColumns().add(col("Prediction shift", Row::shift));
        // the table as tall as its days (up to a dozen), the charts take the rest of the screen
        vm.rows().addListener((javafx.collections.ListChangeListener<Row>)
                ch -> table.setPrefHeight(ROW_HEIGHT * (Math.min(vm.rows().size(), 12) + 1.6)));
        table.setPrefHeight(ROW_HEIGHT * 5.6);
        table.setMinHeight(ROW_HEIGHT * 3.6);
        dev.shadowbench.ui.common.Tables.fit(table, null);

        LineChart<String, Number> share = chart("canary-share-chart", "Share of traffic (%)");
        // a share runs from 0 to 100%: a fixed axis shows a 1% day as small as it is
        NumberAxis shareAxis = (NumberAxis) share.getYAxis();
        shareAxis.setAutoRanging(false);
        shareAxis.setLowerBound(0);
        shareAxis.setUpperBound(100);
        shareAxis.setTickUnit(25);
        LineChart<String, Number> complaints = chart("canary-complaint-chart", "Complaint rate (%)");
        // the app's chart colours: planned as the reference line, each arm in its colour as on the Dashboard
        colour(share, Role.REFERENCE, Role.CANDIDATE);
        colour(complaints, Role.BASELINE, Role.CANDIDATE);
        ChartPalette.darkProperty().addListener((o, a, b) -> {
            colour(share, Role.REFERENCE, Role.CANDIDATE);
            colour(complaints, Role.BASELINE, Role.CANDIDATE);
        });
        vm.shareChartProperty().addListener((o, a, s) -> fill(share, s));
        vm.complaintChartProperty().addListener((o, a, s) -> fill(complaints, s));
        HBox charts = new HBox(12, share, complaints);
        HBox.setHgrow(share, Priority.ALWAYS);
        HBox.setHgrow(complaints, Priority.ALWAYS);

        Label plan = new Label();
        plan.setId("canary-plan");
        plan.setWrapText(true);
        plan.textProperty().bind(vm.planProperty());
        TextField day = new TextField();
        day.setId("canary-step-day");
        day.setPromptText("YYYY-MM-DD");
        day.textProperty().bindBidirectional(vm.stepDayProperty());
        TextField stepShare = new TextField();
        stepShare.setId("canary-step-share");
        stepShare.setPromptText("20%");
        stepShare.setPrefColumnCount(6);
        stepShare.textProperty().bindBidirectional(vm.stepShareProperty());
        Button set = new Button("Set step");
        set.setId("canary-set-step");
        set.setOnAction(e -> vm.setStep());
        HBox form = new HBox(8, new Label("Ramp step: from"), day, new Label("serve"), stepShare, set);
        form.setAlignment(Pos.CENTER_LEFT);

        VBox center = new VBox(10, table, charts, plan, form);
        VBox.setVgrow(charts, Priority.ALWAYS);
        share.setMaxHeight(Double.MAX_VALUE);
        complaints.setMaxHeight(Double.MAX_VALUE);
        setCenter(center);
    }

    /** Height of a table row in the theme, to size the table to its days. */
    private static final double ROW_HEIGHT = 29;

    /** The first and second series' colours (line, symbols and legend) through the theme's chart colour variables. */
    private static void colour(LineChart<String, Number> chart, Role first, Role second) {
        boolean dark = ChartPalette.darkProperty().get();
        chart.setStyle(
                "-color-chart-1: " + Palette.hex(first, dark) + "; -color-chart-2: " + Palette.hex(second, dark) + ";");
    }

    private static LineChart<String, Number> chart(String id, String title) {
        NumberAxis y = new NumberAxis();
        y.setLabel("%");
        LineChart<String, Number> c = new LineChart<>(new CategoryAxis(), y);
        c.setId(id);
        c.setTitle(title);
        c.setAnimated(false);
        c.setPrefHeight(220);
        return c;
    }

    private static void fill(LineChart<String, Number> chart, List<Series> series) {
        chart.getData().clear();
        for (Series s : series) {
            XYChart.Series<String, Number> line = new XYChart.Series<>();
            line.setName(s.name());
            for (CanaryViewModel.Point p : s.points()) line.getData().add(new XYChart.Data<>(p.day(), p.percent()));
            chart.getData().add(line);
        }
    }

    private static TableColumn<Row, String> col(String name, Function<Row, String> value) {
        return dev.shadowbench.ui.common.Tables.text(name, value);
    }
}
