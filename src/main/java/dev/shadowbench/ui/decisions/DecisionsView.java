package dev.shadowbench.ui.decisions;

import dev.shadowbench.core.decide.DecisionRecord;
import dev.shadowbench.core.decide.DecisionType;
import dev.shadowbench.core.decide.GateResult;
import dev.shadowbench.core.decide.Stage;
import dev.shadowbench.ui.common.Tables;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The Decisions screen: gates with value and threshold, the decision form, the verified history, Export (Ctrl+E). */
public final class DecisionsView extends BorderPane {

    public DecisionsView(DecisionsViewModel vm) {
        getStyleClass().add("screen");
        setPadding(new Insets(16));

        Label title = new Label("Decisions");
        title.getStyleClass().add("title-3");
        Label candidate = new Label();
        candidate.setId("decisions-candidate");
        candidate.textProperty().bind(vm.candidateProperty());
        Label recommendation = new Label();
        recommendation.setId("decisions-recommendation");
        recommendation.getStyleClass().add("title-4");
        recommendation.textProperty().bind(vm.recommendationProperty());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Button export = new Button("Export report…");
        export.setId("decisions-export");
        export.setTooltip(new Tooltip("Ctrl+E: HTML, Markdown or JSON (by file extension)"));
        export.setOnAction(e -> vm.exportReport());
        HBox head = new HBox(12, new VBox(4, title, candidate, recommendation), grow, export);
        head.setAlignment(Pos.TOP_LEFT);
        head.setPadding(new Insets(0, 0, 12, 0));
        setTop(head);

        TableView<GateResult> gates = new TableView<>(vm.gates());
        gates.setId("decisions-gates");
        gates.setPlaceholder(new Label("No comparison yet: import live and shadow logs."));
        gates.getColumns().add(col("Gate", g -> g.label() + (g.critical() ? " (critical)" : "")));
        gates.getColumns().add(col("Value", GateResult::shownValue));
        gates.getColumns().add(col("Threshold", GateResult::threshold));
        TableColumn<GateResult, String> result = col("Result", g -> g.status().label());
        result.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
                getStyleClass().removeAll("success", "danger", "text-muted");
                if (!empty && s != null)
                    getStyleClass().add(s.equals("pass") ? "success" : s.equals("fail") ? "danger" : "text-muted");
            }
        });
        gates.getColumns().add(result);
        TableColumn<GateResult, String> detail = Tables.longText("Detail", GateResult::detail);
        gates.getColumns().add(detail);
        Tables.fit(gates, detail);
        Tables.openInDetail(gates, vm.dialogs(), GateResult::label);
        gates.setPrefHeight(300);

        VBox history = historyPane(vm);
        VBox center = new VBox(12, gates, history);
        VBox.setVgrow(history, Priority.ALWAYS);
        setCenter(center);
        HBox right = new HBox(16, evidence(vm), form(vm));
        right.setPadding(new Insets(0, 0, 0, 16));
        setRight(right);

        // Ctrl+E works wherever focus is, but only while this screen is the one shown (it has a scene then).
        KeyCombination exportKey = new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN);
        sceneProperty().addListener((o, old, scene) -> {
            if (scene != null)
                scene.getAccelerators().put(exportKey, () -> {
                    if (getScene() == scene) vm.exportReport();
                });
        });
        vm.reload();
    }

    private static VBox historyPane(DecisionsViewModel vm) {
        Label badge = new Label();
        badge.setId("decisions-verification");
        badge.textProperty().bind(vm.verificationProperty());
        vm.intactProperty().addListener((o, a, ok) -> {
            badge.getStyleClass().removeAll("success", "danger");
            if (ok != null) badge.getStyleClass().add(ok ? "success" : "danger");
        });
        TableView<DecisionRecord> table = new TableView<>(vm.history());
        table.setId("decisions-history");
        table.setPlaceholder(new Label("No decisions recorded yet."));
        table.getColumns().add(col("#", d -> String.valueOf(d.seq())));
        table.getColumns().add(col("When (UTC)", DecisionRecord::decidedAt));
        table.getColumns().add(col("Decision", DecisionRecord::decision));
        table.getColumns().add(col("Version", d -> d.versionKey() == null ? "" : d.versionKey()));
        table.getColumns().add(col("Stage", d -> d.stage() == null ? "" : d.stage()));
        table.getColumns().add(col("Reviewer", DecisionRecord::reviewer));
        TableColumn<DecisionRecord, String> note = Tables.longText("Note", d -> d.note() == null ? "" : d.note());
        table.getColumns().add(note);
        table.getColumns().add(Tables.id("Hash", d -> d.hash() == null ? "" : d.hash()));
        Tables.fit(table, note);
        Tables.openInDetail(table, vm.dialogs(), d -> "Decision #" + d.seq());
        VBox box = new VBox(6, new Label("History"), badge, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        return box;
    }

    /** What the decision rests on, beside the form: the gates, the reviewed sample, the open flags. */
    private static VBox evidence(DecisionsViewModel vm) {
        Label head = new Label("Evidence");
        head.getStyleClass().add("title-4");
        Label recommendation = wrapped("evidence-recommendation", vm.recommendationProperty());
        recommendation.getStyleClass().add("text-bold");
        VBox box = new VBox(
                8,
                head,
                recommendation,
                wrapped("evidence-gates", vm.gatesEvidenceProperty()),
                wrapped("evidence-sample", vm.sampleEvidenceProperty()),
                wrapped("evidence-flags", vm.flagsEvidenceProperty()));
        box.setId("decisions-evidence");
        box.getStyleClass().add("evidence-panel");
        box.setPadding(new Insets(8));
        box.setPrefWidth(240);
        box.setMinWidth(200);
        return box;
    }

    private static Label wrapped(String id, javafx.beans.value.ObservableValue<String> text) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.textProperty().bind(text);
        return l;
    }

    private static VBox form(DecisionsViewModel vm) {
        ComboBox<DecisionType> type = new ComboBox<>();
        type.setId("decision-type");
        type.getItems().setAll(DecisionType.values());
        type.valueProperty().bindBidirectional(vm.decisionProperty());
        type.setConverter(converter(DecisionType::id));
        Label reviewer = new Label();
        reviewer.setId("decision-reviewer");
        reviewer.textProperty().bind(vm.reviewerProperty());
        reviewer.setTooltip(new Tooltip("The window's reviewer: change it from the status bar"));
        ComboBox<Stage> stage = new ComboBox<>();
        stage.setId("decision-stage");
        stage.getItems().setAll(Stage.values());
        stage.valueProperty().bindBidirectional(vm.stageProperty());
        stage.setConverter(converter(Stage::label));
        stage.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(Stage s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? "" : s.label());
            }
        });
        TextField share = new TextField();
        share.setId("decision-share");
        share.setPromptText("%");
        share.textProperty().bindBidirectional(vm.trafficSharePercentProperty());
        TextArea note = new TextArea();
        note.setId("decision-note");
        note.setPromptText("why: what you looked at, what would change your mind");
        note.setPrefRowCount(5);
        note.setWrapText(true);
        note.textProperty().bindBidirectional(vm.noteProperty());
        Label against =
                new Label("This goes against the gates' recommendation: say why (kept in the log), then confirm.");
        against.setId("decision-against");
        against.setWrapText(true);
        against.getStyleClass().add("warning");
        TextArea reason = new TextArea();
        reason.setId("decision-reason");
        reason.setPromptText("reason for deciding against the gates");
        reason.setPrefRowCount(3);
        reason.setWrapText(true);
        reason.textProperty().bindBidirectional(vm.reasonProperty());
        VBox againstBox = new VBox(6, against, reason);
        againstBox.visibleProperty().bind(vm.againstProperty());
        againstBox.managedProperty().bind(againstBox.visibleProperty());
        Button record = new Button("Record decision");
        record.setId("decision-record");
        record.setDefaultButton(false);
        record.disableProperty().bind(vm.canRecord().not());
        record.setOnAction(e -> vm.record());
        Label msg = new Label();
        msg.setId("decision-message");
        msg.setWrapText(true);
        msg.textProperty().bind(vm.messageProperty());

        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.addRow(0, new Label("Decision"), type);
        g.addRow(1, new Label("Reviewer"), reviewer);
        g.addRow(2, new Label("Stage"), stage);
        g.addRow(3, new Label("Traffic share %"), share);
        // the labels' column keeps its text whole; the fields take what is left
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints fields = new javafx.scene.layout.ColumnConstraints();
        fields.setHgrow(javafx.scene.layout.Priority.ALWAYS);
        g.getColumnConstraints().setAll(labels, fields);
        VBox box = new VBox(8, new Label("Record a decision"), g, new Label("Note"), note, againstBox, record, msg);
        box.setPrefWidth(320);
        return box;
    }

    private static <T> StringConverter<T> converter(Function<T, String> f) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : f.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    private static <T> TableColumn<T, String> col(String name, Function<T, String> value) {
        return Tables.text(name, value);
    }
}
