package dev.shadowbench.core.ingest;

import static dev.shadowbench.core.ingest.IngestFixtures.rows;
import static dev.shadowbench.core.ingest.IngestFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SageMaker Data Capture and KServe payload-logger layouts, imported as they are written. */
class CaptureFormatsTest {
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

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String capture(String eventId, String inferenceId, String time, String outData, String outEncoding) {
        return "{\"captureData\":{\"endpointInput\":{\"observedContentType\":\"text/csv\",\"mode\":\"INPUT\",\"data\":\"1.0,2.0\","
                + "\"encoding\":\"CSV\"},\"endpointOutput\":{\"observedContentType\":\"application/json\",\"mode\":\"OUTPUT\","
                + "\"data\":" + outData + ",\"encoding\":\"" + outEncoding + "\"}},\"eventMetadata\":{\"eventId\":\""
                + eventId + "\","
                + (inferenceId == null ? "" : "\"inferenceId\":\"" + inferenceId + "\",")
                + "\"inferenceTime\":\"" + time + "\"},\"eventVersion\":\"0\"}\n";
    }

    @Test
    void sageMakerCaptureRootFolderImportsAsIs() throws Exception {
        Path root = dir.resolve("capture");
        write(
                root.resolve("churn-ep/AllTraffic/2026/11/20/10/part-1.jsonl"),
                capture("e1", "req-1", "2026-11-20T10:00:01Z", "\"0.73\"", "CSV")
                        + capture("e2", null, "2026-11-20T10:00:02Z", "\"{\\\"predictions\\\": [0.25]}\"", "JSON")
                        + "\n"
                        + "{\"captureData\": broken\n");
        write(
                root.resolve("churn-ep/ShadowTraffic/2026/11/20/10/part-1.jsonl"),
                capture("e9", "req-1", "2026-11-20T10:00:01Z", "\"" + b64("0.81") + "\"", "BASE64"));
        ImportReport r = new LogImporter(ws).run(ImportRequest.predictions(List.of(root), null), ProgressSink.NONE);
        assertEquals(
                List.of(5L, 3L, 1L, 1L), List.of(r.linesRead(), r.rowsImported(), r.rowsQuarantined(), r.linesBlank()));
        assertEquals(
                List.of(
                        Arrays.asList("AllTraffic", "e2", "2026-11-20 10:00:02", "0.25", null, "churn-ep"),
                        Arrays.asList("AllTraffic", "req-1", "2026-11-20 10:00:01", "0.73", null, "churn-ep"),
                        Arrays.asList("ShadowTraffic", "req-1", "2026-11-20 10:00:01", "0.81", null, "churn-ep")),
                rows(
                        ws,
                        "SELECT variant, request_id, strftime(ts, '%Y-%m-%d %H:%M:%S'), prediction, latency_ms, model "
                                + "FROM predictions ORDER BY 1, 2"));
        String extra = rows(ws, "SELECT extra FROM predictions WHERE variant = 'ShadowTraffic'")
                .get(0)
                .get(0);
        assertTrue(extra.contains("\"input\":\"1.0,2.0\"") && extra.contains("\"event_id\":\"e9\""), extra);
        assertEquals(List.of(List.of("malformed JSON", "4")), rows(ws, "SELECT reason, line_no FROM quarantine"));
        assertEquals(List.of(List.of("sagemaker")), rows(ws, "SELECT DISTINCT format FROM import_files"));
    }

    @Test
    void brokenJsonOutputIsQuarantinedNeverAClass() throws Exception {
        Path f = write(
                dir.resolve("capture/ep/AllTraffic/2026/11/20/10/part-1.jsonl"),
                capture("e1", null, "2026-11-20T10:00:01Z", "\"{\\\"predicted_label\\\":1\"", "JSON")
                        + capture("e2", null, "2026-11-20T10:00:02Z", "\"0.5\"", "CSV"));
        ImportReport r = new LogImporter(ws).run(ImportRequest.predictions(List.of(f), null), ProgressSink.NONE);
        assertEquals(List.of(2L, 1L, 1L), List.of(r.linesRead(), r.rowsImported(), r.rowsQuarantined()));
        assertEquals(
                List.of(List.of("0")), rows(ws, "SELECT count(*) FROM predictions WHERE predicted_class IS NOT NULL"));
        assertEquals(List.of(List.of("1", "missing prediction")), rows(ws, "SELECT line_no, reason FROM quarantine"));
    }

