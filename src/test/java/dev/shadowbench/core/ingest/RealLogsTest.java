package dev.shadowbench.core.ingest;

import static dev.shadowbench.core.ingest.IngestFixtures.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shadowbench.core.generate.SyntheticLogs;
import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Logs as SageMaker, KServe and BentoML write them (fixtures under resources dev/shadowbench/ingest/real, written by
 * make_fixtures.py there): multi-instance responses, JSON Lines and .npy payloads, ground truth, KServe JSON arrays
 * with occurrenceTime, BentoML .log folders, and a generated logs folder with its labels file.
 */
class RealLogsTest {
    @TempDir
    Path dir;

    Workspace ws;

    @BeforeEach
    void open() throws Exception {
        ws = Workspace.inMemory();
        Path src = Path.of(
                RealLogsTest.class.getResource("/dev/shadowbench/ingest/real").toURI());
        try (Stream<Path> s = Files.walk(src)) {
            for (Path p : s.toList()) {
                Path to = dir.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else if (!p.getFileName().toString().endsWith(".py")) Files.copy(p, to);
            }
        }
    }

    @AfterEach
    void close() {
        ws.close();
    }

    private ImportReport importPredictions(String variant, String format, Path... paths) {
        return new LogImporter(ws)
                .run(ImportRequest.predictions(List.of(paths), variant).withFormat(format), ProgressSink.NONE);
    }

    private static List<Long> accounting(ImportReport r) {
        return List.of(r.linesRead(), r.rowsImported(), r.rowsQuarantined(), r.linesBlank(), r.predictionsStored());
    }

    @Test
    void sageMakerResponsesGiveOneRowPerInstance() throws Exception {
        ImportReport r = importPredictions(null, "auto", dir.resolve("sagemaker"));
        // 8 + 7 lines; the undecodable one quarantined; 12 predictions a variant from 7 good lines
        assertEquals(List.of(15L, 14L, 1L, 0L, 24L), accounting(r));
        assertEquals(8, r.multiInstanceLines());
        assertTrue(
                r.summaryLine()
                        .contains("stored 24 prediction(s) and 2 label(s) (8 line(s) answering several instances, "
                                + "one row per instance)"),
                r.summaryLine());
        assertEquals(
                List.of(
                        Arrays.asList("e1", "0.73", null),
                        Arrays.asList("e2", "0.1", "0"),
                        Arrays.asList("e2#1", "0.2", "1"),
                        Arrays.asList("e2#2", "0.3", "2"),
                        Arrays.asList("e3", "1.0", "0"),
                        Arrays.asList("e3#1", "0.0", "1"),
                        Arrays.asList("e4", "0.25", "0"),
                        Arrays.asList("e4#1", "0.5", "1"),
                        Arrays.asList("e5", "1.5", null),
                        Arrays.asList("e6", "7.0", "0"),
                        Arrays.asList("e6#1", "9.0", "1"),
                        Arrays.asList("e7", "0.4", null)),
                rows(
                        ws,
                        "SELECT request_id, prediction, json_extract_string(extra, '$.instance') FROM predictions "
                                + "WHERE variant = 'AllTraffic' AND predicted_class IS NULL ORDER BY 1"));
        // the shadow's answers pair instance by instance: f4 big endian, fortran-ordered int64 included
        assertEquals(
                List.of(
                        List.of("e1", "0.8"),
                        List.of("e2", "0.11"),
                        List.of("e4", "0.275"),
                        List.of("e5", "1.65"),
                        List.of("e6#1", "9.0")),
                rows(
                        ws,
                        "SELECT request_id, prediction FROM predictions WHERE variant = 'ShadowTraffic' AND request_id IN "
                                + "('e1', 'e2', 'e4', 'e5', 'e6#1') ORDER BY 1"));
        assertEquals(
                List.of(List.of("12")),
                rows(
                        ws,
                        "SELECT count(*) FROM predictions l JOIN predictions s USING (request_id) "
                                + "WHERE l.variant = 'AllTraffic' AND s.variant = 'ShadowTraffic'"));
        // the merged ground truth stays a label
        assertEquals(List.of(List.of("e7", "1.0")), rows(ws, "SELECT DISTINCT request_id, label FROM labels"));
        List<List<String>> q = rows(ws, "SELECT line_no, reason FROM quarantine");
        assertEquals(1, q.size());
        assertEquals("8", q.get(0).get(0));
        assertTrue(
                q.get(0).get(1).contains("application/octet-stream"), q.get(0).get(1));
        assertEquals(
                List.of(List.of("0")), rows(ws, "SELECT count(*) FROM predictions WHERE predicted_class IS NOT NULL"));
    }

