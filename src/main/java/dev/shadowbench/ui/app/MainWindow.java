package dev.shadowbench.ui.app;

import dev.shadowbench.ui.common.MainViewModel;
import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The frame every screen lives in: menu, comparison bar, screen list, the screen, status bar. */
public final class MainWindow extends BorderPane {
    private final MainViewModel vm;
    private final Map<String, Supplier<Node>> screenFactories = new LinkedHashMap<>();
    private final Map<String, Node> screens = new LinkedHashMap<>();
    private final ListView<String> nav = new ListView<>();
    private final StackPane content = new StackPane();

    public MainWindow(MainViewModel vm, Map<String, Supplier<Node>> factories) {
        this.vm = vm;
        screenFactories.putAll(factories);
        getStyleClass().add("main-window");

        setTop(new VBox(menuBar(), comparisonBar()));

        nav.setId("screen-list");
        nav.getItems().setAll(screenFactories.keySet());
        nav.setPrefWidth(150);
        nav.getSelectionModel().selectedItemProperty().addListener((o, a, name) -> show(name));
        setLeft(nav);

        content.setId("screen-content");
        setCenter(content);
        setBottom(statusBar());

        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && vm.workspace() != null) e.acceptTransferModes(TransferMode.COPY);
            e.consume();
        });
        setOnDragDropped(e -> {
            List<File> files = e.getDragboard().getFiles();
            boolean ok = files != null && !files.isEmpty();
            if (ok) {
                List<java.nio.file.Path> paths =
                        files.stream().map(File::toPath).toList();
                java.nio.file.Path extract = dev.shadowbench.core.extract.ExtractImport.folderOf(paths);
                if (extract != null) vm.importExtract(extract);
                else vm.importLogs(paths, null);
            }
            e.setDropCompleted(ok);
            e.consume();
        });
        vm.screenRequestProperty().addListener((o, a, name) -> {
            if (name != null && screenFactories.containsKey(name)) show(name);
        });
        String last = vm.home()
                .setting("screen.last")
                .filter(screenFactories::containsKey)
                .orElse(null);
        if (last != null) show(last);
        else nav.getSelectionModel().selectFirst();
    }

    /** Shows the screen with this name (creating it on first use). */
    public void show(String name) {
        if (name == null) return;
        vm.screenShown(name); // first, so a screen made now is not reloaded twice
        Node n = screens.computeIfAbsent(name, k -> screenFactories.get(k).get());
        content.getChildren().setAll(n);
        vm.home().saveSetting("screen.last", name);
        if (!name.equals(nav.getSelectionModel().getSelectedItem()))
            nav.getSelectionModel().select(name);
    }

    private MenuBar menuBar() {
        MenuItem open = item(
                "Open workspace…",
                new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN),
                () -> vm.dialogs().chooseWorkspaceToOpen().ifPresent(vm::open));
        MenuItem create = item(
                "New workspace…", new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), vm::newWorkspace);
        create.setId("new-workspace");
        MenuItem sample = item("Open sample workspace", null, () -> vm.open((Path) null));
        MenuItem imp = item(
                "Import logs…",
                new KeyCodeCombination(KeyCode.I, KeyCombination.SHORTCUT_DOWN),
                this::openImportDialog);
        MenuItem importNew = item(
                "Import new logs",
                new KeyCodeCombination(KeyCode.I, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                () -> vm.importNewLogs());
        importNew.setId("import-new-logs");
        importNew.disableProperty().bind(vm.workspaceProperty().isNull());
        MenuItem reviewer = item("Reviewer name…", null, vm::askReviewer);
        MenuItem quit = item("Quit", new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), () -> getScene()
                .getWindow()
                .hide());
        Menu file = new Menu(
                "File",
                null,
                create,
                open,
                sample,
                new SeparatorMenuItem(),
                imp,
                importNew,
                new SeparatorMenuItem(),
                reviewer,
                new SeparatorMenuItem(),
                quit);

        Menu view = new Menu("View");
        int i = 1;
        for (String name : screenFactories.keySet()) {
            KeyCombination key = i <= 9
                    ? new KeyCodeCombination(KeyCode.getKeyCode(String.valueOf(i)), KeyCombination.SHORTCUT_DOWN)
                    : null;
            view.getItems().add(item(name, key, () -> show(name)));
            i++;
        }
        javafx.scene.control.ToggleGroup themes = new javafx.scene.control.ToggleGroup();
        javafx.scene.control.RadioMenuItem light = new javafx.scene.control.RadioMenuItem("Light"),
                dark = new javafx.scene.control.RadioMenuItem("Dark");
        light.setId("theme-light");
        dark.setId("theme-dark");
        light.setToggleGroup(themes);
        dark.setToggleGroup(themes);
        (Themes.dark(vm.home()) ? dark : light).setSelected(true);
        light.setOnAction(e -> Themes.choose(vm.home(), false));
        dark.setOnAction(e -> Themes.choose(vm.home(), true));
        Menu theme = new Menu("Theme", null, light, dark);
        view.getItems()
                .addAll(
                        new SeparatorMenuItem(),
                        theme,
                        item("Refresh", new KeyCodeCombination(KeyCode.F5), vm::refresh));

        Menu help = new Menu("Help", null, item("About Shadowbench", null, () -> vm.dialogs()
                .showInfo(
                        "About Shadowbench",
                        "Shadowbench " + dev.shadowbench.core.Version.current()
                                + "\nReview a shadow or canary model version beside the one in production.")));
        MenuBar bar = new MenuBar(file, view, help);
        bar.setId("menu-bar");
        return bar;
    }

    /** The import dialog (files, preview, mapping); dropping files on the window imports them directly instead. */
    private void openImportDialog() {
        if (vm.workspace() == null) return;
        List<Path> files = vm.dialogs().chooseLogsToImport();
        if (files.isEmpty()) return;
        // a Spark extract (its manifest.json chosen) has no preview or mapping: it is imported as it is
        Path extract = dev.shadowbench.core.extract.ExtractImport.folderOf(files);
        if (extract != null) {
            vm.importExtract(extract);
            return;
        }
        var dialog = new dev.shadowbench.ui.importer.ImportDialog(
                new dev.shadowbench.ui.importer.ImportViewModel(vm, files),
                getScene() == null ? null : getScene().getWindow());
        dialog.show();
    }

    private Node comparisonBar() {
        Label ws = new Label();
        ws.setId("workspace-label");
        ws.textProperty()
                .bind(vm.workspaceProperty()
                        .map(w -> "Workspace: " + w.displayName())
                        .orElse("No workspace open"));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Button imp = new Button("Import…");
        imp.setId("import-button");
        imp.setOnAction(e -> openImportDialog());
        imp.disableProperty().bind(vm.workspaceProperty().isNull());
        HBox bar = new HBox(16, ws, new ComparisonBar(vm), grow, imp);
        bar.setId("comparison-bar");
        bar.getStyleClass().add("comparison-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 12, 6, 12));
        return bar;
    }

    private Node statusBar() {
        Label text = new Label("Ready");
        text.setId("status-text");
        ProgressBar bar = new ProgressBar(0);
        bar.setPrefWidth(180);
        Button cancel = new Button("Cancel");
        cancel.setId("status-cancel");
        RunningTasks count = new RunningTasks(vm.tasks());
        bar.setVisible(false);
        cancel.setVisible(false);
        vm.tasks().currentProperty().addListener((o, old, task) -> follow(task, text, bar, cancel));
        cancel.setOnAction(e -> {
            Task<?> t = vm.tasks().currentProperty().get();
            if (t != null) t.cancel();
        });
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE && vm.tasks().currentProperty().get() != null) {
                vm.tasks().currentProperty().get().cancel();
                e.consume();
            }
        });
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Hyperlink reviewer = new Hyperlink();
        reviewer.setId("status-reviewer");
        reviewer.textProperty().bind(vm.reviewerProperty().map(name -> "Reviewer: " + name));
        reviewer.setTooltip(
                new Tooltip("Verdicts, dismissals and decisions are recorded under this name; click to change"));
        reviewer.setOnAction(e -> vm.askReviewer());
        Label notice = new Label();
        notice.setId("status-notice");
        notice.textProperty().bind(vm.noticeProperty());
        notice.managedProperty().bind(notice.textProperty().isNotEmpty());
        notice.setTooltip(new Tooltip());
        notice.getTooltip().textProperty().bind(vm.noticeProperty());
        HBox status = new HBox(10, text, notice, grow, count, bar, cancel, reviewer);
        status.setId("status-bar");
        status.getStyleClass().add("status-bar");
        status.setAlignment(Pos.CENTER_LEFT);
        status.setPadding(new Insets(4, 12, 4, 12));
        return status;
    }

    private static void follow(Task<?> task, Label text, ProgressBar bar, Button cancel) {
        text.textProperty().unbind();
        bar.progressProperty().unbind();
        if (task == null) {
            text.setText("Ready");
            bar.setVisible(false);
            cancel.setVisible(false);
            return;
        }
        text.textProperty().bind(task.messageProperty());
        bar.progressProperty().bind(task.progressProperty());
        bar.setVisible(true);
        cancel.setVisible(true);
    }

    private static MenuItem item(String text, KeyCombination key, Runnable action) {
        MenuItem m = new MenuItem(text);
        if (key != null) m.setAccelerator(key);
        m.setOnAction(e -> action.run());
        return m;
    }
}
