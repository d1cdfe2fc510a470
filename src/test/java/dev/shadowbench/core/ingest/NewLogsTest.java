package dev.shadowbench.core.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shadowbench.core.BadInputException;
import dev.shadowbench.core.generate.SyntheticLogs;
import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import --new}: the places imported before are read again and only the files not seen yet come in. */
class NewLogsTest {
    @TempDir
    Path dir;

    private Path logs;
    private Path aside;

    @BeforeEach
    void threeDaysOfLogs() throws Exception {
        logs = dir.resolve("logs");
        SyntheticLogs.write(logs, SyntheticLogs.Options.of(600, 11, 3), null);
        // the third day has not arrived yet
        aside = dir.resolve("later");
        Files.createDirectories(aside);
        Files.move(logs.resolve("2026-11-22"), aside.resolve("2026-11-22"));
    }

    private void importFirstDays(Workspace w) {
        LogImporter imp = new LogImporter(w);
        imp.run(ImportRequest.predictions(List.of(logs.resolve("*/*.jsonl")), null), ProgressSink.NONE);
        imp.run(ImportRequest.labels(List.of(logs.resolve("*/labels.csv"))), ProgressSink.NONE);
    }

    private void dayThreeArrives() throws Exception {
        Files.move(aside.resolve("2026-11-22"), logs.resolve("2026-11-22"));
    }

    @Test
    void importsOnlyTheNewDayAndMatchesAnImportFromScratch() throws Exception {
        Path ws = dir.resolve("daily.duckdb");
        try (Workspace w = Workspace.open(ws)) {
            importFirstDays(w);
            dayThreeArrives();
            NewLogs.Outcome o = new NewLogs(w).run(ProgressSink.NONE);
            assertEquals(3, o.plan().newFiles(), o.summaryLine());
            assertEquals(6, o.plan().filesSeen(), o.summaryLine());
            assertEquals(2, o.reports().size());
            for (ImportReport r : o.reports()) assertEquals(0, r.filesSkippedAsDuplicate());
        }
        Path fresh = dir.resolve("fresh.duckdb");
        try (Workspace w = Workspace.open(fresh)) {
            LogImporter imp = new LogImporter(w);
            imp.run(ImportRequest.predictions(List.of(logs.resolve("*/*.jsonl")), null), ProgressSink.NONE);
            imp.run(ImportRequest.labels(List.of(logs.resolve("*/labels.csv"))), ProgressSink.NONE);
        }
        String rows = "SELECT variant, ts::DATE AS day, count(*), count(DISTINCT request_id), sum(prediction) "
                + "FROM predictions GROUP BY ALL ORDER BY ALL";
        String labels = "SELECT count(*), count(DISTINCT request_id), sum(label) FROM labels";
        assertEquals(table(fresh, rows), table(ws, rows));
        assertEquals(table(fresh, labels), table(ws, labels));
        assertEquals(3, table(ws, "SELECT DISTINCT ts::DATE FROM predictions").size());
    }

    @Test
    void aSecondRunFindsNothingAndAddsNoImport() throws Exception {
        Path ws = dir.resolve("daily.duckdb");
        try (Workspace w = Workspace.open(ws)) {
            importFirstDays(w);
            NewLogs.Outcome o = new NewLogs(w).run(ProgressSink.NONE);
            assertEquals(0, o.plan().newFiles());
            assertTrue(o.reports().isEmpty());
            assertTrue(o.summaryLine().startsWith("0 new file(s) in 2 source(s); 6 seen before"), o.summaryLine());
        }
        assertEquals(List.of(List.of("2")), table(ws, "SELECT count(*) FROM imports"));
    }

    @Test
    void aSourceThatIsGoneIsNamedNotFatal() throws Exception {
        Path ws = dir.resolve("daily.duckdb");
        try (Workspace w = Workspace.open(ws)) {
            LogImporter imp = new LogImporter(w);
            Path one = dir.resolve("one");
            Files.createDirectories(one);
            Files.copy(logs.resolve("2026-11-20/live.jsonl"), one.resolve("live.jsonl"));
            imp.run(ImportRequest.predictions(List.of(one), null), ProgressSink.NONE);
            imp.run(ImportRequest.predictions(List.of(logs.resolve("*/shadow.jsonl")), null), ProgressSink.NONE);
            Files.delete(one.resolve("live.jsonl"));
            Files.delete(one);
            dayThreeArrives();
            NewLogs.Outcome o = new NewLogs(w).run(ProgressSink.NONE);
            assertEquals(List.of(one.toAbsolutePath().toString()), o.plan().missing());
            assertEquals(1, o.plan().newFiles(), o.summaryLine());
            assertTrue(o.summaryLine().contains("gone: " + one.toAbsolutePath()), o.summaryLine());
        }
    }

    @Test
    void aWorkspaceImportedBeforeSourcesWereKeptLooksInTheFoldersOfItsFiles() throws Exception {
        Path ws = dir.resolve("old.duckdb");
        try (Workspace w = Workspace.open(ws)) {
            importFirstDays(w);
            try (Connection c = w.connect();
                    Statement st = c.createStatement()) {
                st.execute("DELETE FROM settings WHERE key = 'import.sources'");
            }
            // a new file in a folder seen before is found; a new folder is not (nothing named it)
            Files.copy(aside.resolve("2026-11-22/shadow.jsonl"), logs.resolve("2026-11-21/shadow-late.jsonl"));
            NewLogs.Plan p = new NewLogs(w).plan();
            assertEquals(1, p.newFiles());
            assertEquals(
                    logs.resolve("2026-11-21/shadow-late.jsonl").toAbsolutePath(),
                    p.requests().get(0).paths().get(0));
            assertEquals(ImportRequest.Kind.PREDICTIONS, p.requests().get(0).kind());
        }
    }

    @Test
    void anEmptyWorkspaceHasNothingToReadAgain() throws Exception {
        try (Workspace w = Workspace.open(dir.resolve("empty.duckdb"))) {
            BadInputException e = assertThrows(BadInputException.class, () -> new NewLogs(w).run(ProgressSink.NONE));
            assertTrue(e.getMessage().contains("import files or folders first"), e.getMessage());
        }
    }

    @Test
    void theRecordedSourceKeepsKindFormatAndVariant() throws Exception {
        try (Workspace w = Workspace.open(dir.resolve("s.duckdb"))) {
            new LogImporter(w)
                    .run(
                            ImportRequest.predictions(List.of(logs.resolve("2026-11-20/live.jsonl")), "prod")
                                    .withFormat("jsonl"),
                            ProgressSink.NONE);
            try (Connection c = w.connect()) {
                List<ImportSources.Source> s = ImportSources.all(c);
                assertEquals(1, s.size());
                assertEquals("predictions", s.get(0).kind());
                assertEquals("jsonl", s.get(0).format());
                assertEquals("prod", s.get(0).variant());
                assertEquals(
                        List.of(logs.resolve("2026-11-20/live.jsonl")
                                .toAbsolutePath()
                                .toString()),
                        s.get(0).paths());
            }
        }
    }

    private static List<List<String>> table(Path ws, String sql) throws Exception {
        try (Workspace w = Workspace.openReadOnly(ws)) {
            return IngestFixtures.rows(w, sql);
        }
    }
}
