package dev.shadowbench.core.ingest;

import static dev.shadowbench.core.ingest.IngestFixtures.rows;
import static dev.shadowbench.core.ingest.IngestFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.shadowbench.core.BadInputException;
import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Workspace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile inputs (src/test/resources/dev/shadowbench/hostile/ingest/, plus files too big or too binary to commit,
 * written at test time), each imported into a workspace that already holds an import. Every case either imports
 * with imported + quarantined + blank = lines read and exactly the expected quarantine reasons, or is refused with
 * a {@link BadInputException} naming the file; either way the data imported before is untouched.
 */
class HostileIngestCorpusTest {
    private static final String CORPUS = "/dev/shadowbench/hostile/ingest/";

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

    /** What a case must give: the accounting and quarantine rows ("line|field|reason"), or a refusal message part. */
    record Expect(long lines, long imported, long quarantined, long blank, List<String> reasons, String refusal) {
        static Expect imports(long lines, long imported, long quarantined, long blank, String... reasons) {
            return new Expect(lines, imported, quarantined, blank, List.of(reasons), null);
        }

        static Expect refused(String message) {
            return new Expect(0, 0, 0, 0, List.of(), message);
        }
    }

    /** A corpus file (a resource, or written at test time into the folder given) with its variant and expectation. */
    record Case(String name, String variant, Expect expect, FileMaker maker) {
        @Override
        public String toString() {
            return name;
        }
    }

    @FunctionalInterface
    interface FileMaker {
        Path make(Path dir) throws Exception;
    }

    private static Case resource(String name, String variant, Expect e) {
        return new Case(name, variant, e, d -> {
            Path f = d.resolve(name);
            try (InputStream in = HostileIngestCorpusTest.class.getResourceAsStream(CORPUS + name)) {
                if (in == null) throw new IOException("missing corpus file " + name);
                Files.copy(in, f);
            }
            return f;
        });
    }

    private static Case generated(String name, String variant, Expect e, FileMaker maker) {
        return new Case(name, variant, e, maker);
    }

    static final String OUT_OF_RANGE = "timestamp|timestamp out of range";
    static final String NOT_OBJECT = "||not a JSON object";

