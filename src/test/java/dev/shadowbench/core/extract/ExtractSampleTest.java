package dev.shadowbench.core.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shadowbench.core.BadInputException;
import dev.shadowbench.core.compare.Comparison;
import dev.shadowbench.core.compare.Side;
import dev.shadowbench.core.review.PairDetail;
import dev.shadowbench.core.review.RandomSample;
import dev.shadowbench.core.review.SamplePair;
import dev.shadowbench.core.workspace.Workspace;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seeded sample of an extract is the desk's sample of the raw logs, for the extract's seed and up to its sizes. */
class ExtractSampleTest {
    @TempDir
    Path dir;

    static final Comparison CMP = new Comparison(Side.variant("live"), Side.variant("shadow"), null, null);

    @Test
    void sameSeedSamePairsOverTheWindowAndOneDayOfIt() throws Exception {
        List<String> raw, rawDay, rawSmall;
        try (Workspace ws = Workspace.inMemory();
                Connection c = ws.connect()) {
            ExtractLogs.write(c, ExtractLogs.Task.REGRESSION, 1500, false);
            raw = ids(RandomSample.draw(c, CMP, new RandomSample.Spec(100, 1, 10)));
            LocalDate d = LocalDate.of(2026, 11, 21);
            rawDay = ids(RandomSample.draw(c, CMP.withWindow(d, d), new RandomSample.Spec(100, 1, 10)));
            rawSmall = ids(RandomSample.draw(c, CMP, new RandomSample.Spec(7, 1, 3)));
            ExtractFixture.write(c, CMP, ExtractFixture.Settings.DEFAULT, dir.resolve("x"));
        }
        try (Workspace ws = Workspace.inMemory();
                Connection c = ws.connect()) {
            ExtractImport.run(c, dir.resolve("x"), dev.shadowbench.core.task.ProgressSink.NONE);
            assertEquals(raw, ids(RandomSample.draw(c, CMP, new RandomSample.Spec(100, 1, 10))));
            LocalDate d = LocalDate.of(2026, 11, 21);
            assertEquals(rawDay, ids(RandomSample.draw(c, CMP.withWindow(d, d), new RandomSample.Spec(100, 1, 10))));
            assertEquals(rawSmall, ids(RandomSample.draw(c, CMP, new RandomSample.Spec(7, 1, 3))));
            BadInputException other = assertThrows(
                    BadInputException.class, () -> RandomSample.draw(c, CMP, new RandomSample.Spec(100, 2, 10)));
            assertTrue(other.getMessage().startsWith("Not in the extract"), other.getMessage());
            assertThrows(BadInputException.class, () -> RandomSample.draw(c, CMP, new RandomSample.Spec(101, 1, 10)));
        }
        // a sampled pair's detail shows each side's values as the extract holds them
        try (Workspace ws = Workspace.inMemory();
                Connection c = ws.connect()) {
            ExtractImport.run(c, dir.resolve("x"), dev.shadowbench.core.task.ProgressSink.NONE);
            String id = raw.get(0);
            PairDetail d = PairDetail.load(ws, CMP, id);
            assertEquals(1, d.baseline().size());
            assertEquals(1, d.candidate().size());
            assertEquals(id, d.candidate().get(0).get("request_id"));
            assertTrue(
                    d.baseline().get(0).get("source").startsWith("extract 1"),
                    d.baseline().toString());
            assertTrue(PairDetail.load(ws, CMP, "no-such-request").baseline().isEmpty());
        }
        assertEquals(110, raw.size());
    }

    private static List<String> ids(List<SamplePair> pairs) {
        return pairs.stream().map(p -> p.requestId() + (p.extreme() ? "*" : "")).toList();
    }
}
