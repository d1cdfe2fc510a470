package dev.shadowbench.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Logs as teams write them, not as the generator does: gzip JSON Lines and CSV, other column names (found by the desk's
 * detection or given as the desk's mapping JSON), epoch-millisecond times, no variant column (the file name says it), a
 * malformed line and a NaN latency. The job counts what the desk counts on the same files.
 */
class ReadingTest {
    static SparkSession spark;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** 1 Nov 2026 00:00 UTC, in epoch milliseconds. */
    static final long DAY0 = 1_793_491_200_000L;

    private static String jsonl(String variant, int n, int skipEvery) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i % skipEvery == 0) continue;
            long ts = DAY0 + (i % 2) * 86_400_000L + i * 1000L;
            String lat = i == 8 && variant.equals("shadow") ? "NaN" : String.valueOf(10 + i % 5);
            sb.append("{\"corr_id\":\"q")
                    .append(i)
                    .append("\",\"event_time\":")
                    .append(ts)
                    .append(",\"score\":")
                    .append(0.5 + i * 0.01 + (variant.equals("shadow") ? 0.1 : 0))
                    .append(",\"elapsed_ms\":")
                    .append(lat)
                    .append(",\"country\":\"")
                    .append(i % 3 == 0 ? "de" : "fr")
                    .append("\"}\n");
        }
        if (variant.equals("live")) sb.append("{\"corr_id\": oops\n");
        return sb.toString();
    }

    private static void gzip(Path file, String text) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void gzipJsonLinesWithOtherNamesCountAsOnTheDesk() throws Exception {
        Path logs = Files.createDirectories(tmp.resolve("jsonl"));
        gzip(logs.resolve("live.jsonl.gz"), jsonl("live", 60, 11));
        gzip(logs.resolve("shadow.jsonl.gz"), jsonl("shadow", 60, 7));
        Path out = tmp.resolve("extract-jsonl");
        ExtractJob.run(
                spark,
                JobOptions.parse(
                        "--logs",
                        logs.toString(),
                        "--baseline",
                        "live",
                        "--candidate",
                        "shadow",
                        "--out",
                        out.toString()));
        JsonNode manifest =
                new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertEquals(
                List.of("2026-11-01", "2026-11-02"),
                List.of(
                        manifest.get("days").get(0).asText(),
                        manifest.get("days").get(1).asText()));
        assertEquals(
                2, manifest.get("input").get("rows_unreadable").asLong(), "the malformed line and the NaN latency");
        try (ExtractTables x = new ExtractTables(out)) {
            // 60 ids, 14 missing on a side (every 11th live, every 7th shadow, 0 both), 1 shadow record quarantined
            assertEquals(45, x.count("SELECT sum(paired) FROM {coverage}"));
            assertEquals(2, x.count("SELECT count(DISTINCT segment) FROM {pair_groups}"));
        }
        if (Desk.available()) {
            Path ws = tmp.resolve("jsonl.duckdb");
            Desk.run(
                    tmp,
                    "import",
                    "-w",
                    ws.toString(),
                    logs.resolve("live.jsonl.gz").toString(),
                    logs.resolve("shadow.jsonl.gz").toString());
            countsAsTheDesk(Desk.summary(tmp, ws, "--baseline", "live", "--candidate", "shadow"), out);
        }
    }

    @Test
    void csvWithTheDesksMappingFile() throws Exception {
        Path logs = Files.createDirectories(tmp.resolve("csv"));
        for (String v : List.of("live", "shadow")) {
            StringBuilder csv = new StringBuilder("rid,when,yhat,took,market\n");
            for (int i = 0; i < 40; i++) {
                if (v.equals("shadow") && i % 9 == 0) continue;
                csv.append("x")
                        .append(i)
                        .append(",2026-11-0")
                        .append(1 + i % 2)
                        .append("T10:00:0")
                        .append(i % 10)
                        .append("Z,")
                        .append(i * (v.equals("live") ? 1.5 : 1.25))
                        .append(',')
                        .append(3 + i % 4)
                        .append(',')
                        .append(i % 2 == 0 ? "eu" : "us")
                        .append('\n');
            }
            Files.writeString(logs.resolve(v + ".csv"), csv);
        }
        Path mapping = tmp.resolve("mapping.json");
        Files.writeString(
                mapping,
                "{\"request_id\":\"rid\",\"timestamp\":\"when\",\"prediction\":\"yhat\","
                        + "\"latency\":\"took\",\"segment\":\"market\"}");
        Path out = tmp.resolve("extract-csv");
        ExtractJob.run(
                spark,
                JobOptions.parse(
                        "--logs",
                        logs + "/*.csv",
                        "--mapping",
                        mapping.toString(),
                        "--baseline",
                        "live",
                        "--candidate",
                        "shadow",
                        "--out",
                        out.toString()));
        try (ExtractTables x = new ExtractTables(out)) {
            assertEquals(40 - 5, x.count("SELECT sum(paired) FROM {coverage}"));
            assertEquals(5, x.count("SELECT sum(baseline_only) FROM {coverage}"));
            assertTrue(x.count("SELECT count(*) FROM {value_counts} WHERE measure = 'latency'") > 0);
        }
        if (Desk.available()) {
            Path ws = tmp.resolve("csv.duckdb");
            Desk.run(
                    tmp,
                    "import",
                    "-w",
                    ws.toString(),
                    "--mapping",
                    mapping.toString(),
                    logs.resolve("live.csv").toString(),
                    logs.resolve("shadow.csv").toString());
            countsAsTheDesk(Desk.summary(tmp, ws, "--baseline", "live", "--candidate", "shadow"), out);
        }
        var e = assertThrows(
                JobOptions.BadOptionException.class,
                () -> ExtractJob.run(
                        spark,
                        JobOptions.parse(
                                "--logs",
                                logs + "/*.csv",
                                "--mapping",
                                mapping.toString(),
                                "--baseline",
                                "live",
                                "--candidate",
                                "shadow",
                                "--out",
                                out.toString())));
        assertTrue(e.getMessage().contains("not empty"), e.getMessage());
    }

    @Test
    void aLogWhoseNameSaysNoVariantIsRefused() throws Exception {
        Path logs = Files.createDirectories(tmp.resolve("noname"));
        Files.writeString(logs.resolve("part-1.jsonl"), jsonl("live", 5, 100));
        var e = assertThrows(
                JobOptions.BadOptionException.class,
                () -> ExtractJob.run(
                        spark,
                        JobOptions.parse(
                                "--logs",
                                logs.toString(),
                                "--baseline",
                                "live",
                                "--candidate",
                                "shadow",
                                "--out",
                                tmp.resolve("never").toString())));
        assertTrue(e.getMessage().contains("which variant"), e.getMessage());
    }

    private static void countsAsTheDesk(JsonNode desk, Path extract) throws Exception {
        JsonNode c = desk.get("counts");
        try (ExtractTables x = new ExtractTables(extract)) {
            assertEquals(
                    c.get("baseline_rows").asLong(),
                    x.count("SELECT sum(rows) FROM {side_days} WHERE side = 'baseline'"));
            assertEquals(
                    c.get("candidate_rows").asLong(),
                    x.count("SELECT sum(rows) FROM {side_days} WHERE side = 'candidate'"));
            assertEquals(c.get("paired").asLong(), x.count("SELECT sum(paired) FROM {coverage}"));
            assertEquals(c.get("baseline_only").asLong(), x.count("SELECT sum(baseline_only) FROM {coverage}"));
            assertEquals(c.get("candidate_only").asLong(), x.count("SELECT sum(candidate_only) FROM {coverage}"));
            RegressionExtractTest.same(
                    desk.get("divergence").get("mean_abs").asDouble(), x.mean("abs_difference", "pair"));
            RegressionExtractTest.same(
                    desk.get("latency_ms").get("candidate").get("p50").asDouble(),
                    x.quantile("latency", "candidate", 0.5));
        }
        JsonNode manifest =
                new ObjectMapper().readTree(extract.resolve("manifest.json").toFile());
        assertEquals(
                c.get("quarantined_rows").asLong(),
                manifest.get("input").get("rows_unreadable").asLong());
    }
}
