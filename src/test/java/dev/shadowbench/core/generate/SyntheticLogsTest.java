package dev.shadowbench.core.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticLogsTest {
    @TempDir
    Path dir;

    @Test
    void sameSeedSameBytesOtherSeedOtherBytes() throws Exception {
        SyntheticLogs.write(dir.resolve("a"), SyntheticLogs.Options.of(2000, 7, 2), null);
        SyntheticLogs.write(dir.resolve("b"), SyntheticLogs.Options.of(2000, 7, 2), null);
        SyntheticLogs.write(dir.resolve("c"), SyntheticLogs.Options.of(2000, 8, 2), null);
        Path day = Path.of("2026-11-21", "shadow.jsonl");
        assertArrayEquals(
                Files.readAllBytes(dir.resolve("a").resolve(day)),
                Files.readAllBytes(dir.resolve("b").resolve(day)));
        assertTrue(!java.util.Arrays.equals(
                Files.readAllBytes(dir.resolve("a").resolve(day)),
                Files.readAllBytes(dir.resolve("c").resolve(day))));
    }

    @Test
    void recordsAreValidAndAnomaliesAreWhatTheFileSays() throws Exception {
        var r = SyntheticLogs.write(
                dir,
                new SyntheticLogs.Options(20_000, 3, 1, java.time.LocalDate.of(2026, 11, 20), false, 0.4, 0.002),
                null);
        ObjectMapper om = new ObjectMapper();
        Path d = dir.resolve("2026-11-20");
        List<String> live = Files.readAllLines(d.resolve("live.jsonl"));
        List<String> shadow = Files.readAllLines(d.resolve("shadow.jsonl"));
        assertEquals(r.liveRows(), live.size());
        assertEquals(r.shadowRows(), shadow.size());
        Set<String> liveIds = new HashSet<>();
        for (String line : live) {
            JsonNode n = om.readTree(line);
            assertEquals("live", n.get("variant").asText());
            assertEquals("ridge", n.get("model").asText());
            assertTrue(n.get("latency_ms").asDouble() > 0);
            assertTrue(n.get("timestamp").asText().startsWith("2026-11-20T"));
            liveIds.add(n.get("request_id").asText());
        }
        assertEquals(20_000, liveIds.size(), "every request has a live record");
        List<String> anomalies = Files.readAllLines(dir.resolve("anomalies.csv"));
        long missing =
                anomalies.stream().filter(l -> l.endsWith(",missing_shadow")).count();
        long dup = anomalies.stream().filter(l -> l.endsWith(",duplicate_live")).count();
        assertEquals(20_000 - missing, shadow.size());
        assertEquals(20_000 + dup, live.size());
        assertEquals(r.anomalies(), anomalies.size() - 1);
        // each kind appears at about its rate (0.2% of 20k = 40; missing_shadow 6x, duplicate_live 2x)
        assertTrue(missing > 150 && missing < 330, "missing_shadow " + missing);
        long labels = Files.readAllLines(d.resolve("labels.csv")).size() - 1;
        assertTrue(labels > 7600 && labels < 8500, "about 40% labelled: " + labels);
    }

    @Test
    void fixedPointTextNeverUsesExponents() {
        assertEquals("0.0001", SyntheticLogs.fixed(0.0001, 4));
        assertEquals("-12.5000", SyntheticLogs.fixed(-12.5, 4));
        assertEquals("123456789.00", SyntheticLogs.fixed(123456789, 2));
        assertEquals("0.00", SyntheticLogs.fixed(-0.001, 2));
        assertEquals("3", SyntheticLogs.fixed(2.5, 0));
    }
}
