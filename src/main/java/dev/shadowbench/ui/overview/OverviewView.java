package dev.shadowbench.ui.overview;

import dev.shadowbench.core.workspace.WorkspaceOverview.Group;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/** The Overview screen: what the workspace holds, per model, version, variant and day. */
public final class OverviewView extends BorderPane {

    public OverviewView(OverviewViewModel vm) {
        getStyleClass().add("screen");
        Label title = new Label("Overview");
        title.getStyleClass().add("title-3");
        Label headline = new Label();
        headline.setId("overview-headline");
        headline.setWrapText(true);
        headline.textProperty().bind(vm.headlineProperty());

        TableView<Group> table = new TableView<>(vm.groups());
        table.setId("overview-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No prediction rows yet. Drop prediction logs here or use File › Import…"));
        table.getColumns().add(column("Day", g -> g.day() == null ? "(no timestamp)" : g.day().toString()));
        table.getColumns().add(column("Variant", Group::variant));
        table.getColumns().add(column("Model", Group::model));
        table.getColumns().add(column("Version", Group::version));
        TableColumn<Group, Long> rows = new TableColumn<>("Rows");
        rows.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().rows()));
        rows.setStyle("-fx-alignment: CENTER-RIGHT;");
        table.getColumns().add(rows);
        table.getColumns().add(column("Latency", g -> g.withLatency() == 0 ? "not recorded"
                : g.withLatency() == g.rows() ? "recorded" : String.format("%,d of %,d rows", g.withLatency(), g.rows())));

        VBox top = new VBox(6, title, headline);
        top.setPadding(new Insets(0, 0, 12, 0));
        setTop(top);
        setCenter(table);
        setPadding(new Insets(16));
    }

    private static TableColumn<Group, String> column(String name, Function<Group, String> value) {
        TableColumn<Group, String> c = new TableColumn<>(name);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return c;
    }
}
