package dev.shadowbench.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desk's own generator writes two days of live and shadow logs (with duplicated and one-sided requests and
 * labels); Spark writes them as a lake partitioned by day= and variant=; the job reads the lake, and the desk imports
 * the same lake. Every count of the desk's {@code summary --json} equals the extract's, and every other figure the
 * extract holds agrees to the printed digits.
 */
class RegressionExtractTest {
    static SparkSession spark;

    @TempDir
    static Path tmp;

    static Path lake, extract, ws;
    static JsonNode desk;

    @BeforeAll
    static void run() throws Exception {
        assumeTrue(Desk.available(), "the desk's jar (" + Desk.jar() + ") is built by the root build first");
        spark = LocalSpark.start();
        Path logs = tmp.resolve("logs");
        Desk.run(
                tmp,
                "generate",
                "-o",
                logs.toString(),
                "--requests",
                "4000",
                "--seed",
                "5",
                "--days",
                "2",
                "--anomaly-rate",
                "0.005");
        lake = tmp.resolve("lake");
        Lakes.partitioned(spark, logs.toString() + "/*/*.jsonl", lake);
        ws = tmp.resolve("ws.duckdb");
        List<String> imp = new ArrayList<>(List.of("import", "-w", ws.toString()));
        imp.addAll(Desk.files(lake, ".parquet"));
        Desk.run(tmp, imp.toArray(new String[0]));
        List<String> lab = new ArrayList<>(List.of("import", "-w", ws.toString(), "--labels"));
        lab.addAll(Desk.files(logs, "labels.csv"));
        Desk.run(tmp, lab.toArray(new String[0]));
        desk = Desk.summary(tmp, ws, "--baseline", "live", "--candidate", "shadow");
        extract = tmp.resolve("extract");
        ExtractJob.run(
                spark,
                JobOptions.parse(
                        "--logs",
                        lake.toString(),
                        "--labels",
                        logs + "/*/labels.csv",
                        "--baseline",
                        "live",
                        "--candidate",
                        "shadow",
                        "--seed",
                        "3",
                        "--out",
                        extract.toString()));
    }

    @AfterAll
    static void stop() {
        if (spark != null) spark.stop();
    }

