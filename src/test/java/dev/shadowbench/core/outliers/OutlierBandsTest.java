package dev.shadowbench.core.outliers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shadowbench.core.db.Db;
import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Workspace;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The robust figures per band of baseline values (issue 16, {@link Bands}): where two models honestly differ by more,
 * or differently, for one range of baseline values, those pairs are scored against their own band, so a whole band of
 * honest answers is not flagged, while a broken answer in any band still is; few pairs fall back to one band.
 */
class OutlierBandsTest {
    private Workspace ws;
    private Connection c;

    @BeforeEach
    void open() throws SQLException {
        ws = Workspace.inMemory();
        c = ws.connect();
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
        ws.close();
    }

    /**
     * {@code rows} pairs i = 0.., baseline 1 + i, candidate baseline x exp(e + shift) with e in [-0.05, 0.05] (a
     * pseudo-random spread) and shift 2 in the top quarter of the baseline's values (from i = 1500: the candidate there
     * honestly answers 7.4x the baseline); pairs 100 and 1700 (if present) are broken: multiplied by 8 on top.
     */
    private void pairs(int rows) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE OR REPLACE TEMP TABLE pairs AS SELECT 'r' || i AS request_id, NULL::TIMESTAMP AS ts, "
                    + "DATE '2026-11-20' AS day, NULL::VARCHAR AS segment, 1.0 + i AS b_prediction, "
                    + "(1.0 + i) * exp(((i * 37) % 101 - 50) / 1000.0 + CASE WHEN i >= 1500 THEN 2.0 ELSE 0 END) "
                    + "* CASE WHEN i IN (100, 1700) THEN 8 ELSE 1 END AS c_prediction, "
                    + "NULL::VARCHAR AS b_class, NULL::VARCHAR AS c_class, NULL::VARCHAR[] AS b_ranking, "
                    + "NULL::VARCHAR[] AS c_ranking, NULL::DOUBLE AS b_latency, NULL::DOUBLE AS c_latency, "
                    + "NULL::VARCHAR AS b_feedback, NULL::VARCHAR AS c_feedback, NULL::DOUBLE AS label, "
                    + "NULL::VARCHAR AS label_class FROM range(" + rows + ") t(i)");
        }
    }

    private Set<String> divergent(String... assignments) throws SQLException {
        OutlierReport r = OutlierDetector.detect(
                c, OutlierFastPathTest.TEMP_PAIRS, OutlierSettings.parse(List.of(assignments)), ProgressSink.NONE);
        return r.flagged().stream()
                .filter(o -> o.rule().equals("divergence"))
                .map(Outlier::requestId)
                .collect(Collectors.toSet());
    }

    private PairStats stats(String... assignments) throws SQLException {
        return PairScan.run(new Db(c, ProgressSink.NONE), "pairs", OutlierSettings.parse(List.of(assignments)))
                .stats();
    }

    @Test
    void aBandOfHonestlyDifferentAnswersIsScoredOnItsOwnAndBrokenAnswersStillFlag() throws SQLException {
        pairs(2000);
        // one band: the top quarter's honest 7.4x lies ~40 robust SDs from the typical ratio, all 500 flagged
        Set<String> global = divergent("divergence.bands=1");
        assertTrue(global.size() >= 500, "one band flags the honest top quarter: " + global.size());
        // 2,000 pairs give 4 bands of 500 (Bands.MIN_BAND), the top quarter its own: only the two broken answers
        assertEquals(4, stats().diffBands().count());
        assertEquals(Set.of("r100", "r1700"), divergent());
        // the reason names the band and its typical ratio
        OutlierReport r = OutlierDetector.detect(
                c, OutlierFastPathTest.TEMP_PAIRS, OutlierSettings.defaults(), ProgressSink.NONE);
        String reason = r.flagged().stream()
                .filter(o -> o.requestId().equals("r1700") && o.rule().equals("divergence"))
                .findFirst()
                .orElseThrow()
                .detail();
        assertTrue(
                reason.contains("where the baseline is above 1,500") && reason.contains("typical ratio is 7.39x"),
                reason);
    }

    @Test
    void fewPairsFallBackToOneBand() throws SQLException {
        assertEquals(1, Bands.count(20, 10));
        assertEquals(1, Bands.count(999, 10), "two bands need 2 x 500 baselines");
        assertEquals(9, Bands.count(4500, 10), "the sample workspace's ~4,500 pairs");
        assertEquals(10, Bands.count(1_000_000, 10));
        for (int rows : new int[] {20, 900}) {
            pairs(rows);
            PairStats st = stats();
            assertEquals(Bands.single(st.diff()), st.diffBands(), rows + " pairs");
            assertEquals(Bands.single(st.value()), st.valueBands(), rows + " pairs");
            assertEquals(divergent("divergence.bands=1", "extreme.bands=1"), divergent(), rows + " pairs");
        }
        assertEquals(Set.of("r100"), divergent(), "900 pairs: the broken answer");
    }
}
