package dev.shadowbench.core.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shadowbench.core.compare.Comparison;
import dev.shadowbench.core.compare.Side;
import dev.shadowbench.core.compare.SummaryOptions;
import dev.shadowbench.core.decide.ReviewJson;
import dev.shadowbench.core.decide.ReviewSummary;
import dev.shadowbench.core.format.FigureFormat;
import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Workspace;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code summary --json} of a comparison imported as an extract equals the desk's summary of the raw logs it was
 * written from (by {@link ExtractFixture}, the format's independent reference): counts exactly, every other figure
 * after rounding to the 3 significant digits the review prints. Regression, classification and ranking logs with
 * duplicates, one-sided requests and a NaN latency, over two days, as one extract and as two one-day extracts merged.
 */
class ExtractSummaryTest {
    @TempDir
    Path dir;

    static final Comparison CMP = new Comparison(Side.variant("live"), Side.variant("shadow"), null, null);

    /** The parts of the contract the outlier rules make (the extract's flags come from the job, checked elsewhere). */
    static final Set<String> OUTLIER_PARTS = Set.of("outliers", "outlier_counts", "findings", "verdict");

    @Test
    void regressionTwoDaysAsOneExtract() throws Exception {
        assertSameFigures(ExtractLogs.Task.REGRESSION, true, false);
    }

    @Test
    void regressionWithFullPrecisionValuesRoundedToSevenDigits() throws Exception {
        assertSameFigures(ExtractLogs.Task.REGRESSION, false, false);
    }

    @Test
    void classificationTwoDaysAsOneExtract() throws Exception {
        assertSameFigures(ExtractLogs.Task.CLASSIFICATION, true, false);
    }

    @Test
    void rankingTwoDaysAsOneExtract() throws Exception {
        assertSameFigures(ExtractLogs.Task.RANKING, true, false);
    }

    @Test
    void regressionTwoOneDayExtractsMerged() throws Exception {
        assertSameFigures(ExtractLogs.Task.REGRESSION, true, true);
    }

    @Test
    void classificationTwoOneDayExtractsMerged() throws Exception {
        assertSameFigures(ExtractLogs.Task.CLASSIFICATION, true, true);
    }

    @Test
    void oneDayOfATwoDayExtract() throws Exception {
        LocalDate d = LocalDate.of(2026, 11, 21);
        assertSameFigures(ExtractLogs.Task.CLASSIFICATION, true, false, CMP.withWindow(d, d));
    }

    @Test
    void rankingsAtAnotherTopKAreNotInTheExtract() throws Exception {
        Path out = dir.resolve("extract");
        ExtractFixture.fromLogs(ExtractLogs.Task.RANKING, 300, true, CMP, ExtractFixture.Settings.DEFAULT, out);
        try (Workspace ws = Workspace.inMemory();
                Connection c = ws.connect()) {
            ExtractImport.run(c, out, ProgressSink.NONE);
            var s = dev.shadowbench.core.compare.SummaryService.compute(
                    c, CMP, new SummaryOptions(100.0, 20, 5, null), ProgressSink.NONE);
            assertEquals(
                    "not in the extract: it counted rankings at top-10, not top-5",
                    s.unavailable().get("divergence"));
            assertEquals(
                    "not in the extract: it counted rankings at top-10, not top-5",
                    s.unavailable().get("labels"));
            assertEquals(null, s.arms().topItems());
            assertTrue(s.breakdowns().byDay().stream().allMatch(g -> g.meanAbs() == null), "no divergence per day");
        }
    }

    @Test
    void aCanarysArmFiguresPerDay() throws Exception {
        Comparison canary = new Comparison(Side.variant("live"), Side.variant("canary"), null, null);
        for (ExtractLogs.Task task : ExtractLogs.Task.values()) {
            Path out = dir.resolve("canary-" + task);
            JsonNode raw;
            try (Workspace ws = Workspace.inMemory();
                    Connection c = ws.connect()) {
                ExtractLogs.write(c, task, 1500, false, true);
                raw = contract(c, canary);
                ExtractFixture.write(c, canary, ExtractFixture.Settings.DEFAULT, out);
            }
            JsonNode fromExtract;
            try (Workspace ws = Workspace.inMemory();
                    Connection c = ws.connect()) {
                ExtractImport.run(c, out, ProgressSink.NONE);
                fromExtract = contract(c, canary);
            }
            assertTrue(raw.has("canary"), "read as a canary: " + raw.get("unavailable"));
            ObjectNode unavailable = (ObjectNode) fromExtract.get("unavailable");
            List.of("charts.density", "charts.residuals", "pairs").forEach(unavailable::remove);
            List<String> diffs = new ArrayList<>();
            compare("", raw, fromExtract, diffs);
            assertTrue(
                    diffs.isEmpty(),
                    task + " canary: " + diffs.size() + " figures differ:\n" + String.join("\n", diffs));
        }
    }

    private void assertSameFigures(ExtractLogs.Task task, boolean exact, boolean perDay) throws Exception {
        assertSameFigures(task, exact, perDay, CMP);
    }

    private void assertSameFigures(ExtractLogs.Task task, boolean exact, boolean perDay, Comparison window)
            throws Exception {
        JsonNode raw;
        List<Path> extracts = new ArrayList<>();
        try (Workspace ws = Workspace.inMemory();
                Connection c = ws.connect()) {
            ExtractLogs.write(c, task, 1500, exact);
            raw = contract(c, window);
            if (perDay) {
                for (String d : List.of("2026-11-20", "2026-11-21")) {
                    Path out = dir.resolve("extract-" + d);
                    LocalDate day = LocalDate.parse(d);
                    ExtractFixture.write(c, CMP.withWindow(day, day), ExtractFixture.Settings.DEFAULT, out);
                    extracts.add(out);
                }
            } else {
                Path out = dir.resolve("extract");
                ExtractFixture.write(c, CMP, ExtractFixture.Settings.DEFAULT, out);
                extracts.add(out);
            }
        }
        JsonNode fromExtract;
        try (Workspace ws = Workspace.inMemory();
                Connection c = ws.connect()) {
            for (Path e : extracts) ExtractImport.run(c, e, ProgressSink.NONE);
            fromExtract = contract(c, window.from() == null ? Comparison.defaultFor(c) : window);
        }
        // what the extract cannot show is named, not guessed
        ObjectNode unavailable = (ObjectNode) fromExtract.get("unavailable");
        for (String k : task == ExtractLogs.Task.REGRESSION
                ? List.of("charts.density", "charts.residuals", "pairs")
                : List.of("charts.density", "pairs")) {
            assertTrue(unavailable.has(k), k + " in " + unavailable);
            unavailable.remove(k);
        }
        List<String> diffs = new ArrayList<>();
        compare("", raw, fromExtract, diffs);
        assertTrue(diffs.isEmpty(), task + ": " + diffs.size() + " figures differ:\n" + String.join("\n", diffs));
        assertEquals(
                raw.at("/counts/paired").asLong(),
                fromExtract.at("/counts/paired").asLong());
    }

    static JsonNode contract(Connection c, Comparison cmp) throws Exception {
        ObjectNode t = ReviewJson.tree(ReviewSummary.compute(c, cmp, SummaryOptions.DEFAULT, ProgressSink.NONE));
        OUTLIER_PARTS.forEach(t::remove);
        return t;
    }

    /** Differences between two contract trees: integers exactly, other numbers as printed, texts exactly. */
    static void compare(String path, JsonNode a, JsonNode b, List<String> diffs) {
        if (path.contains("flagged")) return; // flagged shares per group come from the outlier rules
        if (a.isObject() && b.isObject()) {
            Set<String> names = new java.util.TreeSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                JsonNode x = a.get(n), y = b.get(n);
                if (x == null || y == null) diffs.add(path + "/" + n + ": " + x + " vs " + y);
                else compare(path + "/" + n, x, y, diffs);
            }
        } else if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                diffs.add(path + ": " + a.size() + " vs " + b.size() + " elements");
                return;
            }
            Iterator<JsonNode> i = a.elements(), j = b.elements();
            for (int k = 0; i.hasNext(); k++) compare(path + "[" + k + "]", i.next(), j.next(), diffs);
        } else if (a.isIntegralNumber() && b.isIntegralNumber()) {
            if (a.asLong() != b.asLong()) diffs.add(path + ": " + a + " vs " + b);
        } else if (a.isNumber() && b.isNumber()) {
            String x = FigureFormat.num(a.asDouble()), y = FigureFormat.num(b.asDouble());
            if (!x.equals(y)) diffs.add(path + ": " + a + " vs " + b + " (" + x + " vs " + y + ")");
        } else if (!a.equals(b)) {
            diffs.add(path + ": " + a + " vs " + b);
        }
    }
}
