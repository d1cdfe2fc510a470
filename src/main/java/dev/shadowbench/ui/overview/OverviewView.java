package dev.shadowbench.ui.overview;

import dev.shadowbench.core.workspace.WorkspaceOverview;
import dev.shadowbench.core.workspace.WorkspaceOverview.Group;
import dev.shadowbench.core.workspace.WorkspaceOverview.ImportedFile;
import dev.shadowbench.core.workspace.WorkspaceOverview.QuarantinedLine;
import dev.shadowbench.ui.common.Tables;
import java.util.Locale;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/** The Overview screen: what the workspace holds, per model, version, variant and day; imports; quarantine. */
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
        table.setPlaceholder(new Label("No prediction rows yet. Drop prediction logs here or use File › Import…"));
        table.getColumns()
                .add(column(
                        "Day", g -> g.day() == null ? "(no timestamp)" : g.day().toString()));
        table.getColumns().add(column("Variant", Group::variant));
        table.getColumns().add(column("Model", Group::model));
        table.getColumns().add(column("Version", Group::version));
        table.getColumns().add(count("Rows", Group::rows));
        table.getColumns()
                .add(column(
                        "Latency",
                        g -> g.withLatency() == 0
                                ? "not recorded"
                                : g.withLatency() == g.rows()
                                        ? "recorded"
                                        : String.format(Locale.ROOT, "%,d of %,d rows", g.withLatency(), g.rows())));

        TableView<ImportedFile> files = new TableView<>(vm.files());
        files.setId("overview-files");
        files.setPlaceholder(new Label("No imports recorded yet."));
        files.getColumns().add(column("Import", f -> "#" + f.importId() + " " + f.kind()));
        files.getColumns()
                .add(column(
                        "When",
                        f -> f.importedAt() == null
                                ? ""
                                : f.importedAt().withNano(0).toString().replace('T', ' ')));
        files.getColumns().add(count("Lines read", ImportedFile::linesRead));
        files.getColumns().add(count("Imported", ImportedFile::imported));
        files.getColumns().add(count("Quarantined", ImportedFile::quarantined));
        files.getColumns().add(count("Blank", ImportedFile::blank));
        files.getColumns().add(column("File", ImportedFile::path));
        Tables.fit(table, null);
        Tables.fit(files, null);

        TableView<QuarantinedLine> quarantine = new TableView<>(vm.quarantine());
        quarantine.setId("overview-quarantine");
        quarantine.setPlaceholder(new Label("No quarantined lines: every line read was imported or blank."));
        quarantine.getColumns().add(column("File", QuarantinedLine::file));
        quarantine.getColumns().add(column("Line", q -> q.line() == null ? "" : String.valueOf(q.line())));
        quarantine.getColumns().add(column("Field", q -> q.field() == null ? "" : q.field()));
        quarantine.getColumns().add(Tables.longText("Reason", QuarantinedLine::reason));
        Tables.fit(quarantine, null);

        Tab rows = new Tab("Rows by model and day", table);
        Tab imports = new Tab("Imports", files);
        Tab quarantined = new Tab("Quarantine", quarantine);
        quarantined
                .textProperty()
                .bind(vm.overviewProperty()
                        .map(o -> o.quarantinedRows() == 0
                                ? "Quarantine"
                                : String.format(
                                        Locale.ROOT,
                                        "Quarantine (%,d%s)",
                                        o.quarantinedRows(),
                                        o.quarantinedRows() > WorkspaceOverview.QUARANTINE_LISTED
                                                ? ", first " + WorkspaceOverview.QUARANTINE_LISTED + " listed"
                                                : "")));
        TabPane tabs = new TabPane(rows, imports, quarantined);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);

        VBox top = new VBox(6, title, headline);
        top.setPadding(new Insets(0, 0, 12, 0));
        setTop(top);
        setCenter(tabs);
        setPadding(new Insets(16));
    }

    private static <T> TableColumn<T, String> column(String name, Function<T, String> value) {
        return Tables.text(name, value);
    }

    private static <T> TableColumn<T, Long> count(String name, Function<T, Long> value) {
        return Tables.count(name, value);
    }
}
