package dev.shadowbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shadowbench.core.compare.Comparison;
import dev.shadowbench.core.compare.Side;
import dev.shadowbench.core.extract.ExtractFixture;
import dev.shadowbench.core.extract.ExtractLogs;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import --extract} and {@code summary --json} as the Spark build's end-to-end test runs them (the desk jar as a
 * subprocess): an extract folder into a new workspace file, then the summary of its comparison without naming sides.
 */
class ExtractCommandTest {
    @TempDir
    Path dir;

    @Test
    void importsAnExtractAndSummarisesItsComparison() throws Exception {
        Path extract = dir.resolve("extract");
        ExtractFixture.fromLogs(
                ExtractLogs.Task.REGRESSION,
                300,
                true,
                new Comparison(Side.variant("live"), Side.variant("shadow"), null, null),
                ExtractFixture.Settings.DEFAULT,
                extract);
        Path ws = dir.resolve("desk.duckdb");
        CliRun.Result imp = CliRun.run("import", "-q", "-w", ws.toString(), "--extract", extract.toString());
        assertEquals(0, imp.code(), imp.err());
        assertTrue(imp.out().startsWith("Imported extract 1: live/*/* vs shadow/*/*, 2 day(s)"), imp.out());
        CliRun.Result again = CliRun.run("import", "-q", "-w", ws.toString(), "--extract", extract.toString());
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("already imported"), again.out());

        CliRun.Result sum = CliRun.run("summary", "-w", ws.toString(), "--json");
        assertEquals(0, sum.code(), sum.err());
        JsonNode j = new ObjectMapper().readTree(sum.out());
        assertEquals("live/*/*", j.at("/comparison/baseline").asText());
        assertTrue(j.at("/counts/paired").asLong() > 500);
        assertTrue(j.at("/unavailable/charts.density").asText().startsWith("not in the extract"));
    }

    @Test
    void aMalformedExtractExitsWithTwoNamingTheFileAndField() throws Exception {
        Path extract = Files.createDirectories(dir.resolve("broken"));
        Files.writeString(extract.resolve("manifest.json"), "{\"format\": \"shadowbench-extract\", \"version\": 1}");
        CliRun.Result r =
                CliRun.run("import", "-q", "-w", dir.resolve("w.duckdb").toString(), "--extract", extract.toString());
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().contains("manifest.json: field precision is missing"), r.err());
    }
}
