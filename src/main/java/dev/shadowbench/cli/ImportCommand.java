package dev.shadowbench.cli;

import dev.shadowbench.core.ingest.ColumnMapping;
import dev.shadowbench.core.ingest.ImportReport;
import dev.shadowbench.core.ingest.ImportRequest;
import dev.shadowbench.core.ingest.LogImporter;
import dev.shadowbench.core.ingest.NewLogs;
import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code import}: prediction logs or labels into a workspace, printing the line accounting. */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = "Import prediction logs (JSON Lines, CSV, Parquet, also .gz; SageMaker Data Capture; KServe "
                + "payload logs) or, with --labels, ground-truth labels. Files, folders and globs. A file already "
                + "imported (same content) is skipped.")
public final class ImportCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    WorkspaceOption workspace;

    @Option(
            names = "--variant",
            description = "Variant of every record (live, shadow, canary, ...); default: the variant "
                    + "column, else the file/folder name, else the SageMaker path")
    String variant;

    @Option(
            names = "--format",
            defaultValue = "auto",
            description = "auto, jsonl, csv, parquet, sagemaker or kserve " + "(default ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--labels", description = "The files hold ground-truth labels (request id + actual value)")
    boolean labels;

    @Option(
            names = "--mapping",
            description = "Column mapping JSON, e.g. {\"request_id\":\"corr_id\",\"prediction\":\"score\"}; "
                    + "remembered for the source")
    Path mapping;

    @Option(
            names = {"-q", "--quiet"},
            description = "No progress on stderr")
    boolean quiet;

    @Option(
            names = "--new",
            description = "Read again every file, folder and glob imported into this workspace before and import only "
                    + "the files not seen yet (the daily step); no PATH")
    boolean newOnly;

    @Option(
            names = "--extract",
            paramLabel = "DIR",
            description = "An extract folder written by the Spark job (manifest.json + Parquet tables): its "
                    + "comparison's counts, sample and flagged pairs; no PATH")
    Path extract;

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Files, folders or globs (quote globs)")
    List<Path> paths = new java.util.ArrayList<>();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws java.sql.SQLException {
        if (newOnly) return importNew();
        if (extract != null) return importExtract();
        if (paths.isEmpty())
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "Give the files, folders or globs to import, or --new");
        ImportRequest req = labels ? ImportRequest.labels(paths) : ImportRequest.predictions(paths, variant);
        req = req.withFormat(format);
        if (mapping != null) req = req.withMapping(ColumnMapping.read(mapping));
        try (Workspace ws = Workspace.open(workspace.file)) {
            ImportReport r = new LogImporter(ws).run(req, quiet ? ProgressSink.NONE : new StderrProgress(spec));
            spec.commandLine().getOut().println(Terminal.safe(r.summaryLine()));
            spec.commandLine().getOut().flush();
        }
        return 0;
    }

    private int importNew() throws java.sql.SQLException {
        if (!paths.isEmpty() || labels || mapping != null || variant != null)
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(),
                    "--new reads the places imported before, with their own options: give no PATH, --labels, "
                            + "--variant or --mapping with it");
        try (Workspace ws = Workspace.openExisting(workspace.file)) {
            NewLogs.Outcome o = new NewLogs(ws).run(quiet ? ProgressSink.NONE : new StderrProgress(spec));
            spec.commandLine().getOut().println(Terminal.safe(o.summaryLine()));
            spec.commandLine().getOut().flush();
        }
        return 0;
    }

    private int importExtract() throws java.sql.SQLException {
        if (!paths.isEmpty() || labels || mapping != null || variant != null)
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(),
                    "--extract reads one extract folder: give no PATH, --labels, --variant or --mapping with it");
        try (Workspace ws = Workspace.open(workspace.file);
                java.sql.Connection c = ws.connect()) {
            var o = dev.shadowbench.core.extract.ExtractImport.run(
                    c, extract, quiet ? ProgressSink.NONE : new StderrProgress(spec));
            spec.commandLine().getOut().println(Terminal.safe(o.summaryLine()));
            spec.commandLine().getOut().flush();
        }
        return 0;
    }

    /** Prints a step's message when it changes, not on every tick. */
    static final class StderrProgress implements ProgressSink {
        private final picocli.CommandLine.Model.CommandSpec spec;
        private String last;

        StderrProgress(picocli.CommandLine.Model.CommandSpec spec) {
            this.spec = spec;
        }

        @Override
        public void progress(long done, long total, String message) {
            if (message != null && !message.equals(last)) {
                last = message;
                spec.commandLine().getErr().println(Terminal.safe(message));
            }
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    }
}
