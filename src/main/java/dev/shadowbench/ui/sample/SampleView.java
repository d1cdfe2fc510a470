package dev.shadowbench.ui.sample;

import dev.shadowbench.core.format.FigureFormat;
import dev.shadowbench.core.review.PairDetail;
import dev.shadowbench.core.review.PairVerdict;
import dev.shadowbench.core.review.SamplePair;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The Sample screen: the seeded random sample, sortable and filterable, with verdicts and a detail pane. */
public final class SampleView extends BorderPane {
    private final SampleViewModel vm;
    private final TextField note = new TextField();

    public SampleView(SampleViewModel vm) {
        this.vm = vm;
        getStyleClass().add("screen");
        setPadding(new Insets(16));

        Label title = new Label("Random sample");
        title.getStyleClass().add("title-3");
        Spinner<Integer> size = new Spinner<>(1, 100_000, vm.sizeProperty().get(), 50);
        size.setId("sample-size");
        size.setEditable(true);
        size.setPrefWidth(100);
        size.valueProperty().addListener((o, a, b) -> vm.sizeProperty().set(b));
        TextField seed = new TextField(String.valueOf(vm.seedProperty().get()));
        seed.setId("sample-seed");
        seed.setPrefColumnCount(8);
        seed.setTextFormatter(new TextFormatter<>(c -> c.getControlNewText().matches("\\d{0,18}") ? c : null));
        vm.seedProperty().addListener((o, a, b) -> seed.setText(String.valueOf(b)));
        Button draw = new Button("Draw");
        draw.setId("sample-draw");
        draw.setDefaultButton(false);
        Runnable drawWithSeed = () -> {
            if (!seed.getText().isEmpty()) vm.seedProperty().set(Long.parseLong(seed.getText()));
            vm.draw();
        };
        draw.setOnAction(e -> drawWithSeed.run());
        seed.setOnAction(e -> drawWithSeed.run());
        Button again = new Button("New sample");
        again.setId("sample-new");
        again.setTooltip(new Tooltip("Draw again with a new random seed"));
        again.setOnAction(e -> vm.newSample());
        CheckBox strat = new CheckBox("Add the " + SampleViewModel.EXTREMES + " most extreme pairs");
        strat.setId("sample-stratified");
        strat.selectedProperty().bindBidirectional(vm.stratifiedProperty());
        strat.setOnAction(e -> vm.draw());
        TextField filter = new TextField();
        filter.setId("sample-filter");
        filter.setPromptText("Filter: id, segment, verdict");
        filter.textProperty().bindBidirectional(vm.filterProperty());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox controls = new HBox(8, new Label("Size"), size, new Label("Seed"), seed, draw, again, strat, grow, filter);
        controls.setAlignment(Pos.CENTER_LEFT);
        Label status = new Label();
        status.setId("sample-status");
        status.textProperty().bind(vm.messageProperty());
        Button all = new Button("Show all pairs");
        all.setId("sample-within-clear");
        all.setOnAction(e -> vm.showAllPairs());
        all.visibleProperty().bind(vm.withinProperty().isNotNull());
        all.managedProperty().bind(all.visibleProperty());
        HBox statusLine = new HBox(10, status, all);
        statusLine.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(8, title, controls, statusLine);
        top.setPadding(new Insets(0, 0, 10, 0));
        setTop(top);

        TableView<SamplePair> table = table();
        SplitPane split = new SplitPane(table, detailPane());
        split.setDividerPositions(vm.dividerProperty().get());
        split.getDividers().get(0).positionProperty().addListener((o, a, b) -> vm.dividerProperty()
                .set(b.doubleValue()));
        split.setOnMouseReleased(e -> vm.rememberDivider());
        setCenter(split);
    }

