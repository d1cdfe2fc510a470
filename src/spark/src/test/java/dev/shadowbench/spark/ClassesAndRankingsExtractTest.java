package dev.shadowbench.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Classification and ranking logs written here (two days; duplicates whose later record says otherwise, requests on
 * one side only, a NaN score, a record without an id, several clicked items per request), as a partitioned Parquet
 * lake: the extract's figures equal the desk's {@code summary --json} on the same lake.
 */
class ClassesAndRankingsExtractTest {
    static SparkSession spark;

    @TempDir
    static Path tmp;

    record Run(Path dir, Path extract, JsonNode desk) {}

    static Run classes, rankings;

    @BeforeAll
    static void run() throws Exception {
        assumeTrue(Desk.available(), "the desk's jar (" + Desk.jar() + ") is built by the root build first");
        spark = LocalSpark.start();
        classes = both("classes", false);
        rankings = both("rankings", true);
    }

    @AfterAll
    static void stop() {
        if (spark != null) spark.stop();
    }

    private static Run both(String name, boolean ranking) throws Exception {
        Path dir = tmp.resolve(name), logs = dir.resolve("logs"), lake = dir.resolve("lake");
        Files.createDirectories(logs);
        write(logs, ranking);
        Lakes.partitioned(spark, logs + "/*.jsonl", lake);
        Path ws = dir.resolve("ws.duckdb");
        List<String> imp = new ArrayList<>(List.of("import", "-w", ws.toString()));
        imp.addAll(Desk.files(lake, ".parquet"));
        Desk.run(dir, imp.toArray(new String[0]));
        Desk.run(
                dir,
                "import",
                "-w",
                ws.toString(),
                "--labels",
                logs.resolve("labels.csv").toString());
        JsonNode desk = Desk.summary(dir, ws, "--baseline", "live", "--candidate", "shadow");
        Path extract = dir.resolve("extract");
        ExtractJob.run(
                spark,
                JobOptions.parse(
                        "--logs",
                        lake + "/day=*/variant=*",
                        "--labels",
                        logs.resolve("labels.csv").toString(),
                        "--baseline",
                        "live",
                        "--candidate",
                        "shadow",
                        "--out",
                        extract.toString()));
        return new Run(dir, extract, desk);
    }

    /** 400 requests over two days; see the class comment for what they hold. */
    private static void write(Path logs, boolean ranking) throws IOException {
        Random r = new Random(ranking ? 11 : 7);
        StringBuilder live = new StringBuilder(), shadow = new StringBuilder(), labels = new StringBuilder();
        labels.append("request_id,actual\n");
        for (int i = 0; i < 400; i++) {
            String id = "r" + i;
            String ts = String.format(
                    Locale.ROOT, "2026-11-0%dT%02d:%02d:00.000Z", 1 + i % 2, r.nextInt(23), r.nextInt(60));
            String later = ts.replace("T", "T").substring(0, 11) + "23" + ts.substring(13);
            String segment = i % 3 == 0 ? "ios" : "web";
            String truth = r.nextBoolean() ? "1" : "0";
            String b, c, bDup;
            if (ranking) {
                b = items(r);
                c = items(r);
                bDup = items(r);
            } else {
                double bs = r.nextDouble(), cs = truth.equals("1") ? 0.3 + 0.7 * r.nextDouble() : 0.7 * r.nextDouble();
                b = classed(bs);
                c = i % 31 == 0 ? "\"prediction\":NaN,\"predicted_class\":\"1\"" : classed(cs);
                bDup = classed(1 - bs);
            }
            if (i % 17 != 0) live.append(record(id, ts, "live", b, segment));
            if (i % 29 == 0)
                live.append(record(id, later, "live", bDup, segment)); // a later record that says otherwise
            if (i % 13 != 0) shadow.append(record(id, ts, "shadow", c, segment));
            if (i % 2 == 0) {
                if (ranking) {
                    labels.append(id).append(",i").append(r.nextInt(12)).append('\n');
                    if (i % 4 == 0)
                        labels.append(id).append(",i").append(r.nextInt(12)).append('\n');
                } else labels.append(id).append(',').append(truth).append('\n');
            }
        }
        live.append("{\"timestamp\":\"2026-11-01T10:00:00.000Z\",\"variant\":\"live\",\"prediction\":")
                .append(ranking ? "[\"i1\"]" : "0.5")
                .append(",\"segment\":\"web\"}\n"); // no request id: quarantined
        Files.writeString(logs.resolve("live.jsonl"), live);
        Files.writeString(logs.resolve("shadow.jsonl"), shadow);
        Files.writeString(logs.resolve("labels.csv"), labels);
    }

    private static String classed(double score) {
        return String.format(
                Locale.ROOT, "\"prediction\":%.4f,\"predicted_class\":\"%s\"", score, score > 0.5 ? "1" : "0");
    }

