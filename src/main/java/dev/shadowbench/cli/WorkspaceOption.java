package dev.shadowbench.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code -w WS.duckdb}: the workspace every subcommand but {@code generate} works on, declared once. */
public final class WorkspaceOption {
    @Option(
            names = {"-w", "--workspace"},
            required = true,
            paramLabel = "WS.duckdb",
            description = "Workspace file (.duckdb); import creates it when new")
    Path file;
}
