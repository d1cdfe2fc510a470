package dev.shadowbench.core.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shadowbench.core.json.Json;
import dev.shadowbench.core.task.CancelledException;
import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Workspace;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pairing edge cases and figures that cannot be computed: null with a reason, never an exception. */
class SummaryEdgeCasesTest {
    private Workspace ws;
    private Connection c;

    @BeforeEach
    void open() throws Exception {
        ws = Workspace.inMemory();
        c = ws.connect();
    }

    @AfterEach
    void close() throws Exception {
        c.close();
        ws.close();
    }

    private static final String COLS = Fixtures.PREDICTION_ROWS;

    private Summary run(Comparison cmp) throws Exception {
        return SummaryService.compute(c, cmp, SummaryOptions.DEFAULT, ProgressSink.NONE);
    }

    @Test
    void duplicatesCountOnceAndTheEarliestRecordIsPaired() throws Exception {
        Fixtures.exec(
                c,
                COLS
                        + "(1, 'a', TIMESTAMP '2026-11-20 10:00:00', 'live', 10, NULL, NULL, 5, 'web', NULL, 1),"
                        + "(1, 'a', TIMESTAMP '2026-11-20 10:00:05', 'live', 99, NULL, NULL, 5, 'web', NULL, 2),"
                        + "(1, 'b', TIMESTAMP '2026-11-20 11:00:00', 'live', 20, NULL, NULL, 5, 'web', NULL, 3),"
                        + "(1, 'c', TIMESTAMP '2026-11-20 12:00:00', 'live', 30, NULL, NULL, 5, 'web', NULL, 4),"
                        + "(2, 'a', TIMESTAMP '2026-11-20 10:00:01', 'shadow', 11, NULL, NULL, 6, 'web', NULL, 1),"
                        + "(2, 'b', TIMESTAMP '2026-11-20 11:00:01', 'shadow', 22, NULL, NULL, 6, 'web', NULL, 2),"
                        + "(2, 'b', TIMESTAMP '2026-11-20 11:00:01', 'shadow', 77, NULL, NULL, 6, 'web', NULL, 3),"
                        + "(2, 'b', TIMESTAMP '2026-11-20 11:00:02', 'shadow', 88, NULL, NULL, 6, 'web', NULL, 4),"
                        + "(2, 'd', TIMESTAMP '2026-11-20 13:00:00', 'shadow', 40, NULL, NULL, 6, 'web', NULL, 5)");
        Summary s = run(Fixtures.liveVsShadow());
        var k = s.counts();
        assertEquals(4, k.baselineRows());
        assertEquals(5, k.candidateRows());
        assertEquals(2, k.paired()); // a, b
        assertEquals(1, k.baselineOnly()); // c
        assertEquals(1, k.candidateOnly()); // d
        assertEquals(3, k.duplicateRows()); // one extra 'a' live, two extra 'b' shadow
        // earliest records: a 10 vs 11, b 20 vs 22 (same ts: the lower source line wins) -> |d| = 1, 2
        assertEquals(1.5, s.divergence().meanAbs(), 1e-12);
        assertEquals(2.0, s.divergence().maxAbs(), 1e-12);
        assertEquals(
                2,
                s.divergence().histogram().counts().stream()
                        .mapToLong(Long::longValue)
                        .sum());
        assertEquals(
                List.of(new Summary.TrafficDay(LocalDate.of(2026, 11, 20), 4, 4, 5, 5.0 / 9, null)),
                s.traffic().byDay());
    }

