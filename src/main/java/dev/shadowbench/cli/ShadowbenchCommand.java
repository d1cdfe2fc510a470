package dev.shadowbench.cli;

import dev.shadowbench.core.BadInputException;
import dev.shadowbench.core.Version;
import dev.shadowbench.core.decide.TamperedLogException;
import dev.shadowbench.core.workspace.WorkspaceErrors;
import dev.shadowbench.core.workspace.WorkspaceException;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: {@code shadowbench SUBCOMMAND ...}; with no subcommand the launcher opens the window. */
@Command(
        name = "shadowbench",
        mixinStandardHelpOptions = true,
        versionProvider = ShadowbenchCommand.VersionProvider.class,
        description = "Review a shadow or canary model version beside the one in production.%n"
                + "Run without arguments (or with a WORKSPACE.duckdb path) to open the window.",
        subcommands = {
            GenerateCommand.class,
            ImportCommand.class,
            SummaryCommand.class,
            SampleCommand.class,
            DecideCommand.class,
            DecisionsCommand.class,
            ReportCommand.class,
            RampCommand.class,
            ReviewCommand.class,
            BaselineCommand.class,
            CommandLine.HelpCommand.class
        },
        exitCodeOnInvalidInput = 2)
public final class ShadowbenchCommand implements Runnable {
    /** Exit code for a decision log that does not verify: distinct from 1 (internal error) and 2 (bad input). */
    public static final int TAMPERED = 3;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "Missing subcommand");
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new ShadowbenchCommand());
        // A command waits while the window (or another command) holds the workspace, and says so once.
        dev.shadowbench.core.workspace.LockWait.noticeTo(message -> {
            cl.getErr().println("shadowbench: " + Terminal.safe(message));
            cl.getErr().flush();
        });
        cl.setExecutionExceptionHandler((ex, cmd, parse) -> {
            if (ex instanceof TamperedLogException) {
                cmd.getErr().println("shadowbench " + cmd.getCommandName() + ": " + Terminal.safe(ex.getMessage()));
                return TAMPERED;
            }
            if (ex instanceof BadInputException
                    || ex instanceof WorkspaceException
                    || ex instanceof IllegalArgumentException) {
                cmd.getErr().println("shadowbench " + cmd.getCommandName() + ": " + Terminal.safe(ex.getMessage()));
                return 2;
            }
            // A full disk or a read-only folder met during the work (a failed commit), not on open.
            WorkspaceException known = WorkspaceErrors.explain(null, ex);
            if (known != null) {
                cmd.getErr().println("shadowbench " + cmd.getCommandName() + ": " + Terminal.safe(known.getMessage()));
                return 2;
            }
            cmd.getErr()
                    .println("shadowbench " + cmd.getCommandName() + ": internal error: "
                            + Terminal.safe(String.valueOf(ex)));
            ex.printStackTrace(cmd.getErr());
            return 1;
        });
        return cl;
    }

    public static int run(String... args) {
        return commandLine().execute(args);
    }

    public static Set<String> subcommandNames() {
        return commandLine().getSubcommands().keySet();
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Shadowbench " + Version.current()};
        }
    }
}
