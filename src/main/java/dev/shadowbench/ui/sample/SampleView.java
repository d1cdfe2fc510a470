package dev.shadowbench.ui.sample;

import dev.shadowbench.core.review.PairDetail;
import dev.shadowbench.core.review.PairVerdict;
import dev.shadowbench.core.review.SamplePair;
import dev.shadowbench.ui.common.Tables;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
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
import org.controlsfx.control.table.TableFilter;

/** The Sample screen: the seeded random sample, sortable and filterable, with verdicts and a detail pane. */
public final class SampleView extends BorderPane {
    private final SampleViewModel vm;
    private final TextField note = new TextField();
    private final TextArea records = new TextArea();
    private SplitPane split;

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
        split = new SplitPane(table, detailPane());
        split.setDividerPositions(vm.dividerProperty().get());
        split.getDividers().get(0).positionProperty().addListener((o, a, b) -> vm.dividerProperty()
                .set(b.doubleValue()));
        split.setOnMouseReleased(e -> vm.rememberDivider());
        setCenter(split);
    }

    private TableView<SamplePair> table() {
        TableView<SamplePair> t = new TableView<>(vm.visiblePairs());
        t.setId("sample-table");
        t.setPlaceholder(placeholder());
        t.getColumns().add(Tables.text("Flag", p -> vm.flagged().contains(p.requestId()) ? "⚑ outlier" : ""));
        t.getColumns().add(Tables.id("Request", SamplePair::requestId));
        t.getColumns().add(Tables.text("Segment", SamplePair::segment));
        t.getColumns().add(Tables.number("Baseline", SamplePair::baseline));
        t.getColumns().add(Tables.number("Candidate", SamplePair::candidate));
        t.getColumns().add(Tables.number("Difference", SamplePair::difference));
        t.getColumns().add(Tables.number("Label", SamplePair::label));
        t.getColumns().add(Tables.number("Base ms", SamplePair::baselineLatencyMs));
        t.getColumns().add(Tables.number("Cand ms", SamplePair::candidateLatencyMs));
        t.getColumns().add(Tables.text("Verdict", p -> p.verdict() == null ? "" : p.verdict()));
        Tables.fit(t, null);
        // ControlsFX's column filter (right-click a header): it sorts and filters the rows it wraps
        TableFilter.forTableView(t).lazy(true).apply();
        Tables.onOpen(t, p -> showDetail());
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

    /** The row's detail is the pane beside the table: a double-click (or Enter) opens it if narrowed, and focuses it. */
    private void showDetail() {
        if (split.getDividerPositions()[0] > 0.75) split.setDividerPositions(0.6);
        records.requestFocus();
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
}
