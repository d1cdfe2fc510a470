package dev.shadowbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.shadowbench.core.BadInputException;
import dev.shadowbench.core.decide.DecisionLog;
import dev.shadowbench.core.decide.DecisionRecord;
import dev.shadowbench.core.decide.Verification;
import dev.shadowbench.core.report.DecisionJson;
import dev.shadowbench.core.workspace.Workspace;
import java.nio.file.Files;
import java.sql.Connection;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code decisions}: lists the decision log or verifies its hash chain (exit {@value #TAMPERED} if broken). */
@Command(
        name = "decisions",
        mixinStandardHelpOptions = true,
        description = "List the decision log, or verify its hash chain.%n"
                + "--verify exits 0 when intact, 3 when a record was altered, inserted or removed (each named by seq).")
public final class DecisionsCommand implements Callable<Integer> {
    /** Exit code of {@code --verify} on a broken chain: distinct from 1 (internal error) and 2 (bad input). */
    public static final int TAMPERED = ShadowbenchCommand.TAMPERED;

    @picocli.CommandLine.Mixin
    WorkspaceOption workspace;

    @ArgGroup(exclusive = true)
    Mode mode;

    static final class Mode {
        @Option(names = "--json", description = "Print the log as a JSON array")
        boolean json;

        @Option(names = "--verify", description = "Check every record's hash and link")
        boolean verify;
    }

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(workspace.file)) throw new BadInputException("No workspace at " + workspace.file);
        // Reading only: a read-only file or folder, or another reader, must not stop a verification.
        try (Workspace ws = Workspace.openForReading(workspace.file);
                Connection c = ws.connect()) {
            if (mode != null && mode.verify) {
                Verification v = DecisionLog.verify(c);
                System.out.println(Terminal.safe(v.summaryLine()));
                for (Verification.Problem p : v.problems()) {
                    System.out.println(Terminal.line("  seq " + p.seq() + " " + p.kind() + ": " + p.message()));
                }
                System.out.println(Terminal.line(v.headLine()));
                return v.intact() ? 0 : TAMPERED;
            }
            var rows = DecisionLog.list(c);
            if (mode != null && mode.json) {
                ObjectMapper m = dev.shadowbench.core.json.Json.mapper();
                ArrayNode arr = m.createArrayNode();
                rows.forEach(r -> arr.add(DecisionJson.of(r)));
                System.out.println(m.writeValueAsString(arr));
            } else {
                if (rows.isEmpty()) System.out.println("No decisions recorded yet.");
                for (DecisionRecord r : rows) {
                    System.out.println(Terminal.line(String.format(
                            java.util.Locale.ROOT,
                            "#%d %s %-8s %s by %s%s",
                            r.seq(),
                            r.decidedAt(),
                            r.decision(),
                            r.versionKey() == null ? "(no version)" : r.versionKey(),
                            r.reviewer(),
                            r.note() == null ? "" : ": " + r.note())));
                }
            }
        }
        return 0;
    }
}
