package dev.shadowbench.ui.app;

import dev.shadowbench.core.workspace.AppHome;
import dev.shadowbench.ui.canary.CanaryView;
import dev.shadowbench.ui.canary.CanaryViewModel;
import dev.shadowbench.ui.common.FxDialogService;
import dev.shadowbench.ui.common.MainViewModel;
import dev.shadowbench.ui.common.TaskRunner;
import dev.shadowbench.ui.dashboard.DashboardView;
import dev.shadowbench.ui.dashboard.DashboardViewModel;
import dev.shadowbench.ui.decisions.DecisionsView;
import dev.shadowbench.ui.decisions.DecisionsViewModel;
import dev.shadowbench.ui.lifecycle.LifecycleView;
import dev.shadowbench.ui.lifecycle.LifecycleViewModel;
import dev.shadowbench.ui.outliers.OutliersView;
import dev.shadowbench.ui.outliers.OutliersViewModel;
import dev.shadowbench.ui.overview.OverviewView;
import dev.shadowbench.ui.overview.OverviewViewModel;
import dev.shadowbench.ui.sample.SampleView;
import dev.shadowbench.ui.sample.SampleViewModel;
import dev.shadowbench.ui.segments.SegmentsView;
import dev.shadowbench.ui.segments.SegmentsViewModel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/** The JavaFX application: builds the main window on the workspace given, the last one, or the sample. */
public final class ShadowbenchApp extends Application {
    /** Sizes of the window icon under /dev/shadowbench/ui/icons/ (made by icons/build-icons.sh). */
    static final int[] WINDOW_ICON_SIZES = {16, 32, 48, 64, 128, 256};

    static volatile String workspaceArgument;
    MainViewModel vm;
    /** On with -Dshadowbench.fxwatch=true: logs every block of the FX thread over 50 ms with its stack. */
    private dev.shadowbench.ui.common.FxStallMonitor stallMonitor;

    /** Called by the launcher; blocks until the window closes. */
    public static void launchWith(String workspace) {
        workspaceArgument = workspace;
        Application.launch(ShadowbenchApp.class);
    }

    @Override
    public void start(Stage stage) {
        AppHome home = AppHome.fromSystem();
        Themes.apply(Themes.dark(home));
        FxDialogService dialogs = new FxDialogService(stage);
        vm = new MainViewModel(home, new TaskRunner(2), dialogs);
        Thread.setDefaultUncaughtExceptionHandler((t, e) ->
                Platform.runLater(() -> dialogs.showError("Something went wrong", String.valueOf(e.getMessage()), e)));

        MainWindow window = new MainWindow(vm, screens(vm));
        Scene scene = new Scene(window, width(home, "window.width", 1280), width(home, "window.height", 800));
        scene.getStylesheets()
                .add(ShadowbenchApp.class
                        .getResource("/dev/shadowbench/ui/shadowbench.css")
                        .toExternalForm());
        stage.setScene(scene);
        // Several sizes: the window manager picks 16/32 for the title bar, larger ones for the task switcher.
        for (int size : WINDOW_ICON_SIZES) {
            stage.getIcons()
                    .add(new Image(ShadowbenchApp.class.getResourceAsStream(
                            "/dev/shadowbench/ui/icons/shadowbench-" + size + ".png")));
        }
        stage.titleProperty().bind(vm.titleProperty());
        stage.setOnHidden(e -> {
            home.saveSetting("window.width", String.valueOf((int) scene.getWidth()));
            home.saveSetting("window.height", String.valueOf((int) scene.getHeight()));
        });
        stage.show();
        stallMonitor = dev.shadowbench.ui.common.FxStallMonitor.fromSystemProperty();
        vm.openAtStartup(workspaceArgument);
        Platform.runLater(vm::askReviewerIfUnknown); // after the window is up, so the question has an owner
    }

    /**
     * The screens, in the order of the screen list and Ctrl+1..9. A screen's view model is made when the screen
     * is first shown, so start-up pairs nothing for screens the reviewer never opens; it then loads at once and
     * follows every later change of comparison or content.
     */
    static Map<String, Supplier<Node>> screens(MainViewModel vm) {
        Map<String, Supplier<Node>> s = new LinkedHashMap<>();
        s.put("Overview", () -> {
            OverviewViewModel m = new OverviewViewModel(vm);
            m.reload();
            return new OverviewView(m);
        });
        s.put("Dashboard", () -> {
            DashboardViewModel m = new DashboardViewModel(vm);
            m.reload();
            return new DashboardView(m);
        });
        s.put("Sample", () -> {
            SampleViewModel m = new SampleViewModel(vm);
            m.draw();
            return new SampleView(m);
        });
        s.put("Outliers", () -> new OutliersView(new OutliersViewModel(vm))); // the view starts it when shown
        s.put("Canary", () -> {
            CanaryViewModel m = new CanaryViewModel(vm);
            m.reload();
            return new CanaryView(m);
        });
        s.put("Decisions", () -> {
            DecisionsViewModel m = new DecisionsViewModel(vm, vm.reviews().source());
            m.reload();
            return new DecisionsView(m);
        });
        s.put("Lifecycle", () -> {
            LifecycleViewModel m = new LifecycleViewModel(vm);
            m.reload();
            return new LifecycleView(m);
        });
        s.put(
                "Segments",
                () -> { // last, so Ctrl+1..7 keep their screens
                    SegmentsViewModel m = new SegmentsViewModel(vm);
                    m.reload();
                    return new SegmentsView(m, vm.dialogs());
                });
        return s;
    }

    private static double width(AppHome home, String key, double dflt) {
        try {
            return home.setting(key)
                    .map(Double::parseDouble)
                    .filter(v -> v >= 400 && v <= 10000)
                    .orElse(dflt);
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    @Override
    public void stop() {
        if (stallMonitor != null) stallMonitor.close();
        if (vm != null) {
            vm.shutdown();
            vm.home().flush();
        }
    }
}
