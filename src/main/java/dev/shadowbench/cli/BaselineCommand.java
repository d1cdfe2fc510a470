package dev.shadowbench.cli;

import dev.shadowbench.core.BadInputException;
import dev.shadowbench.core.baseline.BaselineKind;
import dev.shadowbench.core.baseline.BaselineRequest;
import dev.shadowbench.core.baseline.SyntheticBaselines;
import dev.shadowbench.core.compare.BaselineRecipe;
import dev.shadowbench.core.json.Json;
import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Workspace;
import java.io.PrintWriter;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code baseline}: builds a synthetic baseline for a first model, as a variant of the workspace. */
@Command(
        name = "baseline",
        mixinStandardHelpOptions = true,
        description =
                "Build a synthetic baseline (a constant, the mean, median or majority class of the labels, or the "
                        + "top-N clicked items) that answers every request the candidate answered, so a first model has "
                        + "something to be compared with. Rebuilding a name replaces it.")
public final class BaselineCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    WorkspaceOption workspace;

    @Option(
            names = "--candidate",
            required = true,
            paramLabel = "VARIANT[/MODEL/VERSION]",
            description = "The model whose requests the baseline answers, e.g. shadow or shadow/gbr/1.0.0")
    String candidate;

    @Option(
            names = "--kind",
            required = true,
            paramLabel = "KIND",
            description = "constant | mean | median (regression) | majority (classification) | top-n (ranking)")
    String kind;

    @Option(
            names = "--value",
            paramLabel = "V",
            description = "The constant's value: a number, a class, or items separated by commas for a ranking")
    String value;

    @Option(names = "--n", paramLabel = "N", description = "How many items a top-n baseline ranks (default 10)")
    Integer n;

    @ArgGroup(exclusive = true)
    Source source;

    /** Where a fitted baseline learns its answer. */
    static final class Source {
        @Option(names = "--from-labels", description = "Fit on every label of the workspace (the default)")
        boolean labels;

        @Option(
                names = "--from-days",
                paramLabel = "DAY..DAY",
                description = "Fit on the labels (clicks) of these days only, e.g. an earlier period")
        String days;
    }

    @Option(
            names = "--name",
            paramLabel = "NAME",
            description = "The baseline's variant name (default: " + BaselineRequest.DEFAULT_NAME + ")")
    String name;

    @Option(names = "--json", description = "Print the stored recipe as one JSON object")
    boolean json;

    @Override
    public Integer call() throws Exception {
        LocalDate[] days = source == null ? null : BaselineRequest.days(source.days);
        BaselineRequest request = new BaselineRequest(
                name,
                ComparisonOptions.side(candidate),
                BaselineKind.parse(kind),
                value,
                n,
                days == null ? null : days[0],
                days == null ? null : days[1]);
        try (Workspace ws = Workspace.openExisting(workspace.file);
                Connection c = ws.connect()) {
            if (ws.readOnly()) throw new BadInputException("Workspace " + workspace.file + " is read-only");
            BaselineRecipe recipe = SyntheticBaselines.build(c, request, ProgressSink.NONE);
            PrintWriter out = spec.commandLine().getOut();
            if (json) out.println(Json.write(recipe));
            else {
                out.printf(
                        Locale.ROOT,
                        "Baseline '%s' answers %,d requests of %s: %s%n"
                                + "Compare with: summary -w %s --baseline %s --candidate %s%n",
                        recipe.name(),
                        recipe.answered(),
                        recipe.candidate(),
                        recipe.description(),
                        workspace.file,
                        recipe.name(),
                        candidate);
            }
            out.flush();
        }
        return 0;
    }
}
