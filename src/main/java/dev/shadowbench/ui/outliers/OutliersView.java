package dev.shadowbench.ui.outliers;

import dev.shadowbench.core.outliers.Finding;
import dev.shadowbench.core.outliers.OutlierSettings;
import dev.shadowbench.ui.common.Tables;
import dev.shadowbench.ui.outliers.OutliersViewModel.Row;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.table.TableFilter;

/** The Outliers screen: banners for findings, the flagged pairs (sortable, dismissible), the rule switches. */
public final class OutliersView extends BorderPane {
    private static final PseudoClass DISMISSED = PseudoClass.getPseudoClass("dismissed");
    private final OutliersViewModel vm;
    private final Map<String, CheckBox> ruleSwitches = new LinkedHashMap<>();
    private final Map<String, TextField> thresholds = new LinkedHashMap<>();

    public OutliersView(OutliersViewModel vm) {
        this.vm = vm;
        getStyleClass().add("screen");
        Label title = new Label("Outliers");
        title.getStyleClass().add("title-3");
        Label headline = new Label();
        headline.setId("outliers-headline");
        headline.setWrapText(true);
        headline.textProperty().bind(vm.headlineProperty());
        VBox banners = new VBox(4);
        banners.setId("outliers-banners");
        vm.findings().addListener((ListChangeListener<Finding>) c -> showBanners(banners));
        VBox top = new VBox(6, title, headline, banners);
        top.setPadding(new Insets(0, 0, 12, 0));
        setTop(top);
        setCenter(tableAndActions());
        setRight(settingsPanel());
        setPadding(new Insets(16));
        vm.start();
    }

    private void showBanners(VBox banners) {
        List<Node> nodes = new ArrayList<>();
        for (Finding f : vm.findings()) {
            Label l = new Label(f.detail());
            l.setWrapText(true);
            l.setMaxWidth(Double.MAX_VALUE);
            l.getStyleClass().addAll("outlier-banner", "outlier-banner-" + f.severity());
            nodes.add(l);
        }
        banners.getChildren().setAll(nodes);
    }

