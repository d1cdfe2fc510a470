package dev.shadowbench.core.decide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shadowbench.core.compare.Comparison;
import dev.shadowbench.core.compare.PairIndex;
import dev.shadowbench.core.compare.PairedComparison;
import dev.shadowbench.core.compare.Summary;
import dev.shadowbench.core.json.Json;
import dev.shadowbench.core.outliers.Outlier;
import dev.shadowbench.core.outliers.OutlierDetector;
import dev.shadowbench.core.outliers.OutlierReport;
import dev.shadowbench.core.outliers.OutlierStore;
import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The review's flagged share per segment and per day: pairs flagged by at least one outlier rule over the group's
 * pairs, counted from every flag (not from the report's capped list). Checked against the flagged request ids and
 * the segments read from the log file itself.
 */
class SegmentFlaggedShareTest {
    @TempDir
    Path dir;

    @Test
    void flaggedPairsPerSegmentAndDayMatchTheFlaggedRequests() throws Exception {
        Path file = SmallWorkspace.create(dir);
        Map<String, String> segmentOf = new HashMap<>();
        for (String line : Files.readAllLines(dir.resolve("logs/2026-11-20/live.jsonl"))) {
            if (line.isBlank()) continue;
            JsonNode n = Json.mapper().readTree(line);
            segmentOf.put(n.get("request_id").asText(), n.get("segment").asText());
        }
        try (Workspace ws = Workspace.open(file)) {
            ReviewSummary r = SmallWorkspace.review(ws);
            OutlierReport o = r.outliers();
            Set<String> ids = o.flagged().stream().map(Outlier::requestId).collect(Collectors.toSet());
            assertEquals(o.flaggedPairs(), ids.size(), "400 requests: the list here is not capped");
            assertTrue(ids.size() > 3, "the injected anomalies are flagged: " + ids.size());
            Map<String, Long> expected =
                    ids.stream().collect(Collectors.groupingBy(segmentOf::get, Collectors.counting()));
            long sum = 0;
            for (Summary.Group g : r.summary().breakdowns().bySegment()) {
                assertEquals(expected.getOrDefault(g.key(), 0L), g.flaggedPairs(), g.key());
                assertEquals((double) g.flaggedPairs() / g.paired(), g.flaggedShare(), 1e-15, g.key());
                sum += g.flaggedPairs();
            }
            assertEquals(ids.size(), sum);
            Summary.Group day = r.summary().breakdowns().byDay().get(0);
            assertEquals(1, r.summary().breakdowns().byDay().size());
            assertEquals(ids.size(), day.flaggedPairs());
            assertEquals((double) ids.size() / r.summary().counts().paired(), day.flaggedShare(), 1e-15);

            // a report that lists no flag at all still leaves every flag to count
            ws.read(c -> {
                PairedComparison pc = PairIndex.open(c, Comparison.defaultFor(ws), ProgressSink.NONE);
                OutlierReport capped =
                        OutlierDetector.detect(c, pc, OutlierStore.loadSettings(c), ProgressSink.NONE, 0);
                assertTrue(capped.flagged().isEmpty());
                long counted = OutlierDetector.flaggedBy(c, pc, "segment").values().stream()
                        .mapToLong(Long::longValue)
                        .sum();
                assertEquals(capped.flaggedPairs(), counted);
                assertTrue(counted > 0);
                return null;
            });
        }
    }
}
