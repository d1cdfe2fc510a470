package dev.shadowbench.cli;

import dev.shadowbench.core.compare.Comparison;
import dev.shadowbench.core.decide.GateSettingsStore;
import dev.shadowbench.core.decide.SummarySources;
import dev.shadowbench.core.report.ReportBuilder;
import dev.shadowbench.core.report.ReportContent;
import dev.shadowbench.core.report.ReportFormat;
import dev.shadowbench.core.workspace.OutputFile;
import dev.shadowbench.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code report}: the decision report (comparison, gates, charts, sample, outliers, decisions) as one file. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = "Write a decision report: self-contained HTML, Markdown or JSON.")
public final class ReportCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    WorkspaceOption workspace;

    @Mixin
    ComparisonOptions comparisonOptions;

    @Option(names = "--format", defaultValue = "html", description = "html, md or json (default ${DEFAULT-VALUE})")
    String format;

    @Option(
            names = {"-o", "--output"},
            required = true,
            description = "Report file to write")
    Path output;

    @Override
    public Integer call() throws Exception {
        ReportFormat f = ReportFormat.parse(format);
        OutputFile.check(output, workspace.file);
        try (Workspace ws = Workspace.openExisting(workspace.file);
                Connection c = ws.connect()) {
            Comparison cmp = comparisonOptions.resolve(c);
            ReportContent r = ReportBuilder.collect(
                    c,
                    cmp,
                    SummarySources.standard(),
                    GateSettingsStore.load(c),
                    ws.displayName(),
                    LocalDateTime.now(ZoneOffset.UTC));
            f.write(r, output, ws.file());
            System.err.println(Terminal.safe(String.format(
                    java.util.Locale.ROOT,
                    "Wrote %s report to %s (%,d bytes); recommendation %s",
                    f.extension(),
                    output,
                    Files.size(output),
                    r.verdict().recommendation().id())));
        }
        return 0;
    }
}
