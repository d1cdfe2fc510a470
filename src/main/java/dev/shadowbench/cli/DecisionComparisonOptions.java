package dev.shadowbench.cli;

import dev.shadowbench.core.BadInputException;
import dev.shadowbench.core.compare.Comparison;
import dev.shadowbench.core.compare.Side;
import dev.shadowbench.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import picocli.CommandLine.Option;

/** The workspace and comparison options shared by {@code report} and {@code decide}. */
final class DecisionComparisonOptions {
    @Option(names = {"-w", "--workspace"}, required = true, description = "Workspace file (.duckdb)") Path workspace;
    @Option(names = "--baseline", description = "Baseline side VARIANT/MODEL/VERSION with * for any (default: live)") String baseline;
    @Option(names = "--candidate", description = "Candidate side VARIANT/MODEL/VERSION (default: shadow or canary)") String candidate;
    @Option(names = "--from", description = "First day (yyyy-mm-dd)") LocalDate from;
    @Option(names = "--to", description = "Last day (yyyy-mm-dd)") LocalDate to;

    /** Opens an existing workspace; a missing file is a usage error, never silently created. */
    Workspace open() {
        if (!Files.isRegularFile(workspace)) throw new BadInputException("No workspace at " + workspace);
        return Workspace.open(workspace);
    }

    Comparison comparison(Connection c) throws SQLException {
        Comparison d = Comparison.defaultFor(c);
        if (d == null && (baseline == null || candidate == null)) {
            throw new BadInputException("Workspace " + workspace + " holds fewer than two variants: give --baseline and --candidate");
        }
        Side b = baseline != null ? Side.parse(baseline) : d.baseline();
        Side cand = candidate != null ? Side.parse(candidate) : d.candidate();
        return new Comparison(b, cand, from, to);
    }
}
