package dev.shadowbench.cli;

import dev.shadowbench.core.BadInputException;
import dev.shadowbench.core.canary.RampPlan;
import dev.shadowbench.core.compare.Comparison;
import dev.shadowbench.core.compare.Side;
import dev.shadowbench.core.format.FigureFormat;
import dev.shadowbench.core.json.Json;
import dev.shadowbench.core.workspace.Workspace;
import java.io.PrintWriter;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ramp}: sets or prints the canary's planned share of traffic per day. */
@Command(
        name = "ramp",
        mixinStandardHelpOptions = true,
        description = "Set or show the canary's ramp plan: from which day the candidate serves which share of traffic.")
public final class RampCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    WorkspaceOption workspace;

    @Option(
            names = "--candidate",
            paramLabel = "VARIANT[/MODEL/VERSION]",
            description = "The candidate side (default: the workspace's default candidate, e.g. canary)")
    String candidate;

    @Option(
            names = "--set",
            paramLabel = "DAY=SHARE",
            description = "From DAY on the candidate serves SHARE (0.2 or 20%%), until a later step (repeatable)")
    List<String> set = new ArrayList<>();

    @Option(names = "--json", description = "Print the plan as one JSON object")
    boolean json;

    /** The plan as {@code ramp --json} prints it. */
    public record Plan(String candidate, List<RampPlan.Step> steps) {}

    @Override
    public Integer call() throws Exception {
        try (Workspace ws = Workspace.openExisting(workspace.file);
                Connection c = ws.connect()) {
            Side chosen = candidate != null ? ComparisonOptions.side(candidate) : defaultCandidate(c);
            String side = chosen.key();
            // kept under the model version when the side holds one, so the shadow's plan is the canary's too
            List<String> keys = chosen.planKeys(c);
            PrintWriter out = spec.commandLine().getOut();
            if (!set.isEmpty()) {
                Map<LocalDate, Double> steps = new LinkedHashMap<>();
                for (String s : set) {
                    var e = RampPlan.parseStep(s);
                    steps.put(e.getKey(), e.getValue());
                }
                RampPlan.set(c, keys.get(0), steps, RampPlan.BY_HAND);
                if (!json) out.printf(Locale.ROOT, "Set %d step(s) of the ramp plan of %s%n", steps.size(), side);
            }
            List<RampPlan.Step> steps = RampPlan.steps(c, keys);
            if (json) {
                out.println(Json.write(new Plan(side, steps)));
            } else if (set.isEmpty()) {
                out.println(text(side, steps));
            }
            out.flush();
        }
        return 0;
    }

    private static Side defaultCandidate(Connection c) throws java.sql.SQLException {
        Comparison dflt = Comparison.defaultFor(c);
        if (dflt == null) throw new BadInputException("The workspace holds fewer than two variants; name --candidate");
        return dflt.candidate();
    }

    static String text(String side, List<RampPlan.Step> steps) {
        if (steps.isEmpty()) return "No ramp plan for " + side + " (set one with ramp --set DAY=SHARE)";
        StringBuilder sb = new StringBuilder("Ramp plan of " + side + ":");
        for (RampPlan.Step s : steps) {
            sb.append(String.format(
                    Locale.ROOT, "%n  from %s  %s  (%s)", s.day(), FigureFormat.share(s.share()), s.source()));
        }
        return sb.toString();
    }
}