    private static String items(Random r) {
        List<String> items = new ArrayList<>();
        while (items.size() < 6) {
            String it = "\"i" + r.nextInt(14) + "\"";
            if (!items.contains(it)) items.add(it);
        }
        return "\"prediction\":[" + String.join(",", items) + "]";
    }

    private static String record(String id, String ts, String variant, String prediction, String segment) {
        return "{\"request_id\":\"" + id + "\",\"timestamp\":\"" + ts + "\",\"model\":\"m\",\"model_version\":\""
                + variant + "-1\",\"variant\":\"" + variant + "\"," + prediction + ",\"latency_ms\":12.5,\"segment\":\""
                + segment + "\"}\n";
    }

    /** The desk reading the extract (import --extract, the desk side of issue 18) prints what it prints from the logs. */
    @Test
    void theDeskReadsBothExtractsAsTheLogs() throws Exception {
        assumeTrue(Desk.readsExtracts(tmp), "this desk jar has no import --extract yet (x18's branch adds it)");
        for (Run run : List.of(classes, rankings)) {
            Path ws = run.dir().resolve("from-extract.duckdb");
            Desk.run(
                    run.dir(),
                    "import",
                    "-w",
                    ws.toString(),
                    "--extract",
                    run.extract().toString());
            assertEquals(
                    List.of(),
                    SummaryDiff.of(run.desk(), Desk.summary(run.dir(), ws)),
                    run.dir().toString());
        }
    }

    private static void countsEqual(Run run) throws Exception {
        JsonNode c = run.desk().get("counts");
        try (ExtractTables x = new ExtractTables(run.extract())) {
            assertEquals(
                    c.get("baseline_rows").asLong(),
                    x.count("SELECT sum(rows) FROM {side_days} WHERE side = 'baseline'"));
            assertEquals(
                    c.get("candidate_rows").asLong(),
                    x.count("SELECT sum(rows) FROM {side_days} WHERE side = 'candidate'"));
            assertEquals(c.get("paired").asLong(), x.count("SELECT sum(paired) FROM {coverage}"));
            assertEquals(c.get("baseline_only").asLong(), x.count("SELECT sum(baseline_only) FROM {coverage}"));
            assertEquals(c.get("candidate_only").asLong(), x.count("SELECT sum(candidate_only) FROM {coverage}"));
            assertEquals(c.get("duplicate_rows").asLong(), x.count("SELECT sum(rows - ids) FROM {side_days}"));
            assertTrue(c.get("candidate_only").asLong() > 0
                    && c.get("duplicate_rows").asLong() > 0);
            JsonNode manifest = new ObjectMapper()
                    .readTree(run.extract().resolve("manifest.json").toFile());
            assertEquals(
                    c.get("quarantined_rows").asLong(),
                    manifest.get("input").get("rows_unreadable").asLong());
            assertTrue(c.get("quarantined_rows").asLong() > 0, "the record without an id");
        }
    }

    @Test
    void classificationCountsEqualTheDesks() throws Exception {
        countsEqual(classes);
    }

    @Test
    void classificationFiguresFromTheClassTables() throws Exception {
        JsonNode d = classes.desk().get("divergence"), l = classes.desk().get("labels");
        try (ExtractTables x = new ExtractTables(classes.extract())) {
            RegressionExtractTest.same(
                    d.get("disagreement_rate").asDouble(),
                    x.number("SELECT sum(differ) / sum(classed) FROM {pair_groups}"));
            String labelled = " FROM {class_pairs} WHERE y IS NOT NULL";
            assertEquals(l.get("labelled_pairs").asLong(), x.count("SELECT sum(n)" + labelled));
            for (String s : List.of("b", "c")) {
                String side = s.equals("b") ? "baseline" : "candidate";
                RegressionExtractTest.same(
                        l.get(side).get("accuracy").asDouble(),
                        x.number("SELECT sum(n) FILTER (WHERE " + s + "_class = y) / sum(n)" + labelled));
            }
        }
    }

    @Test
    void rankingCountsEqualTheDesks() throws Exception {
        countsEqual(rankings);
    }

    @Test
    void rankingFiguresFromTheRankingTables() throws Exception {
        JsonNode d = rankings.desk().get("divergence"), l = rankings.desk().get("labels");
        try (ExtractTables x = new ExtractTables(rankings.extract())) {
            RegressionExtractTest.same(d.get("mean_abs").asDouble(), x.mean("ranking_divergence", "pair"));
            assertEquals(l.get("labelled_pairs").asLong(), x.count("SELECT sum(n) FROM {ranking_hits}"));
            RegressionExtractTest.same(
                    l.get("baseline").get("hit_rate").asDouble(),
                    x.number("SELECT sum(b_hits) / sum(n) FROM {ranking_hits}"));
            RegressionExtractTest.same(
                    l.get("candidate").get("hit_rate").asDouble(),
                    x.number("SELECT sum(c_hits) / sum(n) FROM {ranking_hits}"));
        }
    }
}
