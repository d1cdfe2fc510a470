package dev.shadowbench.cli;

import dev.shadowbench.core.BadInputException;
import dev.shadowbench.core.decide.DecisionDesk;
import dev.shadowbench.core.decide.DecisionRecord;
import dev.shadowbench.core.decide.DecisionType;
import dev.shadowbench.core.decide.GateSettingsStore;
import dev.shadowbench.core.decide.SummarySources;
import dev.shadowbench.core.workspace.AppHome;
import dev.shadowbench.core.workspace.Workspace;
import java.sql.Connection;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code decide}: appends a decision, with the gates' figures at this moment as its evidence. */
@Command(
        name = "decide",
        mixinStandardHelpOptions = true,
        description =
                "Record a decision (promote, hold, rollback, advance, retire) with its evidence in the hash-chained log.")
public final class DecideCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    WorkspaceOption workspace;

    @Mixin
    ComparisonOptions comparisonOptions;

    @Option(names = "--decision", required = true, description = "promote, hold, rollback, advance or retire")
    String decision;

    @Option(
            names = {"--reviewer", "--by"},
            description = "Who decides (default: the reviewer name set in the window, kept in the settings folder)")
    String reviewer;

    @Option(names = "--note", defaultValue = "", description = "Why")
    String note;

    @Option(
            names = "--reason",
            description = "Why, when the decision goes against the gates' recommendation (kept in the hashed evidence)")
    String reason;

    @Option(names = "--model", description = "Model the decision is about (default: the candidate's)")
    String model;

    @Option(names = "--model-version", description = "Version the decision is about (default: the candidate's)")
    String version;

    @Option(names = "--stage", description = "Stage at the time (default: the version's current stage)")
    String stage;

    @Option(names = "--traffic-share", description = "Traffic share 0..1 (default: the stage's)")
    Double share;

    @Override
    public Integer call() throws Exception {
        DecisionType type = DecisionType.parse(decision);
        String who = reviewer != null && !reviewer.isBlank()
                ? reviewer.strip()
                : AppHome.fromSystem()
                        .reviewer()
                        .orElseThrow(
                                () -> new BadInputException(
                                        "No reviewer: name one with --reviewer NAME (the window's reviewer name is not set either)"));
        try (Workspace ws = Workspace.openExisting(workspace.file);
                Connection c = ws.connect()) {
            var a = DecisionDesk.assess(
                    c,
                    comparisonOptions.resolve(c),
                    SummarySources.standard(),
                    GateSettingsStore.load(c),
                    LocalDateTime.now(ZoneOffset.UTC));
            DecisionRecord r = DecisionDesk.record(
                    c, a, type, who, note.isEmpty() ? null : note, model, version, stage, share, reason);
            System.out.println(Terminal.line(String.format(
                    java.util.Locale.ROOT,
                    "Recorded decision #%d: %s %s by %s at %s UTC (gates recommended %s); hash %s",
                    r.seq(),
                    r.decision(),
                    r.versionKey() == null ? "(no version)" : r.versionKey(),
                    r.reviewer(),
                    r.decidedAt(),
                    a.verdict().recommendation().id(),
                    r.hash())));
        }
        return 0;
    }
}
