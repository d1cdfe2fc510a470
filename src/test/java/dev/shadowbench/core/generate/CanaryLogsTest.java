package dev.shadowbench.core.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CanaryLogsTest {
    @TempDir
    Path dir;

    @Test
    void oneArmPerRequestRampedSharesComplaintsAndLabels() throws Exception {
        var r = CanaryLogs.write(dir, SyntheticLogs.Options.of(40_000, 5, 4), null);
        assertEquals(40_000, r.requests());
        assertEquals(r.requests(), r.liveRows() + r.canaryRows());
        assertEquals(
                List.of("day,share", "2026-11-20,0.01", "2026-11-21,0.2", "2026-11-22,0.5", "2026-11-23,1.0"),
                Files.readAllLines(dir.resolve("ramp.csv")));
        ObjectMapper om = new ObjectMapper();
        Set<String> ids = new HashSet<>();
        long complaints = 0;
        for (int d = 0; d < 4; d++) {
            Path day = dir.resolve(LocalDate.of(2026, 11, 20).plusDays(d).toString());
            // the 100% day has no live file
            assertEquals(d < 3, Files.exists(day.resolve("live.jsonl")));
            List<String> live = d < 3 ? Files.readAllLines(day.resolve("live.jsonl")) : List.of();
            List<String> canary = Files.readAllLines(day.resolve("canary.jsonl"));
            double observed = (double) canary.size() / (live.size() + canary.size());
            // 10,000 requests a day: the binomial sd of the share is at most 0.5 points
            assertEquals(CanaryLogs.share(d), observed, 0.02, "day " + d);
            for (String line : live) {
                JsonNode n = om.readTree(line);
                assertEquals("live", n.get("variant").asText());
                assertTrue(ids.add(n.get("request_id").asText()), "each request once");
                if (n.get("user_complaint").asBoolean()) complaints++;
            }
            for (String line : canary) {
                JsonNode n = om.readTree(line);
                assertEquals("canary", n.get("variant").asText());
                assertEquals(
                        SyntheticLogs.CANDIDATE_VERSION, n.get("model_version").asText());
                assertTrue(ids.add(n.get("request_id").asText()), "each request once");
                if (n.get("user_complaint").asBoolean()) complaints++;
            }
            assertTrue(Files.readAllLines(day.resolve("labels.csv")).size() > 1000);
        }
        assertEquals(r.complaints(), complaints);
        // about 2% complain
        assertEquals(0.02, (double) complaints / r.requests(), 0.005);
    }

    @Test
    void sameSeedSameBytes() throws Exception {
        CanaryLogs.write(dir.resolve("a"), SyntheticLogs.Options.of(3000, 9, 4), null);
        CanaryLogs.write(dir.resolve("b"), SyntheticLogs.Options.of(3000, 9, 4), null);
        Path f = Path.of("2026-11-21", "canary.jsonl");
        assertArrayEquals(
                Files.readAllBytes(dir.resolve("a").resolve(f)),
                Files.readAllBytes(dir.resolve("b").resolve(f)));
    }
}
