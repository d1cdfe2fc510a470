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

/** A first model's logs: one variant, labels for part of the requests, per task; same seed, same bytes. */
class FirstModelLogsTest {
    @TempDir
    Path dir;

    private static final SyntheticLogs.Options O =
            new SyntheticLogs.Options(600, 3, 2, LocalDate.of(2026, 11, 18), false, 0.4, 0);

    @Test
    void eachTaskWritesOneVariantAndLabelsForPartOfTheRequests() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (FirstModelLogs.Task task : FirstModelLogs.Task.values()) {
            Path out = dir.resolve(task.name());
            FirstModelLogs.Result r = FirstModelLogs.write(out, task, O, null);
            assertEquals(600, r.requests());
            List<String> lines = Files.readAllLines(out.resolve("2026-11-18/shadow.jsonl"));
            lines.addAll(Files.readAllLines(out.resolve("2026-11-19/shadow.jsonl")));
            assertEquals(600, lines.size());
            Set<String> ids = new HashSet<>();
            for (String line : lines) {
                JsonNode n = json.readTree(line);
                assertEquals("shadow", n.get("variant").asText());
                ids.add(n.get("request_id").asText());
                switch (task) {
                    case REGRESSION -> assertTrue(n.get("prediction").asDouble() > 0);
                    case CLASSIFICATION ->
                        assertTrue(Set.of("0", "1")
                                .contains(n.get("predicted_class").asText()));
                    case RANKING -> {
                        Set<String> items = new HashSet<>();
                        n.get("ranking").forEach(i -> items.add(i.asText()));
                        assertEquals(FirstModelLogs.RANKED, items.size(), "ten distinct items: " + n);
                    }
                }
            }
            List<String> labels = Files.readAllLines(out.resolve("2026-11-18/labels.csv"));
            List<String> second = Files.readAllLines(out.resolve("2026-11-19/labels.csv"));
            labels.addAll(second.subList(1, second.size()));
            long labelled =
                    labels.stream().skip(1).map(l -> l.split(",")[0]).distinct().count();
            assertTrue(labelled > 180 && labelled < 300, task + ": about 40% of 600 labelled, was " + labelled);
            assertTrue(labels.stream().skip(1).allMatch(l -> ids.contains(l.split(",")[0])), "labels name requests");
            assertEquals(labels.size() - 1, r.labels());
        }
    }

    @Test
    void theSameSeedWritesTheSameBytes() throws Exception {
        FirstModelLogs.write(dir.resolve("a"), FirstModelLogs.Task.RANKING, O, null);
        FirstModelLogs.write(dir.resolve("b"), FirstModelLogs.Task.RANKING, O, null);
        for (String f : List.of("2026-11-19/shadow.jsonl", "2026-11-19/labels.csv")) {
            assertArrayEquals(
                    Files.readAllBytes(dir.resolve("a").resolve(f)),
                    Files.readAllBytes(dir.resolve("b").resolve(f)));
        }
    }
}
