package dev.shadowbench.core.compare;

import static dev.shadowbench.core.compare.DistributionsTest.assertRel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Workspace;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Top-k item shares of a ranking canary ({@link ArmFigures}) against numpy 2.4.6: the rankings and the figures come
 * from {@code src/test/resources/dev/shadowbench/core/compare/topk_fixtures.py} (run in that folder:
 * {@code python3 topk_fixtures.py > topk_expected.txt}), with k = 3; live has 120 requests, 3 without a ranking, the
 * canary 45; a ranking may repeat an item.
 */
class TopItemSharesTest {
    static final double REL = 1e-12;

    /** topk_expected.txt: the 10 items most often in a top 3, both arms pooled, ties by item name. */
    static final List<String> ITEMS = List.of("i04", "i01", "i06", "i02", "i03", "i07", "i05", "i08", "i11", "i12");

    static final double[] LIVE = {
        0.37606837606837606, 0.4017094017094017, 0.20512820512820512, 0.23931623931623933, 0.2564102564102564,
        0.19658119658119658, 0.17094017094017094, 0.13675213675213677, 0.15384615384615385, 0.1794871794871795
    };
    static final double[] CANARY = {
        0.37777777777777777, 0.044444444444444446, 0.28888888888888886, 0.08888888888888889, 0.044444444444444446,
        0.2, 0.24444444444444444, 0.28888888888888886, 0.2222222222222222, 0.13333333333333333
    };

    @Test
    void topKItemSharesMatchNumpy() throws Exception {
        Path csv = Path.of(TopItemSharesTest.class
                .getResource("/dev/shadowbench/core/compare/topk_rankings.csv")
                .toURI());
        try (Workspace ws = Workspace.inMemory();
                Connection c = ws.connect()) {
            try (var ps = c.prepareStatement(
                    "INSERT INTO predictions(import_id, request_id, ts, model, version, variant, ranking, source_line) "
                            + "SELECT 1, request_id, TIMESTAMP '2026-11-20 00:00:00' + to_seconds(row_number() OVER ()),"
                            + " 'rec', CASE arm WHEN 'live' THEN '1' ELSE '2' END, arm,"
                            + " CASE WHEN ranking IS NULL OR ranking = '' THEN NULL ELSE string_split(ranking, '|') END,"
                            + " row_number() OVER () FROM read_csv(?, header = true, all_varchar = true)")) {
                ps.setString(1, csv.toString());
                ps.execute();
            }
            Summary s = SummaryService.compute(
                    c,
                    new Comparison(Side.variant("live"), Side.variant("canary"), null, null),
                    new SummaryOptions(100.0, 20, 3, null),
                    ProgressSink.NONE);
            assertTrue(s.canary(), "no pairs, variant canary");
            Arms.ItemShift top = s.arms().topItems();
            assertNotNull(top, "a ranking canary has item shares");
            assertEquals(3, top.topK());
            assertEquals(117, top.baselineN(), "requests with a ranking");
            assertEquals(45, top.candidateN());
            assertEquals(ITEMS, top.items().stream().map(Arms.ItemShare::item).toList());
            for (int i = 0; i < ITEMS.size(); i++) {
                assertRel(LIVE[i], top.items().get(i).baselineShare(), REL, ITEMS.get(i) + " live");
                assertRel(CANARY[i], top.items().get(i).candidateShare(), REL, ITEMS.get(i) + " canary");
            }
            assertRel(0.3572649572649573, top.maxShareDifference(), REL, "largest share difference");
        }
    }
}