    @Test
    void countsEqualTheDesks() throws Exception {
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
            assertEquals(c.get("duplicate_rows").asLong(), x.count("SELECT sum(rows - ids) FROM {side_days}"));
            assertTrue(
                    c.get("duplicate_rows").asLong() > 0
                            && c.get("baseline_only").asLong() > 0,
                    "the logs hold both");
            assertEquals(c.get("paired").asLong(), x.count("SELECT sum(pairs) FROM {pair_groups}"));
            assertEquals(2, x.count("SELECT count(DISTINCT day) FROM {coverage}"), "two days");
        }
    }

    @Test
    void divergenceAndLatencyFromTheValueCounts() throws Exception {
        JsonNode d = desk.get("divergence"), lat = desk.get("latency_ms");
        try (ExtractTables x = new ExtractTables(extract)) {
            same(d.get("mean_abs").asDouble(), x.mean("abs_difference", "pair"));
            same(d.get("median_abs").asDouble(), x.quantile("abs_difference", "pair", 0.5));
            same(d.get("p95_abs").asDouble(), x.quantile("abs_difference", "pair", 0.95));
            same(
                    d.get("max_abs").asDouble(),
                    x.number("SELECT max(x) FROM {value_counts} WHERE measure = 'abs_difference'"));
            same(d.get("median_relative").asDouble(), x.quantile("rel_difference", "pair", 0.5));
            for (String side : List.of("baseline", "candidate")) {
                JsonNode s = lat.get(side);
                assertEquals(
                        s.get("n").asLong(),
                        x.count("SELECT sum(n) FROM {value_counts} WHERE measure = 'latency' AND side = '" + side
                                + "'"));
                same(s.get("p50").asDouble(), x.quantile("latency", side, 0.5));
                same(s.get("p95").asDouble(), x.quantile("latency", side, 0.95));
                same(s.get("p99").asDouble(), x.quantile("latency", side, 0.99));
                same(s.get("mean").asDouble(), x.mean("latency", side));
            }
        }
    }

    @Test
    void labelErrorsFromTheLabelSums() throws Exception {
        JsonNode l = desk.get("labels");
        try (ExtractTables x = new ExtractTables(extract)) {
            long n = x.count("SELECT sum(n) FROM {label_sums} WHERE scope = 'pair' AND side = 'baseline'");
            assertEquals(l.get("labelled_pairs").asLong(), n);
            for (String side : List.of("baseline", "candidate")) {
                String where = " FROM {label_sums} WHERE scope = 'pair' AND side = '" + side + "'";
                same(l.get(side).get("mae").asDouble(), x.number("SELECT sum(abs_err) / sum(n)" + where));
                same(l.get(side).get("rmse").asDouble(), x.number("SELECT sqrt(sum(sq_err) / sum(n))" + where));
            }
        }
    }

    @Test
    void theSampleIsTheDesksForTheSameSeed() throws Exception {
        Path csv = tmp.resolve("sample.csv");
        Desk.run(tmp, "sample", "-w", ws.toString(), "--size", "40", "--seed", "3", "--csv", csv.toString());
        List<String> lines = Files.readAllLines(csv);
        List<String> deskIds = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) deskIds.add(line.split(",", -1)[0]);
        try (ExtractTables x = new ExtractTables(extract)) {
            List<String> ours =
                    x.strings("SELECT request_id FROM {pairs} WHERE sampled ORDER BY md5('3:' || request_id) LIMIT 40");
            assertEquals(new HashSet<>(deskIds), new HashSet<>(ours));
            assertEquals(2 * ExtractJob.EXTREMES, x.count("SELECT count(*) FROM {pairs} WHERE extreme"));
        }
    }

    /** The desk reading the extract (import --extract, the desk side of issue 18) prints the figures it prints from the logs. */
    @Test
    void theDeskReadsTheExtractAsTheLogs() throws Exception {
        assumeTrue(Desk.readsExtracts(tmp), "this desk jar has no import --extract yet (x18's branch adds it)");
        Path ws2 = tmp.resolve("from-extract.duckdb");
        Desk.run(tmp, "import", "-w", ws2.toString(), "--extract", extract.toString());
        assertEquals(List.of(), SummaryDiff.of(desk, Desk.summary(tmp, ws2)));
    }

    /** Two one-day runs hold, together, what the two-day run holds; the desk merges them into the same figures. */
    @Test
    void twoOneDayExtractsMergeIntoTheTwoDayOne() throws Exception {
        List<Path> days = new ArrayList<>();
        for (String day : List.of("2026-11-20", "2026-11-21")) {
            Path out = tmp.resolve("extract-" + day);
            ExtractJob.run(
                    spark,
                    JobOptions.parse(
                            "--logs",
                            lake + "/day=*/variant=*/*.parquet",
                            "--labels",
                            tmp.resolve("logs") + "/*/labels.csv",
                            "--baseline",
                            "live",
                            "--candidate",
                            "shadow",
                            "--from",
                            day,
                            "--to",
                            day,
                            "--seed",
                            "3",
                            "--out",
                            out.toString()));
            days.add(out);
        }
        try (ExtractTables whole = new ExtractTables(extract);
                ExtractTables one = new ExtractTables(days.get(0));
                ExtractTables two = new ExtractTables(days.get(1))) {
            for (String sql : List.of(
                    "SELECT sum(rows) FROM {side_days}",
                    "SELECT sum(ids) FROM {side_days}",
                    "SELECT sum(paired) FROM {coverage}",
                    "SELECT sum(baseline_only + candidate_only) FROM {coverage}",
                    "SELECT count(*) FROM {value_counts}",
                    "SELECT sum(n) FROM {value_counts}",
                    "SELECT sum(x * n) FROM {value_counts} WHERE measure = 'signed_difference'",
                    "SELECT sum(n) FROM {label_sums}")) {
                assertEquals(
                        whole.number(sql), one.number(sql) + two.number(sql), 1e-9 * Math.abs(whole.number(sql)), sql);
            }
        }
        if (Desk.readsExtracts(tmp)) {
            Path ws3 = tmp.resolve("two-extracts.duckdb");
            for (Path d : days) Desk.run(tmp, "import", "-w", ws3.toString(), "--extract", d.toString());
            List<String> diff = SummaryDiff.of(desk, Desk.summary(tmp, ws3));
            // the seeded sample's pairs are the same; every figure the counts give is the same
            assertEquals(List.of(), diff);
        }
    }

    /**
     * The same figure as printed (3 significant digits), and within the bound 7-digit rounding allows (5e-7 of the
     * magnitude): these logs' values have at most 7 significant digits except the injected extremes.
     */
    static void same(double expected, double actual) {
        assertEquals(
                String.format(java.util.Locale.ROOT, "%.3g", expected),
                String.format(java.util.Locale.ROOT, "%.3g", actual));
        assertEquals(expected, actual, 1e-6 * Math.max(1e-9, Math.abs(expected)));
    }
}
