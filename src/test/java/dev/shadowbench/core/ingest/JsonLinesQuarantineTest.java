package dev.shadowbench.core.ingest;

import static dev.shadowbench.core.ingest.IngestFixtures.jsonl;
import static dev.shadowbench.core.ingest.IngestFixtures.rows;
import static dev.shadowbench.core.ingest.IngestFixtures.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Workspace;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad lines past the probe's sample (so the file is read by the strict fast path first, which fails): they are
 * quarantined by the set-based text pass ({@link JsonLines}) with their physical line number and reason, every good
 * line is imported, and the file is read line by line only when that pass cannot account for every line.
 */
class JsonLinesQuarantineTest {
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

    /** 2,500 good lines (past the 2,000 the probe samples), the bad ones, 100 good ones, a last line cut short. */
    private Path file(byte[]... bad) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jsonl("live", 2500, 0).getBytes(StandardCharsets.UTF_8));
        for (byte[] b : bad) {
            out.write(b);
            out.write('\n');
        }
        out.write(jsonl("live", 100, 2500).getBytes(StandardCharsets.UTF_8));
        out.write("{\"request_id\":\"cut\",\"predic".getBytes(StandardCharsets.UTF_8));
        return Files.write(dir.resolve("live.jsonl"), out.toByteArray());
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void badLinesAreQuarantinedInOneSetBasedPassWithTheirLineNumbers() throws Exception {
        byte[] notUtf8 = text("{\"request_id\":\"xx\",\"prediction\":1,\"variant\":\"live\"}");
        notUtf8[16] = (byte) 0xff; // inside the id
        Path f = file(
                text("{\"request_id\":\"r-cut\",\"predic"), // 2501: cut short
                text(""), // 2502: blank
                text("   "), // 2503: spaces only, blank
                notUtf8, // 2504
                text("{\"request_id\":\"r-x\",\"prediction\":2,,}")); // 2505: malformed
        LogImporter importer = new LogImporter(ws);
        ImportReport r = importer.run(ImportRequest.predictions(List.of(f), null), ProgressSink.NONE);

        assertEquals(2, importer.attempts(), "the strict reader, then the set-based pass");
        assertEquals(java.util.Set.of(), importer.readLineByLine(), "no line read one by one");
        assertEquals(2606, r.linesRead());
        assertEquals(2600, r.rowsImported());
        assertEquals(4, r.rowsQuarantined());
        assertEquals(2, r.linesBlank());
        assertEquals(
                List.of(
                        Arrays.asList("2501", null, "malformed JSON", "{\"request_id\":\"r-cut\",\"predic"),
                        Arrays.asList("2504", null, "invalid UTF-8 (the line is not UTF-8 text)", null),
                        Arrays.asList("2505", null, "malformed JSON", "{\"request_id\":\"r-x\",\"prediction\":2,,}"),
                        Arrays.asList("2606", null, "malformed JSON", "{\"request_id\":\"cut\",\"predic")),
                rows(
                        ws,
                        "SELECT line_no, field, reason, CASE WHEN line_no <> 2504 THEN raw END FROM quarantine "
                                + "ORDER BY line_no"));
        // every good line, once
        assertEquals(2600, scalar(ws, "SELECT count(DISTINCT request_id) FROM predictions"));
        assertEquals(0, scalar(ws, "SELECT count(*) FROM predictions WHERE request_id NOT LIKE 'r%'"));
        assertEquals(
                2600, scalar(ws, "SELECT count(*) FROM predictions WHERE ts IS NOT NULL AND latency_ms IS NOT NULL"));
        assertEquals(
                List.of(List.of("2606", "2600", "4", "2")),
                rows(ws, "SELECT lines_read, rows_imported, rows_quarantined, lines_blank FROM import_files"));

        ImportReport again = new LogImporter(ws).run(ImportRequest.predictions(List.of(f), null), ProgressSink.NONE);
        assertEquals(1, again.filesSkippedAsDuplicate(), "re-importing the same file is a no-op");
        assertEquals(2600, scalar(ws, "SELECT count(*) FROM predictions"));
    }

    @Test
    void aLineThatIsJsonButNoPredictionIsFoundLineByLine() throws Exception {
        Path f = file(
                text("{\"prediction\":3,\"variant\":\"live\"}"), // 2501: no id
                text("{\"request_id\":\"r-lat\",\"prediction\":4,\"variant\":\"live\",\"latency_ms\":\"slow\"}"),
                text("{\"request_id\":\"r-x\",\"prediction\":2,,}")); // 2503: malformed
        LogImporter importer = new LogImporter(ws);
        ImportReport r = importer.run(ImportRequest.predictions(List.of(f), null), ProgressSink.NONE);

        assertEquals(3, importer.attempts(), "the set-based pass cannot number a JSON line with a problem");
        assertEquals(java.util.Set.of(f), importer.readLineByLine());
        assertEquals(2604, r.linesRead());
        assertEquals(2600, r.rowsImported());
        assertEquals(4, r.rowsQuarantined());
        assertEquals(0, r.linesBlank());
        assertEquals(
                List.of(
                        Arrays.asList("2501", "request_id", "missing correlation id"),
                        Arrays.asList("2502", "latency_ms", "latency is not a number"),
                        Arrays.asList("2503", null, "malformed JSON"),
                        Arrays.asList("2604", null, "malformed JSON")),
                rows(ws, "SELECT line_no, field, reason FROM quarantine ORDER BY line_no"));
    }
}