    private Node tableAndActions() {
        TableView<Row> table = new TableView<>(vm.rows());
        table.setId("outliers-table");
        table.setPlaceholder(new Label("No flagged pairs: every enabled rule passed."));
        table.getColumns().add(Tables.id("Request id", Row::requestId));
        table.getColumns().add(Tables.text("Rule", r -> r.outlier().rule()));
        table.getColumns().add(Tables.number("Baseline", r -> r.outlier().baseline()));
        table.getColumns().add(Tables.number("Candidate", r -> r.outlier().candidate()));
        table.getColumns().add(Tables.number("Label", r -> r.outlier().label()));
        table.getColumns().add(Tables.text("Status", Row::status));
        table.getColumns().add(Tables.text("Dismissed by", Row::dismissedBy));
        table.getColumns().add(Tables.longText("Note", Row::note));
        TableColumn<Row, String> reason =
                Tables.longText("Reason", r -> r.outlier().detail());
        table.getColumns().add(reason);
        Tables.fit(table, reason);
        // ControlsFX's column filter (right-click a header): it sorts and filters the rows it wraps
        TableFilter.forTableView(table).lazy(true).apply();
        // the pair behind a flag: the Sample screen shows it with both records in full
        Tables.onOpen(table, r -> vm.openPair(r));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Row item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(DISMISSED, !empty && item != null && item.dismissed());
            }
        });

        TextField note = new TextField();
        note.setId("outliers-note");
        note.setPromptText("Why this flag is fine (kept with the dismissal)");
        HBox.setHgrow(note, Priority.ALWAYS);
        Button dismiss = new Button("Dismiss");
        dismiss.setId("outliers-dismiss");
        dismiss.disableProperty()
                .bind(table.getSelectionModel().selectedItemProperty().isNull());
        dismiss.setOnAction(e -> {
            vm.dismiss(table.getSelectionModel().getSelectedItem(), note.getText());
            note.clear();
            // the dismissed row leaves the list: nothing stays selected, so a second click dismisses nothing else
            table.getSelectionModel().clearSelection();
        });
        Button restore = new Button("Restore");
        restore.setId("outliers-restore");
        restore.disableProperty()
                .bind(table.getSelectionModel().selectedItemProperty().isNull());
        restore.setOnAction(e -> vm.restore(table.getSelectionModel().getSelectedItem()));
        CheckBox showDismissed = new CheckBox("Show dismissed");
        showDismissed.setId("outliers-show-dismissed");
        showDismissed.selectedProperty().bindBidirectional(vm.showDismissedProperty());
        HBox actions = new HBox(8, note, dismiss, restore, showDismissed, ruleFilter());
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.setPadding(new Insets(8, 0, 0, 0));
        BorderPane p = new BorderPane(table);
        p.setBottom(actions);
        return p;
    }

    /** The rule filter: "All rules (653 open, 2 dismissed)", then each rule with its own counts. */
    private ComboBox<OutliersViewModel.RuleCount> ruleFilter() {
        ComboBox<OutliersViewModel.RuleCount> box = new ComboBox<>(vm.ruleCounts());
        box.setId("outliers-rule-filter");
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(OutliersViewModel.RuleCount r) {
                return r == null ? "" : r.label();
            }

            @Override
            public OutliersViewModel.RuleCount fromString(String s) {
                return null;
            }
        });
        boolean[] syncing = {false};
        box.valueProperty().addListener((o, a, r) -> {
            if (!syncing[0] && r != null) vm.ruleFilterProperty().set(r.rule());
        });
        Runnable reselect = () -> {
            syncing[0] = true;
            try {
                String rule = vm.ruleFilterProperty().get();
                box.setValue(vm.ruleCounts().stream()
                        .filter(r -> java.util.Objects.equals(r.rule(), rule))
                        .findFirst()
                        .orElse(null));
            } finally {
                syncing[0] = false;
            }
        };
        vm.ruleCounts().addListener((ListChangeListener<OutliersViewModel.RuleCount>) c -> reselect.run());
        vm.ruleFilterProperty().addListener((o, a, b) -> reselect.run());
        reselect.run();
        return box;
    }

    private Node settingsPanel() {
        VBox box = new VBox(6);
        box.setId("outliers-settings");
        box.setPadding(new Insets(0, 0, 0, 12));
        Label head = new Label("Rules");
        head.getStyleClass().add("title-4");
        box.getChildren().add(head);
        for (String rule : OutlierSettings.RULES) {
            CheckBox on = new CheckBox(rule);
            on.setMnemonicParsing(false);
            on.setId("rule-" + rule);
            on.setTooltip(new Tooltip(OutlierSettings.meaning(rule)));
            ruleSwitches.put(rule, on);
            box.getChildren().add(on);
            GridPane grid = new GridPane();
            grid.setHgap(6);
            grid.setVgap(4);
            grid.setPadding(new Insets(0, 0, 0, 24));
            int row = 0;
            for (OutlierSettings.Param p : OutlierSettings.PARAMS) {
                if (!p.rule().equals(rule)) continue;
                TextField f = new TextField();
                f.setId("param-" + p.rule() + "-" + p.key());
                f.setPrefColumnCount(6);
                f.setTooltip(new Tooltip(p.meaning()));
                f.disableProperty().bind(on.selectedProperty().not());
                thresholds.put(p.name(), f);
                grid.addRow(row++, new Label(p.key()), f);
            }
            if (row > 0) box.getChildren().add(grid);
        }
        Button apply = new Button("Apply");
        apply.setId("outliers-apply");
        apply.setDefaultButton(false);
        apply.setOnAction(e -> vm.applySettings(assignments()));
        Button reset = new Button("Defaults");
        reset.setOnAction(e -> vm.resetSettings());
        Label error = new Label();
        error.setId("outliers-settings-error");
        error.setWrapText(true);
        error.setMaxWidth(240);
        error.getStyleClass().add("danger");
        error.textProperty().bind(vm.settingsErrorProperty());
        box.getChildren().addAll(new HBox(8, apply, reset), error);
        vm.settingsProperty().addListener((o, a, s) -> showSettings(s));
        showSettings(vm.settingsProperty().get());
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setPrefWidth(270);
        return scroll;
    }

    private void showSettings(OutlierSettings s) {
        ruleSwitches.forEach((rule, box) -> box.setSelected(s.enabled(rule)));
        thresholds.forEach((name, field) -> field.setText(trim(s.value(name))));
    }

    /** The form as {@code rule.key=value} assignments; the view model validates them. */
    private List<String> assignments() {
        List<String> out = new ArrayList<>();
        ruleSwitches.forEach((rule, box) -> out.add(rule + ".enabled=" + box.isSelected()));
        thresholds.forEach((name, field) -> out.add(name + "=" + field.getText().trim()));
        return out;
    }

    private static String trim(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
