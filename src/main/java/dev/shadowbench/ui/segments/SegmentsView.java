package dev.shadowbench.ui.segments;

import dev.shadowbench.core.compare.Summary;
import dev.shadowbench.core.format.FigureFormat;
import dev.shadowbench.ui.common.DialogService;
import dev.shadowbench.ui.common.Tables;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Segments screen (Ctrl+8): the summary's figures per segment, worst first, and per day; double-click (or Enter)
 * a segment for its figures in full, a day to narrow the whole review to that day.
 */
public final class SegmentsView extends BorderPane {

    public SegmentsView(SegmentsViewModel vm, DialogService dialogs) {
        getStyleClass().add("screen");
        setPadding(new Insets(16));
        Label title = new Label("Segments and days");
        title.getStyleClass().add("title-3");
        Label message = new Label();
        message.setId("segments-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        Label hint = new Label("Worst first: divergence p95 (disagreement for classes), then candidate latency p99. "
                + "Double-click a segment for its figures, a day to review that day alone.");
        hint.getStyleClass().add("text-muted");
        hint.setWrapText(true);
        Button whole = new Button();
        whole.setId("segments-whole-window");
        whole.textProperty()
                .bind(vm.wholeWindowProperty()
                        .map(c -> "Back to "
                                + (c.from() == null && c.to() == null ? "all days" : c.from() + " .. " + c.to())));
        whole.visibleProperty().bind(vm.wholeWindowProperty().isNotNull());
        whole.managedProperty().bind(whole.visibleProperty());
        whole.setOnAction(e -> vm.restoreWindow());
        HBox line = new HBox(10, message, whole);
        line.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(6, title, hint, line);
        top.setPadding(new Insets(0, 0, 12, 0));
        setTop(top);

        TableView<Summary.Group> segments = table("segments-table", "Segment", vm.segments());
        segments.setPlaceholder(new Label(""));
        Tables.openInDetail(segments, dialogs, g -> "Segment " + g.key());
        TableView<Summary.Group> days = table("segments-days", "Day", vm.days());
        days.setPlaceholder(new Label(""));
        Tables.onOpen(days, vm::narrowToDay);
        VBox segBox = new VBox(6, sectionTitle("By segment (worst first)"), segments);
        VBox dayBox = new VBox(6, sectionTitle("By day"), days);
        VBox.setVgrow(segments, Priority.ALWAYS);
        VBox.setVgrow(days, Priority.ALWAYS);
        SplitPane split = new SplitPane(segBox, dayBox);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.6);
        setCenter(split);
    }

    private static TableView<Summary.Group> table(
            String id, String keyName, javafx.collections.ObservableList<Summary.Group> rows) {
        TableView<Summary.Group> t = new TableView<>(rows);
        t.setId(id);
        t.getColumns().add(Tables.text(keyName, g -> g.key() == null ? "(none)" : g.key()));
        t.getColumns().add(Tables.count("Pairs", Summary.Group::paired));
        t.getColumns().add(Tables.number("Divergence p95", Summary.Group::p95Abs));
        t.getColumns().add(Tables.number("Mean |c − b|", Summary.Group::meanAbs));
        t.getColumns().add(Tables.number("Disagreement", Summary.Group::disagreementRate, FigureFormat::pct));
        // MAE (regression) or error rate (classification) against the labels; blank without labels
        t.getColumns().add(Tables.number("Baseline label error", Summary.Group::baselineLabelError));
        t.getColumns().add(Tables.number("Candidate label error", Summary.Group::candidateLabelError));
        t.getColumns().add(Tables.number("Baseline p99", Summary.Group::baselineLatencyP99, FigureFormat::ms));
        t.getColumns().add(Tables.number("Candidate p99", Summary.Group::candidateLatencyP99, FigureFormat::ms));
        t.getColumns().add(Tables.number("Flagged", Summary.Group::flaggedShare, FigureFormat::pct));
        t.getColumns().add(Tables.number("Baseline p95", Summary.Group::baselineLatencyP95, FigureFormat::ms));
        TableColumn<Summary.Group, Double> last =
                Tables.number("Candidate p95", Summary.Group::candidateLatencyP95, FigureFormat::ms);
        t.getColumns().add(last);
        Tables.fit(t, null);
        return t;
    }

    private static Label sectionTitle(String t) {
        Label l = new Label(t);
        l.getStyleClass().add("section-title");
        return l;
    }
}
