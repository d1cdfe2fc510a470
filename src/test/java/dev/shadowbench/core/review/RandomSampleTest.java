package dev.shadowbench.core.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shadowbench.core.chart.PairFilter;
import dev.shadowbench.core.compare.Comparison;
import dev.shadowbench.core.compare.PairIndex;
import dev.shadowbench.core.compare.Side;
import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Workspace;
import java.io.StringWriter;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RandomSampleTest {
    private Workspace ws;
    private final Comparison cmp = new Comparison(Side.variant("live"), Side.variant("shadow"), null, null);

    @BeforeEach
    void pairs() {
        ws = Workspace.inMemory();
        ws.read(c -> {
            try (Statement st = c.createStatement()) {
                // 1000 pairs; candidate = baseline + i/1000, except r-0500 (+90) and r-0700 (-80): the extremes.
                st.execute("""
                        INSERT INTO predictions(import_id, request_id, ts, variant, prediction, latency_ms, segment)
                        SELECT 1, printf('r-%04d', i), TIMESTAMP '2026-11-20 00:00:00' + to_seconds(i), 'live', 10.0, 20.0, 'web'
                        FROM range(1000) t(i)""");
                st.execute("""
                        INSERT INTO predictions(import_id, request_id, ts, variant, prediction, latency_ms, segment)
                        SELECT 1, printf('r-%04d', i), TIMESTAMP '2026-11-20 00:00:00' + to_seconds(i), 'shadow',
                               CASE i WHEN 500 THEN 100.0 WHEN 700 THEN -70.0 ELSE 10.0 + i / 1000.0 END, 25.0, 'web'
                        FROM range(1000) t(i)""");
                // one request only on the live side: never sampled
                st.execute(
                        "INSERT INTO predictions(import_id, request_id, variant, prediction) VALUES (1, 'only-live', 'live', 1)");
            }
            return null;
        });
    }

    @AfterEach
    void close() {
        ws.close();
    }

    private List<SamplePair> draw(int size, long seed, int extremes) {
        return ws.read(c -> RandomSample.draw(c, cmp, new RandomSample.Spec(size, seed, extremes)));
    }

    private static Set<String> ids(List<SamplePair> s) {
        return s.stream().map(SamplePair::requestId).collect(Collectors.toSet());
    }

    @Test
    void sameSeedSamePairsInTheSameOrder() {
        List<SamplePair> a = draw(50, 7, 0), b = draw(50, 7, 0);
        assertEquals(50, a.size());
        assertEquals(
                a.stream().map(SamplePair::requestId).toList(),
                b.stream().map(SamplePair::requestId).toList());
        assertEquals(50, ids(a).size(), "no pair twice");
        assertTrue(ids(a).stream().noneMatch("only-live"::equals), "only paired requests are sampled");
    }

    @Test
    void anotherSeedDrawsOtherPairs() {
        Set<String> a = ids(draw(50, 7, 0)), b = ids(draw(50, 8, 0));
        a.retainAll(b);
        // two independent 5% samples of 1000 share about 2.5 pairs; 20 would mean the seed is ignored
        assertTrue(a.size() < 20, "overlap " + a.size());
    }

    @Test
    void theSampleIsSpreadOverThePopulation() {
        // A seeded hash, not the first rows: the mean index of 200 draws from 0..999 is near 500.
        double mean = draw(200, 3, 0).stream()
                .mapToInt(p -> Integer.parseInt(p.requestId().substring(2)))
                .average()
                .orElseThrow();
        assertTrue(mean > 400 && mean < 600, "mean index " + mean);
    }

    @Test
    void stratifiedSampleAddsTheMostExtremePairs() {
        List<SamplePair> s = draw(10, 7, 2);
        List<SamplePair> extremes = s.stream().filter(SamplePair::extreme).toList();
        assertEquals(Set.of("r-0500", "r-0700"), ids(extremes));
        assertEquals(
                90.0,
                extremes.stream()
                        .filter(p -> p.requestId().equals("r-0500"))
                        .findFirst()
                        .orElseThrow()
                        .difference(),
                1e-9);
        assertEquals(12, s.size());
    }

    @Test
    void theExtremePairsOfAStratifiedSampleAreFlaggedByTheOutlierRules() {
        FlaggedSample s = FlaggedSample.draw(
                ws, cmp, new RandomSample.Spec(10, 7, 2), dev.shadowbench.core.task.ProgressSink.NONE);
        assertEquals(12, s.pairs().size());
        assertTrue(
                s.flagged().containsAll(Set.of("r-0500", "r-0700")), s.flagged().toString());
        assertTrue(s.flagged().size() <= 3, "ordinary pairs stay unflagged: " + s.flagged());
    }

    @Test
    void verdictsAreSavedAndTheLatestCounts() {
        ReviewLog log = new ReviewLog(ws);
        String id = draw(5, 1, 0).get(0).requestId();
        log.record(cmp, id, PairVerdict.SUSPICIOUS, "odd", "ana");
        log.record(cmp, id, PairVerdict.WRONG, "checked: wrong", "ana");
        SamplePair again = draw(5, 1, 0).get(0);
        assertEquals(id, again.requestId());
        assertEquals("wrong", again.verdict());
        assertEquals("checked: wrong", again.note());
        Map<PairVerdict, Long> counts = log.counts(cmp);
        assertEquals(1L, counts.get(PairVerdict.WRONG));
        assertEquals(0L, counts.get(PairVerdict.SUSPICIOUS));
        Comparison other = new Comparison(Side.variant("shadow"), Side.variant("live"), null, null);
        assertNull(
                ws.read(c -> RandomSample.draw(c, other, new RandomSample.Spec(1000, 1, 0))).stream()
                        .filter(p -> p.requestId().equals(id))
                        .findFirst()
                        .orElseThrow()
                        .verdict(),
                "verdicts belong to their comparison");
    }

    @Test
    void detailShowsBothRecords() {
        PairDetail d = PairDetail.load(ws, cmp, "r-0500");
        assertEquals(1, d.baseline().size());
        assertEquals("100.0", d.candidate().get(0).get("prediction"));
        assertEquals("shadow", d.candidate().get(0).get("variant"));
        assertTrue(d.labels().isEmpty());
    }

    @Test
    void csvHasOneHeaderAndQuotesWhatNeedsIt() throws Exception {
        StringWriter w = new StringWriter();
        SampleCsv.write(draw(3, 1, 0), w);
        String[] lines = w.toString().split("\r\n");
        assertEquals(4, lines.length);
        assertEquals(SampleCsv.HEADER, lines[0]);
        assertEquals("\"a,b\"", SampleCsv.cell("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", SampleCsv.cell("say \"hi\""));
        assertEquals("'=cmd()", SampleCsv.cell("=cmd()"));
        // OWASP: a leading TAB or CR is a formula start too (some importers strip it and run what follows)
        assertEquals("'\t=1+1", SampleCsv.cell("\t=1+1"));
        assertEquals("\"'\r=1+1\"", SampleCsv.cell("\r=1+1"));
        assertEquals("'@SUM(A1)", SampleCsv.cell("@SUM(A1)"));
        assertEquals("-1.5", SampleCsv.cell(-1.5));
    }

    @Test
    void sizesOutOfRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RandomSample.Spec(0, 1, 0));
        assertNotEquals(null, new RandomSample.Spec(100, 1, 0));
    }

    @Test
    void aBinsSampleIsTheSeededOrderRestrictedToTheBin() {
        // diff = i/1000 for all but two pairs: the bin [0.2, 0.3) holds r-0200..r-0299
        PairFilter bin = PairFilter.bin(PairFilter.Measure.DIFFERENCE, 0.2, 0.3, false);
        List<SamplePair> within = ws.read(c ->
                RandomSample.draw(c, PairIndex.open(c, cmp, ProgressSink.NONE), new RandomSample.Spec(20, 7, 0), bin));
        assertEquals(20, within.size());
        for (SamplePair p : within) assertTrue(p.difference() >= 0.2 && p.difference() < 0.3, p.toString());
        // the same seed's order: the whole population's first pairs that fall in the bin
        List<String> all = draw(1000, 7, 0).stream()
                .filter(p -> p.difference() >= 0.2 && p.difference() < 0.3)
                .map(SamplePair::requestId)
                .limit(20)
                .toList();
        assertEquals(all, within.stream().map(SamplePair::requestId).toList());
        // overflow and one pair
        List<SamplePair> above = ws.read(c -> RandomSample.draw(
                c,
                PairIndex.open(c, cmp, ProgressSink.NONE),
                new RandomSample.Spec(20, 7, 0),
                PairFilter.overflow(PairFilter.Measure.DIFFERENCE, 1.0, false)));
        assertEquals(
                List.of("r-0500"), above.stream().map(SamplePair::requestId).toList());
        List<SamplePair> one = ws.read(c -> RandomSample.draw(
                c,
                PairIndex.open(c, cmp, ProgressSink.NONE),
                new RandomSample.Spec(20, 7, 0),
                PairFilter.pair("r-0700")));
        assertEquals(-80.0, one.get(0).difference(), 1e-9);
    }
}
