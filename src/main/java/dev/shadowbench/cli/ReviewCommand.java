package dev.shadowbench.cli;

import dev.shadowbench.core.BadInputException;
import dev.shadowbench.core.compare.Comparison;
import dev.shadowbench.core.decide.GateResult;
import dev.shadowbench.core.decide.GateSettingsStore;
import dev.shadowbench.core.decide.GateStatus;
import dev.shadowbench.core.decide.Recommendation;
import dev.shadowbench.core.decide.SummarySources;
import dev.shadowbench.core.decide.Verdict;
import dev.shadowbench.core.ingest.NewLogs;
import dev.shadowbench.core.report.ReportBuilder;
import dev.shadowbench.core.report.ReportContent;
import dev.shadowbench.core.report.ReportFormat;
import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.OutputFile;
import dev.shadowbench.core.workspace.Workspace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code review}: the scheduled daily step in one command: import the new logs, compute the review, write the report,
 * and exit with a code a scheduler can act on.
 */
@Command(
        name = "review",
        mixinStandardHelpOptions = true,
        description = "The daily review in one step for a scheduled job: --new imports the files not seen yet from the "
                + "places imported before, then the comparison is reviewed, the report written and the recommendation "
                + "printed. Exit 0; with --fail-on, " + ReviewCommand.HOLD_EXIT
                + " when the recommendation is hold and "
                + ReviewCommand.ROLLBACK_EXIT + " when it is rollback (at or beyond the level given).")
public final class ReviewCommand implements Callable<Integer> {
    /** Exit code of a review whose recommendation is hold, with {@code --fail-on hold}. */
    public static final int HOLD_EXIT = 4;
    /** Exit code of a review whose recommendation is rollback, with {@code --fail-on hold} or {@code rollback}. */
    public static final int ROLLBACK_EXIT = 5;

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    WorkspaceOption workspace;

    @Mixin
    ComparisonOptions comparisonOptions;

    @Option(names = "--new", description = "First import the files not seen yet (as `import --new`)")
    boolean newLogs;

    @Option(
            names = "--report",
            paramLabel = "FILE",
            description = "Write the decision report here (format from --format, else from the file's extension)")
    Path report;

    @Option(names = "--format", description = "html, md or json (default: the report file's extension, else html)")
    String format;

    @Option(
            names = "--fail-on",
            paramLabel = "hold|rollback",
            description =
                    "Exit non-zero when the recommendation is this or worse: hold (exit 4 on hold, 5 on rollback) "
                            + "or rollback (exit 5 on rollback)")
    String failOn;

    @Option(
            names = {"-q", "--quiet"},
            description = "No progress on stderr")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        Recommendation threshold = failOnLevel(failOn);
        ReportFormat f = report == null ? null : formatFor(format, report);
        if (report != null) OutputFile.check(report, workspace.file);
        PrintWriter out = spec.commandLine().getOut();
        try (Workspace ws = Workspace.openExisting(workspace.file)) {
            if (newLogs) {
                NewLogs.Outcome o =
                        new NewLogs(ws).run(quiet ? ProgressSink.NONE : new ImportCommand.StderrProgress(spec));
                out.println(Terminal.safe(o.summaryLine()));
                out.flush();
            }
            ReportContent r;
            try (Connection c = ws.connect()) {
                Comparison cmp = comparisonOptions.resolve(c);
                r = ReportBuilder.collect(
                        c,
                        cmp,
                        SummarySources.standard(),
                        GateSettingsStore.load(c),
                        ws.displayName(),
                        LocalDateTime.now(ZoneOffset.UTC));
            }
            if (report != null) {
                f.write(r, report, ws.file());
                out.println(Terminal.safe("Wrote " + f.extension() + " report to " + report));
            }
            Verdict v = r.verdict();
            out.println(Terminal.safe(verdictLine(r.review().summary().comparison(), v)));
            out.flush();
            return exitCode(v.recommendation(), threshold);
        }
    }

    /** "live vs shadow: HOLD; failed: p99 latency; no data: labels". */
    static String verdictLine(dev.shadowbench.core.compare.Summary.ComparisonInfo cmp, Verdict v) {
        StringBuilder sb = new StringBuilder();
        sb.append(cmp.baselineLabel())
                .append(" vs ")
                .append(cmp.candidateLabel())
                .append(": ")
                .append(v.recommendation().name());
        List<String> failed = names(v, GateStatus.FAIL);
        List<String> missing = names(v, GateStatus.NO_DATA);
        if (!failed.isEmpty()) sb.append("; failed: ").append(String.join(", ", failed));
        if (!missing.isEmpty()) sb.append("; no data: ").append(String.join(", ", missing));
        return sb.toString();
    }

    private static List<String> names(Verdict v, GateStatus s) {
        return v.gates().stream()
                .filter(g -> g.status() == s)
                .map(GateResult::label)
                .toList();
    }

    /** Promote and advance never fail a run; hold and rollback do at or beyond {@code threshold}. */
    static int exitCode(Recommendation r, Recommendation threshold) {
        if (threshold == null || r.ordinal() < threshold.ordinal()) return 0;
        return r == Recommendation.ROLLBACK ? ROLLBACK_EXIT : HOLD_EXIT;
    }

    static Recommendation failOnLevel(String s) {
        if (s == null) return null;
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "hold" -> Recommendation.HOLD;
            case "rollback" -> Recommendation.ROLLBACK;
            default -> throw new BadInputException("--fail-on " + s + ": use hold or rollback");
        };
    }

    static ReportFormat formatFor(String given, Path file) {
        if (given != null) return ReportFormat.parse(given);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1);
        return ext.equals("md") || ext.equals("markdown") || ext.equals("json")
                ? ReportFormat.parse(ext)
                : ReportFormat.HTML;
    }
}
