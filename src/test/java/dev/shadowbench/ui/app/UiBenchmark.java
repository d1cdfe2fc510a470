package dev.shadowbench.ui.app;

import dev.shadowbench.core.compare.Comparison;
import dev.shadowbench.ui.FxWait;
import dev.shadowbench.ui.common.FxStallMonitor;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

/**
 * The UI benchmark (a main class, not a test): opens the real window headless on Monocle at 1440x900 on a workspace,
 * visits every screen, changes the comparison's window and back, draws a new sample and records a verdict, with the
 * FX stall monitor on. Prints each step's time until its figures are in (no task left running) and every stall of
 * the FX thread over 50 ms with the longest, plus peak heap.
 *
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx1g -cp target/classes:target/test-classes:$(cat target/cp.txt) dev.shadowbench.ui.app.UiBenchmark WS.duckdb
 * </pre>
 */
public final class UiBenchmark {
    private UiBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: UiBenchmark WORKSPACE.duckdb");
            System.exit(2);
        }
        Path ws = Path.of(args[0]).toAbsolutePath();
        for (String[] p : new String[][] {
            {"testfx.headless", "true"},
            {"glass.platform", "Monocle"},
            {"monocle.platform", "Headless"},
            {"headless.geometry", "1440x900-32"},
            {"prism.order", "sw"},
            {"prism.text", "t2k"},
            {"java.awt.headless", "true"}
        }) System.setProperty(p[0], p[1]);
        if (System.getProperty("shadowbench.home") == null)
            System.setProperty(
                    "shadowbench.home", Files.createTempDirectory("sb-ui-bench").toString());
        FxWait.startFx();
        List<FxStallMonitor.Stall> stalls = new java.util.concurrent.CopyOnWriteArrayList<>();
        ShadowbenchApp.workspaceArgument = ws.toString();
        ShadowbenchApp app = new ShadowbenchApp();
        long t0 = System.nanoTime();
        Stage stage = FxWait.onFx(() -> {
            Stage s = new Stage();
            app.start(s);
            s.setX(0);
            s.setY(0);
            s.setWidth(1440);
            s.setHeight(900);
            return s;
        });
        FxStallMonitor monitor = FxStallMonitor.start(50, stalls::add);
        List<String> lines = new ArrayList<>();
        FxWait.until("the workspace open", () -> app.vm.comparison() != null);
        idle(app);
        lines.add(row("open + first screen", t0));

        Scene scene = stage.getScene();
        @SuppressWarnings("unchecked")
        ListView<String> nav = (ListView<String>) scene.lookup("#screen-list");
        MainWindow window = (MainWindow) scene.getRoot();
        List<String> names = FxWait.onFx(() -> List.copyOf(nav.getItems()));
        for (String pass : List.of("cold", "warm")) {
            for (String name : names) {
                long t = System.nanoTime();
                FxWait.runFx(() -> window.show(name));
                idle(app);
                lines.add(row(pass + " " + name, t));
            }
        }
        Comparison all = app.vm.comparison();
        var choices = app.vm.choicesProperty().get();
        if (choices != null && choices.lastDay() != null) {
            long t = System.nanoTime();
            FxWait.runFx(() -> app.vm
                    .comparisonProperty()
                    .set(new Comparison(all.baseline(), all.candidate(), choices.lastDay(), choices.lastDay())));
            idle(app);
            lines.add(row("window -> last day " + choices.lastDay(), t));
            t = System.nanoTime();
            FxWait.runFx(() -> app.vm.comparisonProperty().set(all));
            idle(app);
            lines.add(row("window -> all days again", t));
        }
        if (names.contains("Sample")) {
            FxWait.runFx(() -> window.show("Sample"));
            idle(app);
            long t = System.nanoTime();
            FxWait.runFx(() -> ((Button) scene.lookup("#sample-new")).fire());
            idle(app);
            lines.add(row("new sample", t));
            TableView<?> table = (TableView<?>) scene.lookup("#sample-table");
            if (table != null && !table.getItems().isEmpty()) {
                t = System.nanoTime();
                FxWait.runFx(() -> table.getSelectionModel().select(0));
                Node ok = scene.lookup("#verdict-ok-button");
                if (ok instanceof Button b) FxWait.runFx(b::fire);
                idle(app);
                lines.add(row("select + verdict", t));
            }
        }
        FxWait.settle();
        monitor.close();
        System.out.println("UiBenchmark on " + ws.getFileName() + " (" + Files.size(ws) / (1 << 20) + " MB), 1440x900");
        lines.forEach(System.out::println);
        System.out.printf(
                Locale.ROOT,
                "FX stalls over 50 ms: %d, longest %d ms%n",
                stalls.size(),
                stalls.stream().mapToLong(FxStallMonitor.Stall::millis).max().orElse(0));
        stalls.stream()
                .sorted((a, b) -> Long.compare(b.millis(), a.millis()))
                .limit(5)
                .forEach(s -> System.out.println("  " + s.millis() + " ms" + s.where(6)));
        var heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed())
                .sum();
        System.out.printf(Locale.ROOT, "peak heap (sum of pools' peaks) %d MB%n", heap >> 20);
        FxWait.runFx(stage::close);
        app.stop();
        System.exit(0);
    }

    /** Waits until no task runs, twice in a row a little apart (a finished task may start the next). */
    private static void idle(ShadowbenchApp app) throws Exception {
        int quiet = 0;
        while (quiet < 2) {
            Thread.sleep(30);
            boolean none = FxWait.onFx(() -> app.vm.tasks().running().isEmpty());
            quiet = none ? quiet + 1 : 0;
        }
    }

    private static String row(String what, long t0) {
        return String.format(Locale.ROOT, "  %-34s %8.0f ms", what, (System.nanoTime() - t0) / 1e6);
    }
}
