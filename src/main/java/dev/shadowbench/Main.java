package dev.shadowbench;

import dev.shadowbench.cli.ShadowbenchCommand;
import dev.shadowbench.core.Version;
import dev.shadowbench.core.workspace.AppHome;
import java.util.Set;
import org.slf4j.LoggerFactory;

/**
 * Entry point. No arguments, or a workspace path, opens the window; anything else is the command line.
 * This class is deliberately not the JavaFX Application, so JavaFX runs from the plain classpath.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        AppLog.install(AppHome.fromSystem().dir());
        boolean window = opensWindow(args);
        LoggerFactory.getLogger(Main.class)
                .info(
                        "Shadowbench {} on Java {} ({}), {}",
                        Version.current(),
                        System.getProperty("java.version"),
                        System.getProperty("os.name"),
                        window ? "window" : "command line");
        if (window) {
            dev.shadowbench.ui.app.ShadowbenchApp.launchWith(args.length == 0 ? null : args[0]);
            return;
        }
        System.exit(ShadowbenchCommand.run(args));
    }

    static boolean opensWindow(String[] args) {
        if (args.length == 0) return true;
        if (args.length > 1 || args[0].startsWith("-")) return false;
        if (ShadowbenchCommand.subcommandNames().contains(args[0])) return false;
        // A mistyped subcommand must not silently create a workspace named after it.
        return args[0].toLowerCase(java.util.Locale.ROOT).endsWith(".duckdb")
                || java.nio.file.Files.isRegularFile(java.nio.file.Path.of(args[0]));
    }

    static Set<String> names() {
        return ShadowbenchCommand.subcommandNames();
    }
}
