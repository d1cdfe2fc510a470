package dev.shadowbench.core.ingest;

import static dev.shadowbench.core.ingest.IngestFixtures.jsonl;
import static dev.shadowbench.core.ingest.IngestFixtures.rows;
import static dev.shadowbench.core.ingest.IngestFixtures.scalar;
import static dev.shadowbench.core.ingest.IngestFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shadowbench.core.BadInputException;
import dev.shadowbench.core.generate.SyntheticLogs;
import dev.shadowbench.core.task.CancelledException;
import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogImporterAccountingTest {
    @TempDir
    Path dir;

    Workspace ws;

    @BeforeEach
    void open() {
        ws = Workspace.open(dir.resolve("ws.duckdb"));
    }

    @AfterEach
    void close() {
        ws.close();
    }

    private ImportReport run(ImportRequest req) {
        return new LogImporter(ws).run(req, ProgressSink.NONE);
    }

    private static final String BROKEN = String.join(
                    "\n",
                    "{\"request_id\":\"a\",\"prediction\":1.5,\"variant\":\"live\",\"latency_ms\":3}", // 1 ok
                    "", // 2 blank
                    "{\"request_id\":\"b\",\"prediction\":2,\"variant\":\"live\",\"timestamp\":\"2026-11-20T10:00:00Z\"}", // 3 ok
                    "{\"request_id\":\"c\",prediction:}", // 4 malformed
                    "   ", // 5 blank
                    "{\"prediction\":3,\"variant\":\"live\"}", // 6 no id
                    "{\"request_id\":\"d\",\"prediction\":4,\"variant\":\"live\",\"latency_ms\":\"slow\"}", // 7 bad
                    // latency
                    "[1,2]", // 8 not an object
                    "{\"request_id\":\"e\",\"prediction\":\"cat\",\"variant\":\"live\"}", // 9 ok (a class)
                    "{\"request_id\":\"f\",\"prediction\":5,\"variant\":\"live\",\"timestamp\":\"yesterday\"}")
            + "\n"; // 10 bad ts

    @Test
    void everyLineIsAccountedForAndBadLinesAreQuarantinedWithLineAndReason() throws Exception {
        Path f = write(dir.resolve("broken.jsonl"), BROKEN);
        ImportReport r = run(ImportRequest.predictions(List.of(f), null));
        assertEquals(10, r.linesRead());
        assertEquals(3, r.rowsImported());
        assertEquals(5, r.rowsQuarantined());
        assertEquals(2, r.linesBlank());
        assertEquals(r.linesRead(), r.rowsImported() + r.rowsQuarantined() + r.linesBlank());
        assertEquals(
                List.of(
                        Arrays.asList("4", null, "malformed JSON"),
                        Arrays.asList("6", "request_id", "missing correlation id"),
                        Arrays.asList("7", "latency_ms", "latency is not a number"),
                        Arrays.asList("8", null, "not a JSON object"),
                        Arrays.asList("10", "timestamp", "not a timestamp")),
                rows(ws, "SELECT line_no, field, reason FROM quarantine ORDER BY line_no"));
        assertEquals(
                "[1,2]",
                rows(ws, "SELECT raw FROM quarantine WHERE line_no = 8").get(0).get(0));
        assertEquals(
                List.of(List.of("a", "1"), List.of("b", "3"), List.of("e", "9")),
                rows(ws, "SELECT request_id, source_line FROM predictions ORDER BY 1"));
        assertEquals(
                List.of(List.of("10", "3", "5", "2")),
                rows(ws, "SELECT lines_read, rows_imported, rows_quarantined, lines_blank FROM import_files"));
        assertTrue(r.summaryLine().contains("10 line(s) read: 3 imported, 5 quarantined, 2 blank"), r.summaryLine());
    }

    @Test
    void wellFormedFilesWithBlankLinesOrAMissingIdAreAccountedToo() throws Exception {
        // parses cleanly, blank lines only: the fast path counts them as the lines that gave no record
        Path blanks = write(dir.resolve("live.jsonl"), jsonl("live", 2, 0) + "\n   \n" + jsonl("live", 1, 5));
        ImportReport r = run(ImportRequest.predictions(List.of(blanks), null));
        assertEquals(
                List.of(5L, 3L, 0L, 2L), List.of(r.linesRead(), r.rowsImported(), r.rowsQuarantined(), r.linesBlank()));
        // valid JSON everywhere but one record has no id: quarantined with its line number
        Path noId = write(
                dir.resolve("shadow.jsonl"), jsonl("shadow", 2, 0) + "{\"prediction\":1,\"variant\":\"shadow\"}\n");
        r = run(ImportRequest.predictions(List.of(noId), null));
        assertEquals(
                List.of(3L, 2L, 1L, 0L), List.of(r.linesRead(), r.rowsImported(), r.rowsQuarantined(), r.linesBlank()));
        assertEquals(
                List.of(List.of("3", "missing correlation id")), rows(ws, "SELECT line_no, reason FROM quarantine"));
    }

    @Test
    void brokenCsvRowsAreQuarantinedWithTheirPhysicalLine() throws Exception {
        Path f = write(
                dir.resolve("shadow.csv"),
                "request_id,prediction,latency_ms\nr1,1,5\n\nr2,2,5,extra\nr3,3,fast\nr4,4,6\n");
        ImportReport r = run(ImportRequest.predictions(List.of(f), null));
        assertEquals(List.of(2L, 2L, 1L), List.of(r.rowsImported(), r.rowsQuarantined(), r.linesBlank()));
        assertEquals(
                List.of(Arrays.asList("4", null), Arrays.asList("5", "latency_ms")),
                rows(ws, "SELECT line_no, field FROM quarantine ORDER BY 1"));
        assertEquals(
                List.of(List.of("r1", "2"), List.of("r4", "6")),
                rows(ws, "SELECT request_id, source_line FROM predictions ORDER BY 1"));
    }

    @Test
    void importingTheSameContentAgainAddsNothing() throws Exception {
        Path f = write(dir.resolve("live.jsonl"), jsonl("live", 4, 0));
        assertEquals(4, run(ImportRequest.predictions(List.of(f), null)).rowsImported());
        Path copy = Files.copy(f, dir.resolve("live-copy.jsonl"));
        ImportReport again = run(ImportRequest.predictions(List.of(f, copy), null));
        assertEquals(0, again.rowsImported());
        assertEquals(2, again.filesSkippedAsDuplicate());
        assertEquals(4, scalar(ws, "SELECT count(*) FROM predictions"));
        assertEquals(1, scalar(ws, "SELECT count(*) FROM imports"));
    }

    @Test
    void aFileThatCannotBeReadFailsTheWholeImportAndChangesNothing() throws Exception {
        Path good = write(dir.resolve("live.jsonl"), jsonl("live", 4, 0));
        Path noPrediction = write(dir.resolve("shadow.csv"), "request_id,colour\nr1,red\n");
        BadInputException e = assertThrows(
                BadInputException.class, () -> run(ImportRequest.predictions(List.of(good, noPrediction), null)));
        assertTrue(
                e.getMessage().contains("shadow.csv") && e.getMessage().contains("no prediction column"),
                e.getMessage());
        Path empty = write(dir.resolve("empty.jsonl"), "");
        e = assertThrows(BadInputException.class, () -> run(ImportRequest.predictions(List.of(good, empty), null)));
        assertTrue(e.getMessage().contains("empty.jsonl") && e.getMessage().contains("empty"), e.getMessage());
        Path notJson = write(dir.resolve("notes-live.jsonl"), "hello\nworld\n");
        e = assertThrows(BadInputException.class, () -> run(ImportRequest.predictions(List.of(good, notJson), null)));
        assertTrue(e.getMessage().contains("notes-live.jsonl"), e.getMessage());
        e = assertThrows(
                BadInputException.class,
                () -> run(ImportRequest.predictions(List.of(dir.resolve("missing.jsonl")), null)));
        assertTrue(e.getMessage().contains("missing.jsonl"), e.getMessage());
        for (String t : List.of("predictions", "imports", "import_files", "quarantine", "labels")) {
            assertEquals(0, scalar(ws, "SELECT count(*) FROM " + t), t);
        }
    }

    @Test
    void cancelRollsBackCleanly() throws Exception {
        SyntheticLogs.write(dir.resolve("gen"), SyntheticLogs.Options.of(20_000, 3, 1), n -> {});
        Path live = dir.resolve("gen/2026-11-20/live.jsonl");
        Path shadow = dir.resolve("gen/2026-11-20/shadow.jsonl");
        AtomicBoolean cancel = new AtomicBoolean();
        ProgressSink sink = new ProgressSink() {
            @Override
            public void progress(long done, long total, String message) {
                // cancel as soon as the second file starts: the first one is already in the (uncommitted) transaction
                if (message != null && message.startsWith("Importing shadow")) cancel.set(true);
            }

            @Override
            public boolean isCancelled() {
                return cancel.get();
            }
        };
        assertThrows(CancelledException.class, () -> new LogImporter(ws)
                .run(ImportRequest.predictions(List.of(live, shadow), null), sink));
        for (String t : List.of("predictions", "imports", "import_files", "quarantine")) {
            assertEquals(0, scalar(ws, "SELECT count(*) FROM " + t), t);
        }
        // the workspace still works and the same files import afterwards
        ImportReport r = run(ImportRequest.predictions(List.of(live, shadow), null));
        assertEquals(r.linesRead(), r.rowsImported());
        assertEquals(r.rowsImported(), scalar(ws, "SELECT count(*) FROM predictions"));
    }

    @Test
    void aFailedImportUsesUpNoImportId() throws Exception {
        Path bad = write(dir.resolve("live-bad.jsonl"), "{\"request_id\":\"a\"}\n");
        assertThrows(BadInputException.class, () -> run(ImportRequest.predictions(List.of(bad), null)));
        Path good = write(dir.resolve("live.jsonl"), jsonl("live", 2, 0));
        assertEquals(1, run(ImportRequest.predictions(List.of(good), null)).importId());
        assertEquals(
                2,
                run(ImportRequest.predictions(List.of(write(dir.resolve("shadow.jsonl"), jsonl("shadow", 2, 0))), null))
                        .importId());
    }
}