    static Stream<Case> corpus() {
        return Stream.of(
                resource(
                        "timestamps-out-of-range.jsonl",
                        "live",
                        Expect.imports(5, 2, 3, 0, "2|" + OUT_OF_RANGE, "3|" + OUT_OF_RANGE, "4|" + OUT_OF_RANGE)),
                resource(
                        "timestamps-out-of-range.csv",
                        "live",
                        Expect.imports(4, 2, 2, 0, "3|" + OUT_OF_RANGE, "4|" + OUT_OF_RANGE)),
                resource(
                        "invalid-utf8.jsonl",
                        "live",
                        Expect.imports(4, 2, 1, 1, "2||invalid UTF-8 (the line is not UTF-8 text)")),
                resource(
                        "invalid-utf8.csv",
                        "live",
                        Expect.imports(3, 2, 1, 0, "3|note|invalid UTF-8 (the line is not UTF-8 text)")),
                resource("empty-key.jsonl", "live", Expect.imports(3, 2, 1, 0, "2||empty JSON key")),
                resource("internal-names.jsonl", "shadow", Expect.imports(2, 2, 0, 0)),
                resource("internal-names.csv", "shadow", Expect.imports(2, 2, 0, 0)),
                resource(
                        "not-objects.jsonl",
                        "live",
                        Expect.imports(
                                8,
                                2,
                                6,
                                0,
                                "2" + NOT_OBJECT,
                                "3" + NOT_OBJECT,
                                "4" + NOT_OBJECT,
                                "5" + NOT_OBJECT,
                                "6" + NOT_OBJECT,
                                "8||malformed JSON")),
                // a raw NUL inside a JSON string is malformed JSON (control characters must be escaped); "\u0000" is
                // fine
                resource("nul-byte.jsonl", "live", Expect.imports(3, 2, 1, 0, "2||malformed JSON")),
                resource("bom-crlf.jsonl", "live", Expect.imports(3, 2, 0, 1)),
                resource(
                        "ragged.csv",
                        "live",
                        Expect.imports(5, 3, 2, 0, "3||too many columns", "4|prediction|missing columns")),
                // 1e400 and NaN parse, as infinity and NaN, which would poison every mean; a 23-digit id is just an id
                resource(
                        "huge-numbers.jsonl",
                        "live",
                        Expect.imports(
                                4,
                                1,
                                3,
                                0,
                                "2|prediction|prediction is not a finite number",
                                "3|latency_ms|latency is not a finite number",
                                "4|prediction|prediction is not a finite number")),
                resource("injection.jsonl", "live", Expect.imports(2, 2, 0, 0)),
                resource("binary.jsonl", "live", Expect.refused("binary.jsonl")),
                resource("truncated.jsonl.gz", "live", Expect.refused("truncated.jsonl.gz")),
                generated(
                        "deep-early.jsonl",
                        "live",
                        Expect.imports(3, 3, 0, 0),
                        d -> deep(d.resolve("deep-early.jsonl"), 1)),
                generated(
                        "deep-late.jsonl",
                        "live",
                        Expect.imports(2502, 2502, 0, 0),
                        d -> deep(d.resolve("deep-late.jsonl"), 2500)),
                generated(
                        "long-line-early.jsonl",
                        "live",
                        Expect.imports(3, 3, 0, 0),
                        d -> longLine(d.resolve("long-line-early.jsonl"), 1)),
                generated(
                        "long-line-late.jsonl",
                        "live",
                        Expect.imports(2502, 2502, 0, 0),
                        d -> longLine(d.resolve("long-line-late.jsonl"), 2500)),
                generated(
                        "epoch-1e300.parquet",
                        "live",
                        Expect.imports(3, 1, 2, 0, "2|" + OUT_OF_RANGE, "3|" + OUT_OF_RANGE),
                        HostileIngestCorpusTest::parquetEpochs),
                generated(
                        "corrupt-page.parquet",
                        "live",
                        Expect.refused(
                                "corrupt-page.parquet: corrupt Parquet data in row group 1 " + "(rows 10241-20480)"),
                        HostileIngestCorpusTest::corruptParquet));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void hostileFileIsAccountedOrRefusedAndEarlierDataIsUntouched(Case c) throws Exception {
        Path baseline = write(dir.resolve("baseline/live.jsonl"), IngestFixtures.jsonl("live", 3, 900));
        run(baseline, "live");
        List<List<String>> before = snapshot();
        Path file = c.maker().make(Files.createDirectories(dir.resolve("case")));
        Expect e = c.expect();
        if (e.refusal() != null) {
            try {
                run(file, c.variant());
                fail("expected a refusal for " + c.name());
            } catch (BadInputException ex) {
                assertTrue(ex.getMessage().contains(e.refusal()), ex.getMessage());
            }
            assertEquals(before, snapshot(), "a refused import changes nothing");
            assertEquals(1, IngestFixtures.scalar(ws, "SELECT count(*) FROM imports"));
            return;
        }
        ImportReport r = run(file, c.variant());
        assertEquals(r.linesRead(), r.rowsImported() + r.rowsQuarantined() + r.linesBlank(), "accounting");
        assertEquals(
                List.of(e.lines(), e.imported(), e.quarantined(), e.blank()),
                List.of(r.linesRead(), r.rowsImported(), r.rowsQuarantined(), r.linesBlank()),
                "lines, imported, quarantined, blank");
        if (!e.reasons().isEmpty()) {
            List<String> reasons = new ArrayList<>();
            for (List<String> q : rows(
                    ws,
                    "SELECT line_no, coalesce(field, ''), reason FROM quarantine WHERE import_id = " + r.importId()
                            + " ORDER BY line_no")) {
                reasons.add(q.get(0) + "|" + q.get(1) + "|" + q.get(2));
            }
            assertEquals(e.reasons().size(), reasons.size(), reasons.toString());
            for (int i = 0; i < reasons.size(); i++) {
                assertTrue(
                        reasons.get(i).startsWith(e.reasons().get(i)),
                        reasons.get(i) + " should start with " + e.reasons().get(i));
            }
        }
        assertEquals(
                e.imported(),
                IngestFixtures.scalar(ws, "SELECT count(*) FROM predictions WHERE import_id = " + r.importId()));
        assertEquals(before, snapshotOf("import_id <> " + r.importId()), "the earlier import is untouched");
    }

    private ImportReport run(Path file, String variant) {
        return new LogImporter(ws).run(ImportRequest.predictions(List.of(file), variant), ProgressSink.NONE);
    }

    private List<List<String>> snapshot() throws Exception {
        return snapshotOf("true");
    }

    private List<List<String>> snapshotOf(String where) throws Exception {
        List<List<String>> out = new ArrayList<>();
        out.addAll(rows(
                ws,
                "SELECT import_id, request_id, ts, model, variant, prediction, latency_ms, extra FROM predictions WHERE "
                        + where + " ORDER BY ALL"));
        out.addAll(rows(
                ws, "SELECT import_id, line_no, field, reason, raw FROM quarantine WHERE " + where + " ORDER BY ALL"));
        out.addAll(
                rows(ws, "SELECT import_id, lines_read, rows_imported FROM imports WHERE " + where + " ORDER BY ALL"));
        out.addAll(rows(ws, "SELECT import_id, path, content_hash FROM import_files WHERE " + where + " ORDER BY ALL"));
        out.addAll(rows(ws, "SELECT import_id, request_id, label FROM labels WHERE " + where + " ORDER BY ALL"));
        return out;
    }

    /** Runs one statement on a scratch DuckDB (not the workspace); the first value of a query's first row, else -1. */
    static long duck(String sql) throws Exception {
        try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:");
                var st = c.createStatement()) {
            if (!st.execute(sql)) return -1;
            try (var rs = st.getResultSet()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** A line nested 200 levels deep (DuckDB's JSON reader stops at 128) after {@code before} ordinary lines. */
    static Path deep(Path file, int before) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < before; i++)
            sb.append("{\"request_id\":\"d").append(i).append("\",\"prediction\":1}\n");
        sb.append("{\"request_id\":\"deep\",\"prediction\":2,\"payload\":")
                .append("[".repeat(200))
                .append("1")
                .append("]".repeat(200))
                .append("}\n");
        sb.append("{\"request_id\":\"after\",\"prediction\":3}\n");
        return write(file, sb.toString());
    }

    /** A 17 MB line (over DuckDB's 16 MB default object size) after {@code before} ordinary lines. */
    static Path longLine(Path file, int before) throws IOException {
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < before; i++) out.write("{\"request_id\":\"l" + i + "\",\"prediction\":1}\n");
            out.write("{\"request_id\":\"long\",\"prediction\":2,\"payload\":\"");
            String chunk = "x".repeat(1 << 20);
            for (int i = 0; i < 17; i++) out.write(chunk);
            out.write("\"}\n{\"request_id\":\"after\",\"prediction\":3}\n");
        }
        return file;
    }

