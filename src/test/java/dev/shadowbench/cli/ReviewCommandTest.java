package dev.shadowbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shadowbench.core.decide.Recommendation;
import dev.shadowbench.core.generate.SyntheticLogs;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scheduled daily step: {@code import --new} and {@code review --new --report --fail-on}. */
class ReviewCommandTest {
    @TempDir
    Path dir;

    private Path logs;
    private Path ws;

    @BeforeEach
    void firstDayImported() throws Exception {
        logs = dir.resolve("logs");
        SyntheticLogs.write(logs, SyntheticLogs.Options.of(800, 5, 2), null);
        Files.move(logs.resolve("2026-11-21"), dir.resolve("2026-11-21"));
        ws = dir.resolve("ws.duckdb");
        SummaryCommandTest.Run r = SummaryCommandTest.run("import", "-w", ws.toString(), "-q", logs + "/*/*.jsonl");
        assertEquals(0, r.code(), r.err());
        Files.move(dir.resolve("2026-11-21"), logs.resolve("2026-11-21"));
    }

    private Recommendation recommendation() throws Exception {
        SummaryCommandTest.Run s = SummaryCommandTest.run("summary", "-w", ws.toString(), "--json");
        assertEquals(0, s.code(), s.err());
        String id = new ObjectMapper()
                .readTree(s.out())
                .path("verdict")
                .path("recommendation")
                .asText();
        return Recommendation.valueOf(id.toUpperCase(java.util.Locale.ROOT));
    }

    @Test
    void importNewTakesOnlyTheNewDay() {
        SummaryCommandTest.Run r = SummaryCommandTest.run("import", "-w", ws.toString(), "--new", "-q");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("2 new file(s) in 1 source(s); 2 seen before"), r.out());
        r = SummaryCommandTest.run("import", "-w", ws.toString(), "--new", "-q");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("0 new file(s) in 1 source(s); 4 seen before"), r.out());
    }

    @Test
    void importNewWithAPathIsBadUsage() {
        SummaryCommandTest.Run r = SummaryCommandTest.run("import", "-w", ws.toString(), "--new", logs.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--new reads the places imported before"), r.err());
        r = SummaryCommandTest.run("import", "-w", ws.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("or --new"), r.err());
    }

    @Test
    void reviewImportsWritesTheReportAndExitsByTheRecommendation() throws Exception {
        Path report = dir.resolve("daily.html");
        SummaryCommandTest.Run r = SummaryCommandTest.run(
                "review", "-w", ws.toString(), "--new", "-q", "--report", report.toString(), "--fail-on", "hold");
        Recommendation rec = recommendation();
        int expected =
                switch (rec) {
                    case PROMOTE, ADVANCE -> 0;
                    case HOLD -> ReviewCommand.HOLD_EXIT;
                    case ROLLBACK -> ReviewCommand.ROLLBACK_EXIT;
                };
        assertEquals(expected, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("2 new file(s)"), r.out());
        assertTrue(r.out().contains("live vs shadow: " + rec.name()), r.out());
        String html = Files.readString(report);
        assertTrue(html.startsWith("<!DOCTYPE html>") || html.startsWith("<!doctype html>"), html.substring(0, 40));
        // both days are in the review now
        SummaryCommandTest.Run s = SummaryCommandTest.run("summary", "-w", ws.toString(), "--json");
        assertEquals(
                2,
                new ObjectMapper()
                        .readTree(s.out())
                        .path("traffic")
                        .path("by_day")
                        .size(),
                "the new day was imported");
        // a level the recommendation does not reach exits 0
        r = SummaryCommandTest.run("review", "-w", ws.toString(), "--fail-on", "rollback");
        assertEquals(rec == Recommendation.ROLLBACK ? ReviewCommand.ROLLBACK_EXIT : 0, r.code(), r.err());
        assertFalse(r.out().contains("new file(s)"), "no import without --new");
    }

    @Test
    void exitCodesFollowTheLevel() {
        Recommendation hold = Recommendation.HOLD;
        assertEquals(0, ReviewCommand.exitCode(Recommendation.PROMOTE, hold));
        assertEquals(0, ReviewCommand.exitCode(Recommendation.ADVANCE, hold));
        assertEquals(4, ReviewCommand.exitCode(Recommendation.HOLD, hold));
        assertEquals(5, ReviewCommand.exitCode(Recommendation.ROLLBACK, hold));
        assertEquals(0, ReviewCommand.exitCode(Recommendation.HOLD, Recommendation.ROLLBACK));
        assertEquals(5, ReviewCommand.exitCode(Recommendation.ROLLBACK, Recommendation.ROLLBACK));
        assertEquals(0, ReviewCommand.exitCode(Recommendation.ROLLBACK, null));
    }

    @Test
    void aBadLevelOrFormatIsBadInput() {
        SummaryCommandTest.Run r = SummaryCommandTest.run("review", "-w", ws.toString(), "--fail-on", "promote");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--fail-on promote: use hold or rollback"), r.err());
        r = SummaryCommandTest.run(
                "review", "-w", ws.toString(), "--report", dir.resolve("r.pdf").toString(), "--format", "pdf");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("Unknown report format 'pdf'"), r.err());
    }

    @Test
    void theReportFormatFollowsTheExtension() {
        assertEquals("md", ReviewCommand.formatFor(null, Path.of("a.md")).extension());
        assertEquals("json", ReviewCommand.formatFor(null, Path.of("a.JSON")).extension());
        assertEquals("html", ReviewCommand.formatFor(null, Path.of("a.report")).extension());
        assertEquals("md", ReviewCommand.formatFor("md", Path.of("a.html")).extension());
    }
}
