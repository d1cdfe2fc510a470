package dev.shadowbench.ui.common;

import static dev.shadowbench.ui.FxWait.runFx;
import static dev.shadowbench.ui.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shadowbench.core.generate.SyntheticLogs;
import dev.shadowbench.core.ingest.ImportRequest;
import dev.shadowbench.core.ingest.LogImporter;
import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Workspace;
import dev.shadowbench.ui.DecisionsFixture;
import dev.shadowbench.ui.FxWait;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * File > Import new logs: the day that arrived is imported, the comparison bar learns of it, the user is told by a
 * notification (announced, not a modal info dialog).
 */
class ImportNewLogsTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void fx() {
        FxWait.startFx();
    }

    @Test
    void theNewDayArrivesInTheOpenWorkspace() throws Exception {
        Path logs = dir.resolve("logs");
        SyntheticLogs.write(logs, SyntheticLogs.Options.of(300, 3, 2), null);
        Files.move(logs.resolve("2026-11-21"), dir.resolve("later"));
        Path file = dir.resolve("ws.duckdb");
        try (Workspace w = Workspace.open(file)) {
            new LogImporter(w)
                    .run(ImportRequest.predictions(List.of(logs.resolve("*/*.jsonl")), null), ProgressSink.NONE);
        }
        DecisionsFixture fx = new DecisionsFixture(dir);
        runFx(() -> fx.main.open(file));
        until("choices", () -> fx.main.choicesProperty().get() != null);
        assertEquals(LocalDate.of(2026, 11, 20), fx.main.choicesProperty().get().lastDay());

        Files.move(dir.resolve("later"), logs.resolve("2026-11-21"));
        runFx(fx.main::importNewLogs);
        until("told", () -> !fx.announced.isEmpty() || !fx.errors.isEmpty(), () -> fx.errors);
        assertTrue(fx.errors.isEmpty(), fx.errors.toString());
        assertTrue(
                fx.announced.get(0).startsWith("New logs: 2 new file(s) in 1 source(s); 2 seen before"),
                fx.announced.get(0));
        until("the new day in the bar", () -> LocalDate.of(2026, 11, 21)
                .equals(fx.main.choicesProperty().get().lastDay()));

        // nothing new: said so, nothing imported
        fx.announced.clear();
        runFx(fx.main::importNewLogs);
        until("told again", () -> !fx.announced.isEmpty());
        assertTrue(fx.announced.get(0).startsWith("New logs: 0 new file(s)"), fx.announced.get(0));
    }
}
