package dev.shadowbench.ui.lifecycle;

import dev.shadowbench.core.decide.LifecycleBoard.HistoryEntry;
import dev.shadowbench.core.decide.LifecycleBoard.VersionState;
import dev.shadowbench.ui.common.Tables;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/** The Lifecycle screen: every model version, its stage and age, retire reminders, and the selected one's history. */
public final class LifecycleView extends BorderPane {

    public LifecycleView(LifecycleViewModel vm) {
        getStyleClass().add("screen");
        setPadding(new Insets(16));
        Label title = new Label("Lifecycle");
        title.getStyleClass().add("title-3");
        Label headline = new Label();
        headline.setId("lifecycle-headline");
        headline.textProperty().bind(vm.headlineProperty());
        VBox top = new VBox(6, title, headline);
        top.setPadding(new Insets(0, 0, 12, 0));
        setTop(top);

        TableView<VersionState> table = new TableView<>(vm.versions());
        table.setId("lifecycle-versions");
        table.setPlaceholder(new Label("No model versions yet: import prediction logs."));
        table.getColumns().add(col("Model", v -> v.model() == null ? "" : v.model()));
        table.getColumns().add(col("Version", v -> v.version() == null ? "" : v.version()));
        table.getColumns().add(col("Stage", VersionState::stageText));
        table.getColumns().add(col("Since (UTC)", v -> v.since() == null ? "" : v.since()));
        table.getColumns()
                .add(col(
                        "Logged as",
                        v -> v.seen() == null
                                ? "(only in decisions)"
                                : String.join(", ", v.seen().variants())));
        table.getColumns()
                .add(col(
                        "Last seen",
                        v -> v.seen() == null || v.seen().lastSeen() == null
                                ? ""
                                : v.seen().lastSeen().toLocalDate().toString()));
        table.getColumns().add(col("Reminder", v -> v.reminder() == null ? "" : v.reminder()));
        Tables.fit(table, null);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, v) -> vm.selectedProperty()
                .set(v));

        TableView<HistoryEntry> history = new TableView<>(vm.history());
        history.setId("lifecycle-history");
        history.setPlaceholder(new Label("Select a version to see its history."));
        history.getColumns().add(hcol("When (UTC)", h -> h.at() == null ? "" : h.at()));
        history.getColumns().add(hcol("Stage", h -> h.stage().label()));
        history.getColumns().add(Tables.longText("Event", HistoryEntry::event));
        Tables.fit(history, null);

        SplitPane split = new SplitPane(table, history);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        setCenter(split);
        vm.reload();
    }

    private static TableColumn<VersionState, String> col(String name, Function<VersionState, String> value) {
        return Tables.text(name, value);
    }

    private static TableColumn<HistoryEntry, String> hcol(String name, Function<HistoryEntry, String> value) {
        return Tables.text(name, value);
    }
}