    /**
     * One SageMaker variant answers a request with several instances, the other with one (captures as SageMaker writes
     * them): instance 0 of the one pairs with the single answer of the other, whichever side is which.
     */
    @Test
    void multiInstanceAndSingleInstanceAnswersOfOneRequestPair() throws Exception {
        String multi = "\"application/json\",\"mode\":\"OUTPUT\",\"data\":\"{\\\"predictions\\\": [%s, %s]}\","
                + "\"encoding\":\"JSON\"";
        String single = "\"text/csv; charset=utf-8\",\"mode\":\"OUTPUT\",\"data\":\"%s\",\"encoding\":\"CSV\"";
        for (String[] v : new String[][] {
            {"AllTraffic", multi.formatted("0.1", "0.2"), single.formatted("0.5")},
            {"ShadowTraffic", single.formatted("0.12"), multi.formatted("0.55", "0.6")}
        }) {
            Path f = dir.resolve("mixed/ep/" + v[0] + "/2026/11/20/10/capture-0.jsonl");
            Files.createDirectories(f.getParent());
            StringBuilder lines = new StringBuilder();
            for (int i = 1; i <= 2; i++) {
                lines.append("{\"captureData\":{\"endpointInput\":{\"observedContentType\":\"text/csv\",\"mode\":"
                                + "\"INPUT\",\"data\":\"5.1,3.5\",\"encoding\":\"CSV\"},\"endpointOutput\":{"
                                + "\"observedContentType\":")
                        .append(v[i])
                        .append("}},\"eventMetadata\":{\"eventId\":\"m")
                        .append(i)
                        .append("\",\"inferenceTime\":\"2026-11-20T10:00:0")
                        .append(i)
                        .append("Z\"},\"eventVersion\":\"0\"}\n");
            }
            Files.writeString(f, lines);
        }
        ImportReport r = importPredictions(null, "auto", dir.resolve("mixed"));
        assertEquals(List.of(4L, 4L, 0L, 0L, 6L), accounting(r));
        try (var c = ws.connect()) {
            var pc = dev.shadowbench.core.compare.PairIndex.open(
                    c,
                    new dev.shadowbench.core.compare.Comparison(
                            dev.shadowbench.core.compare.Side.variant("AllTraffic"),
                            dev.shadowbench.core.compare.Side.variant("ShadowTraffic"),
                            null,
                            null),
                    ProgressSink.NONE);
            assertEquals(2, pc.coverage().paired());
        }
        assertEquals(
                List.of(List.of("m1", "0.1", "0.12"), List.of("m2", "0.5", "0.55")),
                rows(
                        ws,
                        "SELECT l.request_id, l.prediction, s.prediction FROM predictions l JOIN predictions s "
                                + "USING (request_id) WHERE l.variant = 'AllTraffic' AND s.variant = 'ShadowTraffic' "
                                + "ORDER BY 1"));
    }

    @Test
    void groundTruthFilesAreLabels() throws Exception {
        Path truth = dir.resolve("sagemaker-groundtruth");
        ImportReport r = new LogImporter(ws).run(ImportRequest.labels(List.of(truth)), ProgressSink.NONE);
        assertEquals(List.of(3L, 3L, 0L, 0L, 0L), accounting(r));
        assertEquals(3, r.labelsStored());
        assertEquals(
                List.of(List.of("e1", "1.0"), List.of("e4", "0.0"), List.of("e9", "1.0")),
                rows(ws, "SELECT request_id, label FROM labels ORDER BY 1"));
    }

    @Test
    void groundTruthBesideCapturesIsReadAsLabelsAndSaysSo() throws Exception {
        ImportReport r =
                importPredictions(null, "auto", dir.resolve("sagemaker"), dir.resolve("sagemaker-groundtruth"));
        assertTrue(r.summaryLine().contains("truth-0.jsonl read as labels (SageMaker ground truth)"), r.summaryLine());
        assertEquals(
                List.of(List.of("24", "5")),
                rows(ws, "SELECT (SELECT count(*) FROM predictions), count(*) FROM labels"));
    }

    @Test
    void mappingNamesANestedField() throws Exception {
        Path truth = dir.resolve("sagemaker-groundtruth/iris-ep/2026/11/20/10/truth-0.jsonl");
        ColumnMapping m = ColumnMapping.fromJson(
                "{\"request_id\":\"eventMetadata.eventId\",\"label\":\"groundTruthData.data\"}", "test");
        new LogImporter(ws)
                .run(ImportRequest.labels(List.of(truth)).withFormat("jsonl").withMapping(m), ProgressSink.NONE);
        assertEquals(
                List.of(List.of("e1", "1.0"), List.of("e4", "0.0"), List.of("e9", "1.0")),
                rows(ws, "SELECT request_id, label FROM labels ORDER BY 1"));
    }

    @Test
    void kserveRequestWithoutResponseIsQuarantinedNotTheFile() throws Exception {
        ImportReport r = importPredictions(null, "auto", dir.resolve("kserve-v0.16"));
        // k1's request + response imported (2 instances); k2 and k3 (a file of its own) wait for a response
        assertEquals(List.of(4L, 2L, 2L, 0L, 2L), accounting(r));
        assertEquals(List.of(1L, 1L), List.of(r.joinedLines(), r.multiInstanceLines()));
        assertTrue(
                r.summaryLine()
                        .contains("stored 2 prediction(s) and 0 label(s) (1 request line(s) joined to their "
                                + "response, 1 line(s) answering several instances, one row per instance)"),
                r.summaryLine());
        assertEquals(
                List.of(List.of("k1", "1.0", "default"), List.of("k1#1", "2.0", "default")),
                rows(ws, "SELECT request_id, prediction, variant FROM predictions ORDER BY 1"));
        assertEquals(
                List.of(List.of("part-0.jsonl", "3"), List.of("part-1.jsonl", "1")),
                rows(
                        ws,
                        "SELECT parse_filename(source_file), line_no FROM quarantine "
                                + "WHERE reason = 'request without a response' ORDER BY 1"));
    }