    @Test
    void oneSideEmptyGivesNullsWithReasons() throws Exception {
        Fixtures.exec(c, COLS + "(1, 'a', TIMESTAMP '2026-11-20 10:00:00', 'live', 10, NULL, NULL, 5, 'web', NULL, 1)");
        Summary s = run(new Comparison(Side.variant("live"), Side.variant("canary"), null, null));
        assertEquals(1, s.counts().baselineRows());
        assertEquals(0, s.counts().candidateRows());
        assertEquals(1, s.counts().baselineOnly());
        assertNull(s.divergence());
        assertNull(s.latencyMs().candidate());
        assertNotNull(s.latencyMs().baseline());
        assertNull(s.tests().predictionKs());
        assertNull(s.tests().latencyMannWhitney());
        assertNull(s.tests().predictionPsi());
        assertTrue(s.unavailable().containsKey("candidate"));
        assertTrue(s.unavailable().containsKey("divergence"));
        assertTrue(s.unavailable().get("latency_ms.candidate").contains("not recorded"));
        assertTrue(s.findings().isEmpty());
        assertTrue(Json.write(s).contains("\"divergence\" : null"));
    }

    @Test
    void emptyWindowIsAllZerosNotAnError() throws Exception {
        Fixtures.regression(c, 20, 20);
        Summary s = run(Fixtures.liveVsShadow().withWindow(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 2)));
        assertEquals(new Summary.Counts(0, 0, 0, 0, 0, 0, 0), s.counts());
        assertNull(s.divergence());
        assertNull(s.latencyMs().baseline());
        assertEquals(0, s.labels().labelledPairs());
        assertTrue(s.traffic().byDay().isEmpty());
        assertTrue(s.breakdowns().bySegment().isEmpty());
        assertNull(s.feedback().baseline());
    }

    @Test
    void windowSelectsDaysInclusively() throws Exception {
        Fixtures.exec(
                c,
                COLS
                        + "(1, 'a', TIMESTAMP '2026-11-19 23:59:59', 'live', 1, NULL, NULL, NULL, NULL, NULL, 1),"
                        + "(1, 'b', TIMESTAMP '2026-11-20 00:00:00', 'live', 1, NULL, NULL, NULL, NULL, NULL, 2),"
                        + "(1, 'c', TIMESTAMP '2026-11-21 23:59:59', 'live', 1, NULL, NULL, NULL, NULL, NULL, 3),"
                        + "(1, 'd', TIMESTAMP '2026-11-22 00:00:00', 'live', 1, NULL, NULL, NULL, NULL, NULL, 4),"
                        + "(2, 'b', TIMESTAMP '2026-11-20 00:00:00', 'shadow', 3, NULL, NULL, NULL, NULL, NULL, 1)");
        Summary s = run(Fixtures.liveVsShadow().withWindow(LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 21)));
        assertEquals(2, s.counts().baselineRows());
        assertEquals(1, s.counts().paired());
        // no latency at all: nulls with reasons, no test, no finding
        assertNull(s.latencyMs().baseline());
        assertNull(s.tests().latencyMannWhitney());
        assertTrue(s.unavailable().containsKey("tests.latency_mann_whitney"));
        assertEquals(2, s.traffic().byDay().size());
    }

    @Test
    void regressionLabelsOnTheSameLabelledPairs() throws Exception {
        Fixtures.exec(
                c,
                COLS
                        + "(1, 'a', NULL, 'live', 10, NULL, NULL, NULL, NULL, NULL, 1),"
                        + "(1, 'b', NULL, 'live', 20, NULL, NULL, NULL, NULL, NULL, 2),"
                        + "(1, 'c', NULL, 'live', 30, NULL, NULL, NULL, NULL, NULL, 3),"
                        + "(2, 'a', NULL, 'shadow', 12, NULL, NULL, NULL, NULL, NULL, 1),"
                        + "(2, 'b', NULL, 'shadow', 17, NULL, NULL, NULL, NULL, NULL, 2),"
                        + "(2, 'c', NULL, 'shadow', NULL, NULL, NULL, NULL, NULL, NULL, 3)",
                "INSERT INTO labels VALUES (3, 'a', 11, NULL, NULL), (3, 'b', 21, NULL, NULL), (3, 'c', 30, NULL, NULL)");
        Summary s = run(Fixtures.liveVsShadow());
        // 'c' has no candidate prediction: left out for both sides
        assertEquals(2, s.labels().labelledPairs());
        assertEquals(1.0, s.labels().baseline().mae(), 1e-12);
        assertEquals(1.0, s.labels().baseline().rmse(), 1e-12);
        assertEquals(2.5, s.labels().candidate().mae(), 1e-12);
        assertEquals(Math.sqrt((1 + 16) / 2.0), s.labels().candidate().rmse(), 1e-12);
        assertNull(s.labels().baseline().accuracy());
        assertEquals(1, s.divergence().pairsWithoutValue());
        assertEquals(2, s.divergence().pairsWithValue());
    }

    @Test
    void classificationDisagreementCrossTableAndLabelFigures() throws Exception {
        Fixtures.exec(
                c,
                COLS
                        + "(1, 'a', NULL, 'live', 0.9, '1', NULL, NULL, NULL, 'slow', 1),"
                        + "(1, 'b', NULL, 'live', 0.2, '0', NULL, NULL, NULL, NULL, 2),"
                        + "(1, 'c', NULL, 'live', 0.7, '1', NULL, NULL, NULL, NULL, 3),"
                        + "(1, 'd', NULL, 'live', 0.1, '0', NULL, NULL, NULL, NULL, 4),"
                        + "(2, 'a', NULL, 'shadow', 0.8, '1', NULL, NULL, NULL, NULL, 1),"
                        + "(2, 'b', NULL, 'shadow', 0.6, '1', NULL, NULL, NULL, NULL, 2),"
                        + "(2, 'c', NULL, 'shadow', 0.4, '0', NULL, NULL, NULL, NULL, 3),"
                        + "(2, 'd', NULL, 'shadow', 0.3, '0', NULL, NULL, NULL, NULL, 4)",
                "INSERT INTO labels VALUES (3, 'a', 1, NULL, NULL), (3, 'b', 0, NULL, NULL), (3, 'c', 0, NULL, NULL), (3, 'd', 0, NULL, NULL)");
        Summary s = run(Fixtures.liveVsShadow());
        var d = s.divergence();
        assertEquals("classification", d.kind());
        assertEquals(0.5, d.disagreementRate(), 1e-12);
        assertEquals(
                List.of(
                        new Summary.CrossCell("0", "0", 1),
                        new Summary.CrossCell("0", "1", 1),
                        new Summary.CrossCell("1", "0", 1),
                        new Summary.CrossCell("1", "1", 1)),
                d.crossTable());
        assertEquals((0.1 + 0.4 + 0.3 + 0.2) / 4, d.meanAbs(), 1e-12);
        var l = s.labels();
        assertEquals("1", l.positiveClass());
        assertEquals(4, l.labelledPairs());
        // baseline: predicts 1,0,1,0 vs truth 1,0,0,0 -> accuracy 3/4, precision 1/2, recall 1
        assertEquals(0.75, l.baseline().accuracy(), 1e-12);
        assertEquals(0.5, l.baseline().precision(), 1e-12);
        assertEquals(1.0, l.baseline().recall(), 1e-12);
        // python3 -c "from sklearn... " not installed; by hand: -mean(log .9, log .8, log .3, log .9)
        assertEquals(
                -(Math.log(0.9) + Math.log(0.8) + Math.log(0.3) + Math.log(0.9)) / 4,
                l.baseline().logLoss(),
                1e-12);
        // candidate: 1,1,0,0 vs 1,0,0,0 -> accuracy 3/4, precision 1/2, recall 1
        assertEquals(0.75, l.candidate().accuracy(), 1e-12);
        assertEquals(0.5, l.candidate().precision(), 1e-12);
        assertEquals(1.0, l.candidate().recall(), 1e-12);
        // by hand: -mean(log .8, log(1 - .6), log(1 - .4), log(1 - .3))
        assertEquals(
                -(Math.log(0.8) + Math.log(0.4) + Math.log(0.6) + Math.log(0.7)) / 4,
                l.candidate().logLoss(),
                1e-12);
        assertEquals(0.25, s.feedback().baseline().complaintRate(), 1e-12);
        assertEquals(0.0, s.feedback().candidate().complaintRate(), 1e-12);
    }

    @Test
    void rankingTopKOverlap() throws Exception {
        Fixtures.exec(
                c,
                COLS
                        + "(1, 'a', NULL, 'live', NULL, NULL, ['x', 'y', 'z'], NULL, NULL, NULL, 1),"
                        + "(1, 'b', NULL, 'live', NULL, NULL, ['p', 'q'], NULL, NULL, NULL, 2),"
                        + "(2, 'a', NULL, 'shadow', NULL, NULL, ['y', 'x', 'w'], NULL, NULL, NULL, 1),"
                        + "(2, 'b', NULL, 'shadow', NULL, NULL, ['r', 's'], NULL, NULL, NULL, 2)");
        Summary s = run(Fixtures.liveVsShadow());
        var d = s.divergence();
        assertEquals("ranking", d.kind());
        assertEquals(10, d.topK());
        // a: overlap 2 of 3 items, b: 0 of 2 -> divergence 1/3 and 1
        assertEquals((2.0 / 3 + 0.0) / 2, d.meanTopKOverlap(), 1e-12);
        assertEquals(1.0, d.maxAbs(), 1e-12);
        assertNull(s.tests().predictionKs());
        assertTrue(s.unavailable().get("labels").contains("ranking"));
    }

    @Test
    void breakdownsBySegmentAndDay() throws Exception {
        Fixtures.regression(c, 50, 50);
        Summary s = run(Fixtures.liveVsShadow());
        assertEquals(
                List.of("ios", "web"),
                s.breakdowns().bySegment().stream().map(Summary.Group::key).toList());
        assertEquals(
                50,
                s.breakdowns().bySegment().stream()
                        .mapToLong(Summary.Group::paired)
                        .sum());
        assertEquals(
                List.of("2026-11-20"),
                s.breakdowns().byDay().stream().map(Summary.Group::key).toList());
        assertEquals(s.divergence().meanAbs(), s.breakdowns().byDay().get(0).meanAbs(), 1e-9);
    }

    @Test
    void nonFiniteNumbersCountAsMissing() throws Exception {
        Fixtures.exec(
                c,
                COLS
                        + "(1, 'a', NULL, 'live', 'NaN'::DOUBLE, NULL, NULL, 'inf'::DOUBLE, NULL, NULL, 1),"
                        + "(1, 'b', NULL, 'live', 2, NULL, NULL, 4, NULL, NULL, 2),"
                        + "(2, 'a', NULL, 'shadow', 1, NULL, NULL, 3, NULL, NULL, 1),"
                        + "(2, 'b', NULL, 'shadow', 5, NULL, NULL, 'NaN'::DOUBLE, NULL, NULL, 2)");
        Summary s = run(Fixtures.liveVsShadow());
        assertEquals(1, s.divergence().pairsWithValue());
        assertEquals(3.0, s.divergence().meanAbs(), 1e-12);
        assertEquals(1, s.latencyMs().baseline().n());
        assertEquals(4.0, s.latencyMs().baseline().max(), 1e-12);
        assertTrue(!Json.write(s).contains("NaN"));
    }

    @Test
    void cancelStopsTheComputation() throws Exception {
        Fixtures.regression(c, 50, 50);
        ProgressSink cancelled = new ProgressSink() {
            @Override
            public void progress(long done, long total, String message) {}

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThrows(
                CancelledException.class,
                () -> SummaryService.compute(c, Fixtures.liveVsShadow(), SummaryOptions.DEFAULT, cancelled));
    }
}
