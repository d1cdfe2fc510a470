package dev.shadowbench.core.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Workspace;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each side's label error per segment and per day (MAE for a regression, 1 - accuracy for a classification), on the
 * same labelled pairs as the overall label figures; the numbers worked out by hand in the comments.
 */
class SegmentLabelErrorTest {
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

    private Summary run() throws Exception {
        return SummaryService.compute(c, Fixtures.liveVsShadow(), SummaryOptions.DEFAULT, ProgressSink.NONE);
    }

    private static Map<String, Summary.Group> byKey(List<Summary.Group> groups) {
        return groups.stream().collect(Collectors.toMap(Summary.Group::key, Function.identity()));
    }

    @Test
    void regressionMaePerSegmentAndDay() throws Exception {
        String d20 = "TIMESTAMP '2026-11-20 10:00:00'", d21 = "TIMESTAMP '2026-11-21 10:00:00'";
        Fixtures.exec(
                c,
                COLS
                        + "(1, 'a', " + d20 + ", 'live', 10, NULL, NULL, 5, 'web', NULL, 1),"
                        + "(1, 'b', " + d20 + ", 'live', 20, NULL, NULL, 5, 'web', NULL, 2),"
                        + "(1, 'c', " + d21 + ", 'live', 30, NULL, NULL, 5, 'ios', NULL, 3),"
                        + "(1, 'd', " + d21 + ", 'live', 40, NULL, NULL, 5, 'ios', NULL, 4),"
                        + "(1, 'e', " + d20 + ", 'live', 50, NULL, NULL, 5, 'ios', NULL, 5),"
                        + "(1, 'f', " + d21 + ", 'live', 5, NULL, NULL, 5, 'web', NULL, 6),"
                        + "(2, 'a', " + d20 + ", 'shadow', 12, NULL, NULL, 6, 'web', NULL, 1),"
                        + "(2, 'b', " + d20 + ", 'shadow', 17, NULL, NULL, 6, 'web', NULL, 2),"
                        + "(2, 'c', " + d21 + ", 'shadow', NULL, NULL, NULL, 6, 'ios', NULL, 3),"
                        + "(2, 'd', " + d21 + ", 'shadow', 44, NULL, NULL, 6, 'ios', NULL, 4),"
                        + "(2, 'e', " + d20 + ", 'shadow', 50, NULL, NULL, 6, 'ios', NULL, 5),"
                        + "(2, 'f', " + d21 + ", 'shadow', 5, NULL, NULL, 6, 'web', NULL, 6)",
                "INSERT INTO labels VALUES (3, 'a', 11, NULL, NULL), (3, 'b', 21, NULL, NULL), (3, 'c', 30, NULL, NULL),"
                        + " (3, 'd', 40, NULL, NULL), (3, 'f', 8, NULL, NULL)");
        Summary s = run();
        // |b - label|, |c - label|: a 1, 1; b 1, 4; c left out (no candidate prediction); d 0, 4; e no label; f 3, 3
        Map<String, Summary.Group> seg = byKey(s.breakdowns().bySegment());
        assertEquals(5.0 / 3, seg.get("web").baselineLabelError(), 1e-12); // a, b, f
        assertEquals(8.0 / 3, seg.get("web").candidateLabelError(), 1e-12);
        assertEquals(0.0, seg.get("ios").baselineLabelError(), 1e-12); // d only
        assertEquals(4.0, seg.get("ios").candidateLabelError(), 1e-12);
        Map<String, Summary.Group> day = byKey(s.breakdowns().byDay());
        assertEquals(1.0, day.get("2026-11-20").baselineLabelError(), 1e-12); // a, b
        assertEquals(2.5, day.get("2026-11-20").candidateLabelError(), 1e-12);
        assertEquals(1.5, day.get("2026-11-21").baselineLabelError(), 1e-12); // d, f
        assertEquals(3.5, day.get("2026-11-21").candidateLabelError(), 1e-12);
        // the other figures are unchanged, and no flag count before the outlier rules ran
        assertEquals(3, seg.get("web").paired());
        assertNull(seg.get("web").flaggedShare());
    }

    @Test
    void classificationErrorRatePerSegmentAndNoneWithoutLabels() throws Exception {
        Fixtures.exec(
                c,
                COLS
                        + "(1, 'a', NULL, 'live', 0.9, '1', NULL, NULL, 'web', NULL, 1),"
                        + "(1, 'b', NULL, 'live', 0.2, '0', NULL, NULL, 'web', NULL, 2),"
                        + "(1, 'c', NULL, 'live', 0.7, '1', NULL, NULL, 'ios', NULL, 3),"
                        + "(1, 'd', NULL, 'live', 0.1, '0', NULL, NULL, 'ios', NULL, 4),"
                        + "(1, 'e', NULL, 'live', 0.1, '0', NULL, NULL, 'tv', NULL, 5),"
                        + "(2, 'a', NULL, 'shadow', 0.8, '1', NULL, NULL, 'web', NULL, 1),"
                        + "(2, 'b', NULL, 'shadow', 0.6, '1', NULL, NULL, 'web', NULL, 2),"
                        + "(2, 'c', NULL, 'shadow', 0.4, '0', NULL, NULL, 'ios', NULL, 3),"
                        + "(2, 'd', NULL, 'shadow', 0.3, '0', NULL, NULL, 'ios', NULL, 4),"
                        + "(2, 'e', NULL, 'shadow', 0.3, '0', NULL, NULL, 'tv', NULL, 5)",
                "INSERT INTO labels VALUES (3, 'a', 1, NULL, NULL), (3, 'b', 0, NULL, NULL), (3, 'c', 0, NULL, NULL), (3, 'd', 0, NULL, NULL)");
        Map<String, Summary.Group> seg = byKey(run().breakdowns().bySegment());
        // truth 1,0 | 0,0; baseline 1,0 | 1,0; candidate 1,1 | 0,0
        assertEquals(0.0, seg.get("web").baselineLabelError(), 1e-12);
        assertEquals(0.5, seg.get("web").candidateLabelError(), 1e-12);
        assertEquals(0.5, seg.get("ios").baselineLabelError(), 1e-12);
        assertEquals(0.0, seg.get("ios").candidateLabelError(), 1e-12);
        // 'e' has no label: its segment has no label error
        assertNull(seg.get("tv").baselineLabelError());
        assertNull(seg.get("tv").candidateLabelError());
    }
}