    /** Parquet with a DOUBLE epoch column: one fine value, then 1e300 and -1e15. */
    static Path parquetEpochs(Path d) throws Exception {
        Path f = d.resolve("epoch-1e300.parquet");
        duck("COPY (SELECT * FROM (VALUES ('p1', 1.0, 1763625600.0), ('p2', 2.0, 1e300), ('p3', 3.0, -1e15)) "
                + "t(request_id, prediction, \"timestamp\")) TO '" + f + "' (FORMAT parquet)");
        return f;
    }

    /** Three row groups of 10,240 rows; a page header in the second one is overwritten with garbage. */
    static Path corruptParquet(Path d) throws Exception {
        Path f = d.resolve("corrupt-page.parquet");
        duck("COPY (SELECT 'r' || i AS request_id, i * 1.5 AS prediction FROM range(30000) t(i)) TO '" + f
                + "' (FORMAT parquet, ROW_GROUP_SIZE 10240, COMPRESSION zstd)");
        long offset = duck("SELECT data_page_offset FROM parquet_metadata('" + f + "') "
                + "WHERE row_group_id = 1 AND column_id = 1");
        byte[] b = Files.readAllBytes(f);
        for (int i = 8; i < 48; i++) b[(int) offset + i] ^= 0x5a;
        Files.write(f, b);
        return f;
    }
}
