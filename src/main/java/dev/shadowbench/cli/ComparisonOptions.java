package dev.shadowbench.cli;

import dev.shadowbench.core.BadInputException;
import dev.shadowbench.core.compare.Comparison;
import dev.shadowbench.core.compare.DefaultWindow;
import dev.shadowbench.core.compare.Side;
import dev.shadowbench.core.workspace.Workspace;
import java.time.LocalDate;
import picocli.CommandLine.Option;

/** The comparison options shared by the reading subcommands: baseline, candidate, window. */
public final class ComparisonOptions {
    @Option(
            names = "--baseline",
            paramLabel = "VARIANT[/MODEL/VERSION]",
            description = "Baseline side, e.g. live or live/ridge/1.4.0 (* for any). Default: live")
    String baseline;

    @Option(
            names = "--candidate",
            paramLabel = "VARIANT[/MODEL/VERSION]",
            description = "Candidate side, e.g. shadow or canary/gbr/2.0.0 (* for any). Default: shadow, else canary")
    String candidate;

    @Option(names = "--from", paramLabel = "DAY", description = "First day of the window (YYYY-MM-DD)")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DAY", description = "Last day of the window (YYYY-MM-DD)")
    LocalDate to;

    /** The comparison these options name, with the workspace's default for what they leave out. */
    public Comparison resolve(Workspace ws) {
        return ws.read(this::resolve);
    }

    /** As {@link #resolve(Workspace)}, on a connection the command already holds. */
    public Comparison resolve(java.sql.Connection conn) throws java.sql.SQLException {
        if (from != null && to != null && to.isBefore(from)) {
            throw new BadInputException("--to " + to + " is before --from " + from);
        }
        Comparison dflt = Comparison.defaultFor(conn);
        Side b = baseline != null ? side(baseline) : dflt == null ? null : dflt.baseline();
        Side c = candidate != null ? side(candidate) : dflt == null ? null : dflt.candidate();
        if (b == null || c == null) {
            throw new BadInputException("The workspace holds fewer than two variants; name --baseline and --candidate");
        }
        // no window given: the candidate's days where the baseline's others are another stage's, as the app opens on
        if (from == null && to == null)
            return DefaultWindow.follow(new Comparison(b, c, null, null), DefaultWindow.daysByVariant(conn));
        return new Comparison(b, c, from, to);
    }

    static Side side(String s) {
        return s.contains("/") ? Side.parse(s) : Side.variant(s);
    }
}