    private void assertKServe018(ImportReport r) throws Exception {
        assertEquals(List.of(4L, 4L, 0L, 0L, 3L), accounting(r));
        assertEquals(
                List.of(
                        List.of("k1", "1.0", "2026-11-20 10:00:01.000", "42.0"),
                        List.of("k1#1", "1.0", "2026-11-20 10:00:01.000", "42.0"),
                        List.of("k4", "0.0", "2026-11-20 10:00:02.000", "15.0")),
                rows(
                        ws,
                        "SELECT request_id, prediction, strftime(ts, '%Y-%m-%d %H:%M:%S.%g'), latency_ms FROM predictions "
                                + "ORDER BY 1"));
    }

    @Test
    void kserveJsonArrayWithOccurrenceTime() throws Exception {
        assertKServe018(importPredictions(null, "auto", dir.resolve("kserve-v0.18")));
    }

    /** A KServe batch (a JSON array) stored gzip-compressed, as a bucket's lifecycle or a log shipper leaves it. */
    @Test
    void kserveGzippedJsonArrayImportsLikeThePlainOne() throws Exception {
        Path plain = dir.resolve("kserve-v0.18/canary/batch-0.json");
        Path gz = dir.resolve("kserve-v0.18-gz/canary/batch-0.json.gz");
        Files.createDirectories(gz.getParent());
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(plain, out);
        }
        assertKServe018(importPredictions(null, "auto", gz));
        assertEquals(List.of(List.of("kserve")), rows(ws, "SELECT DISTINCT format FROM import_files"));
    }

    @Test
    void kserveCsvWithOccurrenceTime() throws Exception {
        assertKServe018(importPredictions(null, "auto", dir.resolve("kserve-v0.18-csv")));
    }

    @Test
    void kserveParquetWithOccurrenceTime() throws Exception {
        Path csv = dir.resolve("kserve-v0.18-csv/canary/batch-0.csv");
        Path parquet = dir.resolve("kserve-parquet/canary/batch-0.parquet");
        Files.createDirectories(parquet.getParent());
        IngestFixtures.exec(
                ws,
                "COPY (SELECT * REPLACE (CAST(tlsSkipVerify AS BOOLEAN) AS tlsSkipVerify) FROM read_csv('" + csv
                        + "', all_varchar=true)) TO '" + parquet + "' (FORMAT parquet)");
        assertKServe018(importPredictions(null, "auto", parquet));
    }

    @Test
    void kserveCloudEventsBinaryAndStructured() throws Exception {
        ImportReport r = importPredictions(null, "auto", dir.resolve("kserve-cloudevents"));
        assertEquals(List.of(4L, 4L, 0L, 0L, 2L), accounting(r));
        assertEquals(
                List.of(
                        List.of("c1", "canary", "2.0", "iris", "2026-11-20 10:00:01", "35.0"),
                        List.of("c1", "default", "1.0", "iris", "2026-11-20 10:00:01", "20.0")),
                rows(
                        ws,
                        "SELECT request_id, variant, prediction, model, strftime(ts, '%Y-%m-%d %H:%M:%S'), latency_ms "
                                + "FROM predictions ORDER BY 2"));
        assertEquals(List.of(List.of("kserve")), rows(ws, "SELECT DISTINCT format FROM import_files"));
    }

    @Test
    void bentoMlLogFolderKeepsTextClasses() throws Exception {
        ImportReport r = importPredictions("live", "auto", dir.resolve("bentoml"));
        assertEquals(List.of(2L, 2L, 0L, 0L, 2L), accounting(r));
        assertTrue(r.summaryLine().contains("schema.1.log left out: neither predictions nor labels"), r.summaryLine());
        assertEquals(
                List.of(Arrays.asList("b1", null, "0"), Arrays.asList("b2", null, "2")),
                rows(ws, "SELECT request_id, prediction, predicted_class FROM predictions ORDER BY 1"));
    }

    @Test
    void generatedLogsFolderImportsWithItsLabels() throws Exception {
        Path logs = dir.resolve("generated");
        SyntheticLogs.Result g = SyntheticLogs.write(logs, SyntheticLogs.Options.of(200, 3, 1), null);
        ImportReport r = importPredictions(null, "auto", logs);
        assertTrue(r.summaryLine().contains("labels.csv read as labels (request_id, actual)"), r.summaryLine());
        assertTrue(r.summaryLine().contains("anomalies.csv left out"), r.summaryLine());
        assertEquals(
                List.of(List.of(Long.toString(g.liveRows() + g.shadowRows()), Long.toString(g.labels()))),
                rows(ws, "SELECT (SELECT count(*) FROM predictions), count(*) FROM labels"));
    }
}
