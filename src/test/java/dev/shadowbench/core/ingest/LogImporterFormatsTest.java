package dev.shadowbench.core.ingest;

import static dev.shadowbench.core.ingest.IngestFixtures.exec;
import static dev.shadowbench.core.ingest.IngestFixtures.jsonl;
import static dev.shadowbench.core.ingest.IngestFixtures.rows;
import static dev.shadowbench.core.ingest.IngestFixtures.scalar;
import static dev.shadowbench.core.ingest.IngestFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Workspace;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogImporterFormatsTest {
    @TempDir
    Path dir;

    Workspace ws;

    @BeforeEach
    void open() {
        ws = Workspace.inMemory();
    }

    @AfterEach
    void close() {
        ws.close();
    }

    private ImportReport importPredictions(String variant, Path... paths) {
        return new LogImporter(ws).run(ImportRequest.predictions(List.of(paths), variant), ProgressSink.NONE);
    }

    @Test
    void jsonLinesPlainAndGzip() throws Exception {
        Path plain = write(dir.resolve("a/live.jsonl"), jsonl("live", 3, 0));
        Path gz = write(dir.resolve("a/shadow.jsonl.gz"), jsonl("shadow", 2, 0));
        ImportReport r = importPredictions(null, plain, gz);
        assertEquals(5, r.rowsImported());
        assertEquals(5, r.linesRead());
        assertEquals(
                List.of(List.of("live", "3", "3", "3"), List.of("shadow", "2", "2", "2")),
                rows(
                        ws,
                        "SELECT variant, count(*), count(ts), count(latency_ms) FROM predictions GROUP BY 1 ORDER BY 1"));
        assertEquals(
                List.of(List.of("r1", "2026-11-20 10:00:01", "11.5", "21.0", "1", "m", "web")),
                rows(
                        ws,
                        "SELECT request_id, strftime(ts, '%Y-%m-%d %H:%M:%S'), prediction, latency_ms, version, model, segment "
                                + "FROM predictions WHERE variant = 'live' AND request_id = 'r1'"));
    }

    @Test
    void csvWithTeamColumnNamesPlainAndGzip() throws Exception {
        String csv =
                "corr_id,event_time,score,elapsed_ms,country\nx1,2026-11-20 08:00:00,0.25,12.5,de\nx2,1763625600,0.75,,fr\n";
        Path plain = write(dir.resolve("b/day1.csv"), csv);
        Path gz = write(dir.resolve("c/day1.csv.gz"), csv.replace("x1", "y1").replace("x2", "y2"));
        ImportReport r = importPredictions("shadow", plain, gz);
        assertEquals(4, r.rowsImported());
        // epoch seconds 1763625600 = 2025-11-20 08:00:00 UTC; an empty latency is "not recorded", not an error
        assertEquals(
                List.of(
                        Arrays.asList("x1", "2026-11-20 08:00:00", "0.25", "12.5", "de", "shadow"),
                        Arrays.asList("x2", "2025-11-20 08:00:00", "0.75", null, "fr", "shadow")),
                rows(
                        ws,
                        "SELECT request_id, strftime(ts, '%Y-%m-%d %H:%M:%S'), prediction, latency_ms, segment, variant "
                                + "FROM predictions WHERE request_id LIKE 'x%' ORDER BY 1"));
        assertEquals(2, scalar(ws, "SELECT count(*) FROM predictions WHERE request_id LIKE 'y%'"));
    }

    @Test
    void parquetIncludingGzipCodecAndRankingsAndClasses() throws Exception {
        Path p1 = dir.resolve("p/canary.parquet");
        Path p2 = dir.resolve("p/canary-gzip.parquet");
        java.nio.file.Files.createDirectories(p1.getParent());
        exec(
                ws,
                "COPY (SELECT 'q' || i AS inference_id, TIMESTAMP '2026-11-20 09:00:00' + INTERVAL (i) MINUTE AS ts, "
                        + "['a' || i, 'b'] AS prediction, CAST(i AS DOUBLE) AS duration_ms FROM range(4) t(i)) TO '"
                        + p1 + "' (FORMAT parquet)");
        exec(
                ws,
                "COPY (SELECT 'k' || i AS request_id, CASE WHEN i % 2 = 0 THEN 'cat' ELSE 'dog' END AS prediction, "
                        + "'canary' AS variant FROM range(3) t(i)) TO '" + p2 + "' (FORMAT parquet, COMPRESSION gzip)");
        ImportReport r = importPredictions(null, dir.resolve("p"));
        assertEquals(7, r.rowsImported());
        assertEquals(
                List.of(List.of("q1", "[a1, b]", "1.0", "2")),
                rows(
                        ws,
                        "SELECT request_id, CAST(ranking AS VARCHAR), latency_ms, source_line FROM predictions WHERE request_id = 'q1'"));
        assertEquals(
                List.of(List.of("cat", "2"), List.of("dog", "1")),
                rows(
                        ws,
                        "SELECT predicted_class, count(*) FROM predictions WHERE request_id LIKE 'k%' GROUP BY 1 ORDER BY 1"));
    }

    @Test
    void oneFileWithBothVariantsAndAGlob() throws Exception {
        write(dir.resolve("g/mixed-1.jsonl"), jsonl("live", 2, 0) + jsonl("shadow", 2, 0));
        write(dir.resolve("g/mixed-2.jsonl"), jsonl("live", 1, 10) + jsonl("shadow", 1, 10));
        write(dir.resolve("g/other.csv"), "request_id,prediction\nz,1\n");
        ImportReport r = importPredictions(null, Path.of(dir.resolve("g") + "/mixed-*.jsonl"));
        assertEquals(2, r.files());
        assertEquals(
                List.of(List.of("live", "3"), List.of("shadow", "3")),
                rows(ws, "SELECT variant, count(*) FROM predictions GROUP BY 1 ORDER BY 1"));
    }

    @Test
    void labelsArriveLater() throws Exception {
        importPredictions(null, write(dir.resolve("live.jsonl"), jsonl("live", 3, 0)));
        Path labels = write(dir.resolve("labels.csv"), "request_id,actual\nr0,10\nr2,12.5\nr9,yes\n");
        ImportReport r = new LogImporter(ws).run(ImportRequest.labels(List.of(labels)), ProgressSink.NONE);
        assertEquals(3, r.rowsImported());
        assertEquals(
                List.of(
                        Arrays.asList("r0", "10.0", null),
                        Arrays.asList("r2", "12.5", null),
                        Arrays.asList("r9", null, "yes")),
                rows(ws, "SELECT request_id, label, label_class FROM labels ORDER BY 1"));
    }

    @Test
    void explicitMappingIsUsedAndRememberedForTheSource() throws Exception {
        Path f1 = write(dir.resolve("m/a.csv"), "rid,yh,arm\n1,0.5,live\n2,0.6,shadow\n");
        Path f2 = write(dir.resolve("m/b.csv"), "rid,yh,arm\n3,0.7,live\n");
        ColumnMapping m =
                ColumnMapping.fromJson("{\"request_id\":\"rid\",\"prediction\":\"yh\",\"variant\":\"arm\"}", "test");
        new LogImporter(ws).run(ImportRequest.predictions(List.of(f1), null).withMapping(m), ProgressSink.NONE);
        assertEquals(1, scalar(ws, "SELECT count(*) FROM source_mappings WHERE mapping_json LIKE '%\"rid\"%'"));
        // no mapping given: the one remembered for this folder applies ("yh" would not be detected)
        importPredictions(null, f2);
        assertEquals(
                List.of(List.of("3", "0.7", "live")),
                rows(ws, "SELECT request_id, prediction, variant FROM predictions WHERE request_id = '3'"));
    }
}