    private TableView<SamplePair> table() {
        SortedList<SamplePair> sorted = new SortedList<>(vm.visiblePairs());
        TableView<SamplePair> t = new TableView<>(sorted);
        t.setId("sample-table");
        sorted.comparatorProperty().bind(t.comparatorProperty());
        t.setPlaceholder(placeholder());
        t.getColumns().add(col("Request", SamplePair::requestId, 150));
        t.getColumns().add(col("Segment", SamplePair::segment, 70));
        t.getColumns().add(num("Baseline", SamplePair::baseline));
        t.getColumns().add(num("Candidate", SamplePair::candidate));
        t.getColumns().add(num("Difference", SamplePair::difference));
        t.getColumns().add(num("Label", SamplePair::label));
        t.getColumns().add(num("Base ms", SamplePair::baselineLatencyMs));
        t.getColumns().add(num("Cand ms", SamplePair::candidateLatencyMs));
        t.getColumns().add(col("Verdict", p -> p.verdict() == null ? "" : p.verdict(), 80));
        t.getColumns().add(0, col("Flag", p -> vm.flagged().contains(p.requestId()) ? "⚑ outlier" : "", 80));
        t.setRowFactory(tv -> new TableRow<>() {
            @Override
            protected void updateItem(SamplePair p, boolean empty) {
                super.updateItem(p, empty);
                getStyleClass()
                        .removeAll("extreme-row", "flagged-row", "verdict-ok", "verdict-suspicious", "verdict-wrong");
                if (p == null || empty) return;
                if (vm.flagged().contains(p.requestId())) getStyleClass().add("flagged-row");
                if (p.extreme()) getStyleClass().add("extreme-row");
                if (p.verdict() != null) getStyleClass().add("verdict-" + p.verdict());
            }
        });
        t.getSelectionModel().selectedItemProperty().addListener((o, a, p) -> vm.selectedProperty()
                .set(p));
        vm.selectedProperty().addListener((o, a, p) -> {
            if (p != null && t.getSelectionModel().getSelectedItem() != p)
                t.getSelectionModel().select(p);
        });
        // O, S, W mark the selected pair without leaving the keyboard.
        t.setOnKeyPressed(e -> {
            PairVerdict v = e.getCode() == KeyCode.O
                    ? PairVerdict.OK
                    : e.getCode() == KeyCode.S
                            ? PairVerdict.SUSPICIOUS
                            : e.getCode() == KeyCode.W ? PairVerdict.WRONG : null;
            if (v != null && !e.isShortcutDown()) {
                vm.mark(vm.selectedProperty().get(), v, note.getText());
                e.consume();
            }
        });
        return t;
    }

    private Label placeholder() {
        Label l = new Label();
        l.textProperty().bind(vm.messageProperty());
        l.setWrapText(true);
        return l;
    }

    private VBox detailPane() {
        Label id = new Label("Select a pair to see both records in full.");
        id.setId("detail-title");
        id.setWrapText(true);
        note.setId("verdict-note");
        note.setPromptText("Note (optional)");
        Button ok = verdictButton("OK", PairVerdict.OK, "verdict-ok-button");
        Button sus = verdictButton("Suspicious", PairVerdict.SUSPICIOUS, "verdict-suspicious-button");
        Button wrong = verdictButton("Wrong", PairVerdict.WRONG, "verdict-wrong-button");
        HBox buttons = new HBox(6, ok, sus, wrong);
        buttons.disableProperty().bind(vm.selectedProperty().isNull());
        Label keys = new Label("Keys in the table: O ok · S suspicious · W wrong");
        keys.getStyleClass().add("text-muted");
        TextArea records = new TextArea();
        records.setId("detail-records");
        records.setEditable(false);
        records.getStyleClass().add("monospace");
        VBox.setVgrow(records, Priority.ALWAYS);
        vm.selectedProperty().addListener((o, a, p) -> {
            id.setText(
                    p == null
                            ? "Select a pair to see both records in full."
                            : "Request " + p.requestId() + (p.verdict() == null ? "" : " · verdict: " + p.verdict()));
            note.setText(p == null || p.note() == null ? "" : p.note());
        });
        vm.detailProperty().addListener((o, a, d) -> records.setText(d == null ? "" : render(d)));
        VBox box = new VBox(8, id, note, buttons, keys, records);
        box.setPadding(new Insets(0, 0, 0, 10));
        return box;
    }

    private Button verdictButton(String text, PairVerdict v, String id) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> vm.mark(vm.selectedProperty().get(), v, note.getText()));
        return b;
    }

    /** Plain text, never markup: values from logs are shown as they are. */
    static String render(PairDetail d) {
        StringBuilder sb = new StringBuilder();
        section(sb, "Baseline", d.baseline());
        section(sb, "Candidate", d.candidate());
        section(sb, "Label", d.labels());
        return sb.toString();
    }

    private static void section(StringBuilder sb, String name, List<Map<String, String>> rows) {
        sb.append("── ")
                .append(name)
                .append(rows.size() > 1 ? " (" + rows.size() + " records: logged more than once)" : "")
                .append(rows.isEmpty() ? ": none" : "")
                .append('\n');
        for (Map<String, String> r : rows) {
            r.forEach((k, v) -> sb.append(String.format(Locale.ROOT, "%-16s %s%n", k, v == null ? "—" : v)));
            sb.append('\n');
        }
    }

    private static TableColumn<SamplePair, String> col(String name, Function<SamplePair, String> f, double width) {
        TableColumn<SamplePair, String> c = new TableColumn<>(name);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(f.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static TableColumn<SamplePair, Double> num(String name, Function<SamplePair, Double> f) {
        TableColumn<SamplePair, Double> c = new TableColumn<>(name);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(f.apply(cell.getValue())));
        c.setPrefWidth(80);
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        c.setCellFactory(tc -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Double v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty ? null : FigureFormat.num(v));
            }
        });
        return c;
    }
}
