package dev.shadowbench.core.ingest;

import static dev.shadowbench.core.ingest.IngestFixtures.rows;
import static dev.shadowbench.core.ingest.IngestFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A log column named like one of the importer's own names (the scan's line number, raw line and parse problem,
 * every typed field, the problem code) in any case never replaces the mapped field, in JSON Lines (fast and
 * line-by-line path) and CSV, and is kept in extra like any other unmapped column.
 */
class ColumnNameCollisionTest {
    /** Every name the importer gives a column of its own, with and without its default prefix. */
    static final List<String> INTERNAL = List.of(
            "line_no",
            "raw_line",
            "parse_problem",
            "request_id_",
            "ts",
            "r_ts",
            "model",
            "version",
            "variant",
            "prediction",
            "predicted_class",
            "ranking",
            "r_pred",
            "latency_ms",
            "r_lat",
            "segment",
            "feedback",
            "label",
            "label_class",
            "r_label",
            "pr");

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

    static Stream<Arguments> hostileColumns() {
        List<Arguments> out = new ArrayList<>();
        for (String casing : List.of("lower", "UPPER", "Mixed")) {
            for (String format : List.of("jsonl", "jsonl-line-by-line", "csv")) out.add(Arguments.of(casing, format));
        }
        return out.stream();
    }

    /** Every internal name as a column, with the default prefix and the next one, plus the bare scan names. */
    static List<String> columns(String casing) {
        List<String> out = new ArrayList<>();
        for (String n : INTERNAL) {
            String name = n.replaceAll("_$", "");
            for (String prefix : List.of("sb_", "sb1_")) {
                String c = prefix + name;
                out.add(
                        switch (casing) {
                            case "UPPER" -> c.toUpperCase(Locale.ROOT);
                            case "Mixed" -> "S" + c.substring(1);
                            default -> c;
                        });
            }
            if (List.of("line_no", "raw_line", "parse_problem").contains(name)) out.add(name);
        }
        return out;
    }

    @ParameterizedTest(name = "{0} case in {1}")
    @MethodSource("hostileColumns")
    void columnsNamedLikeInternalNamesChangeNothingAndAreKeptInExtra(String casing, String format) throws Exception {
        List<String> hostile = columns(casing);
        Path f;
        if (format.equals("csv")) {
            String header = "request_id,model,prediction,latency_ms,timestamp," + String.join(",", hostile) + "\n";
            String values = ",999".repeat(hostile.size()) + "\n";
            f = write(
                    dir.resolve("log.csv"),
                    header + "r1,ridge,0.5,12,2026-11-20T10:00:00Z" + values + "r2,ridge,0.25,13,2026-11-20T10:00:01Z"
                            + values);
        } else {
            StringBuilder keys = new StringBuilder();
            for (String c : hostile) keys.append(",\"").append(c).append("\":999");
            String text = "{\"request_id\":\"r1\",\"model\":\"ridge\",\"prediction\":0.5,\"latency_ms\":12,"
                    + "\"timestamp\":\"2026-11-20T10:00:00Z\"" + keys + "}\n"
                    + "{\"request_id\":\"r2\",\"model\":\"ridge\",\"prediction\":0.25,\"latency_ms\":13,"
                    + "\"timestamp\":\"2026-11-20T10:00:01Z\"" + keys + "}\n";
            // a malformed line sends the file down the line-by-line path
            if (format.equals("jsonl-line-by-line")) text += "{not json\n";
            f = write(dir.resolve("log.jsonl"), text);
        }
        ImportReport r = new LogImporter(ws).run(ImportRequest.predictions(List.of(f), "shadow"), ProgressSink.NONE);
        assertEquals(2, r.rowsImported());
        assertEquals(
                List.of(
                        Arrays.asList("r1", "shadow", "ridge", "0.5", "12.0", "2026-11-20 10:00:00"),
                        Arrays.asList("r2", "shadow", "ridge", "0.25", "13.0", "2026-11-20 10:00:01")),
                rows(
                        ws,
                        "SELECT request_id, variant, model, prediction, latency_ms, strftime(ts, '%Y-%m-%d %H:%M:%S') "
                                + "FROM predictions ORDER BY 1"));
        for (List<String> row : rows(ws, "SELECT extra FROM predictions")) {
            JsonNode extra = new ObjectMapper().readTree(row.get(0));
            for (String c : hostile) assertEquals("999", extra.path(c).asText(), c + " in " + row.get(0));
        }
        if (format.equals("jsonl-line-by-line")) {
            assertEquals(
                    List.of(Arrays.asList("3", null, "malformed JSON")),
                    rows(ws, "SELECT line_no, field, reason FROM quarantine"));
        } else {
            assertEquals(List.of(List.of("0")), rows(ws, "SELECT count(*) FROM quarantine"));
        }
    }

    @Test
    void aQuarantinedLineKeepsItsOwnColumnsAndAFieldNameWithAPipeStaysWhole() throws Exception {
        // the id column is named "id|x": its missing value is reported under that whole name
        Path f = write(
                dir.resolve("live.jsonl"),
                "{\"id|x\":\"a\",\"prediction\":1,\"sb_pr\":\"forged|reason\"}\n"
                        + "{\"prediction\":2,\"sb_pr\":\"forged|reason\",\"line_no\":77}\n");
        ColumnMapping m = new ColumnMapping(java.util.Map.of(Field.REQUEST_ID, "id|x", Field.PREDICTION, "prediction"));
        new LogImporter(ws).run(ImportRequest.predictions(List.of(f), null).withMapping(m), ProgressSink.NONE);
        assertEquals(
                List.of(List.of("2", "id|x", "missing correlation id")),
                rows(ws, "SELECT line_no, field, reason FROM quarantine"));
        assertEquals(
                List.of(List.of("a", "live", "1")),
                rows(ws, "SELECT request_id, variant, source_line FROM predictions"));
    }

    @Test
    void prefixSkipsEveryPrefixAColumnStartsWith() {
        List<SourceColumn> cols = Stream.of("SB_x", "sb1_y", "Sb2_z", "request_id")
                .map(n -> new SourceColumn(n, "VARCHAR"))
                .toList();
        assertEquals("sb3_", Staging.prefix(cols));
        assertEquals("sb_", Staging.prefix(List.of(new SourceColumn("line_no", "BIGINT"))));
    }
}