    private static String kserve(String id, String type, String endpoint, String payload) {
        return "{\"url\":\"http://sklearn-iris.ns/v1/models/iris:predict\",\"bytes\":\"" + b64(payload) + "\","
                + "\"contentType\":\"application/json\",\"reqType\":\"org.kubeflow.serving.inference." + type + "\","
                + "\"id\":\"" + id
                + "\",\"inferenceService\":\"sklearn-iris\",\"namespace\":\"ns\",\"component\":\"predictor\","
                + "\"endpoint\":\"" + endpoint + "\",\"metadata\":{},\"annotations\":{}}\n";
    }

    @Test
    void kserveRequestsAndResponsesAreJoinedById() throws Exception {
        Path f = write(
                dir.resolve("kserve/events-000.jsonl"),
                kserve("k1", "request", "default", "{\"instances\": [[6.8, 2.8, 4.8, 1.4]]}")
                        + kserve("k2", "request", "canary", "{\"instances\": [[5.1, 3.5, 1.4, 0.2]]}")
                        + kserve("k1", "response", "default", "{\"predictions\": [1]}")
                        + kserve("k3", "request", "default", "{\"instances\": [[1, 1, 1, 1]]}"));
        Path g = write(
                dir.resolve("kserve/events-001.jsonl"),
                kserve("k2", "response", "canary", "{\"outputs\": [{\"name\": \"p\", \"data\": [0.5]}]}"));
        ImportReport r = new LogImporter(ws)
                .run(ImportRequest.predictions(List.of(f, g), null).withFormat("kserve"), ProgressSink.NONE);
        // 5 lines: 2 responses + their 2 requests imported, 1 request without a response quarantined
        assertEquals(List.of(5L, 4L, 1L), List.of(r.linesRead(), r.rowsImported(), r.rowsQuarantined()));
        assertEquals(
                List.of(
                        Arrays.asList("k1", "default", "1.0", "sklearn-iris", null),
                        Arrays.asList("k2", "canary", "0.5", "sklearn-iris", null)),
                rows(ws, "SELECT request_id, variant, prediction, model, latency_ms FROM predictions ORDER BY 1"));
        String extra = rows(ws, "SELECT extra FROM predictions WHERE request_id = 'k1'")
                .get(0)
                .get(0);
        assertTrue(extra.contains("6.8, 2.8"), extra);
        assertEquals(
                List.of(List.of("4", "request without a response")),
                rows(ws, "SELECT line_no, reason FROM quarantine"));
    }

    @Test
    void kserveParquetSinkRows() throws Exception {
        Path f = dir.resolve("sink/part-0.parquet");
        java.nio.file.Files.createDirectories(f.getParent());
        String req = "org.kubeflow.serving.inference.request", res = "org.kubeflow.serving.inference.response";
        IngestFixtures.exec(
                ws,
                "COPY (SELECT * FROM (VALUES "
                        + "('u', '" + b64("{\"instances\":[[1]]}") + "', 'application/json', '" + req
                        + "', 'p1', 'isvc', 'ns', 'predictor', 'canary', '{}', '{}'), "
                        + "('u', '" + b64("{\"predictions\":[42.5]}") + "', 'application/json', '" + res
                        + "', 'p1', 'isvc', 'ns', 'predictor', 'canary', '{}', '{}')) "
                        + "t(url, bytes, contentType, reqType, id, inferenceService, namespace, component, endpoint, metadata, annotations)) "
                        + "TO '" + f + "' (FORMAT parquet)");
        ImportReport r = new LogImporter(ws).run(ImportRequest.predictions(List.of(f), null), ProgressSink.NONE);
        assertEquals(List.of(2L, 2L, 0L), List.of(r.linesRead(), r.rowsImported(), r.rowsQuarantined()));
        assertEquals(
                List.of(List.of("p1", "canary", "42.5", "kserve")),
                rows(ws, "SELECT request_id, variant, prediction, (SELECT format FROM import_files) FROM predictions"));
    }

    @Test
    void kserveIsDetectedWithoutFormatToo() throws Exception {
        Path f = write(
                dir.resolve("ks/log.jsonl"),
                kserve("a", "request", "default", "{\"instances\":[1]}")
                        + kserve("a", "response", "default", "{\"predictions\":[\"setosa\"]}"));
        new LogImporter(ws).run(ImportRequest.predictions(List.of(f), null), ProgressSink.NONE);
        assertEquals(
                List.of(Arrays.asList("a", null, "setosa")),
                rows(ws, "SELECT request_id, prediction, predicted_class FROM predictions"));
    }
}
