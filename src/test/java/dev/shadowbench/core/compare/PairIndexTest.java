package dev.shadowbench.core.compare;

import static dev.shadowbench.core.compare.DistributionsTest.assertRel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shadowbench.core.db.Db;
import dev.shadowbench.core.json.Json;
import dev.shadowbench.core.task.CancelledException;
import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Workspace;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stored pairing: figures read from it match numpy and the direct computation; reuse, staleness, eviction, cancel. */
class PairIndexTest {
    @TempDir
    Path dir;

    /*
     * Breakdowns and relative divergence come from the index's per-group running counts. numpy 2.4.6 on the
     * Fixtures.regression(12000, 11000) pairs (m = 11000, i = 0..m-1; segment ios = odd i, web = even i):
     *   d = np.abs(c - b); per segment: d.mean(), np.percentile(d, 95), np.percentile(bl, 95), np.percentile(cl, 95)
     *   ios 36.035222828282826 83.70050000000002 51.0 53.5 ; web 36.076551515151515 83.8447777777778 51.0 53.5
     *   nz = b != 0; r = d[nz] / np.abs(b[nz]); r.mean() 4.94077352122606, np.percentile(r, [50, 95])
     *   0.6304934123115049 10.78920795577444
     */
    @Test
    void breakdownsAndRelativeDivergenceMatchNumpy() throws Exception {
        try (Workspace ws = Workspace.inMemory();
                Connection c = ws.connect()) {
            Fixtures.regression(c, 12000, 11000);
            Summary s = SummaryService.compute(c, Fixtures.liveVsShadow(), SummaryOptions.DEFAULT, ProgressSink.NONE);
            List<Summary.Group> seg = s.breakdowns().bySegment();
            assertEquals(
                    List.of("ios", "web"), seg.stream().map(Summary.Group::key).toList());
            Summary.Group ios = seg.get(0), web = seg.get(1);
            assertEquals(5500, ios.paired());
            assertRel(36.035222828282826, ios.meanAbs(), 1e-9, "ios mean");
            assertRel(83.70050000000002, ios.p95Abs(), 1e-9, "ios p95");
            assertRel(36.076551515151515, web.meanAbs(), 1e-9, "web mean");
            assertRel(83.8447777777778, web.p95Abs(), 1e-9, "web p95");
            assertRel(51.0, web.baselineLatencyP95(), 1e-9, "web b95");
            assertRel(53.5, web.candidateLatencyP95(), 1e-9, "web c95");
            Summary.Group day = s.breakdowns().byDay().get(0);
            assertRel(83.7968333333333, day.p95Abs(), 1e-9, "day p95");
            assertRel(4.94077352122606, s.divergence().meanRelative(), 1e-9, "rel mean");
            assertRel(0.6304934123115049, s.divergence().medianRelative(), 1e-9, "rel median");
            assertRel(10.78920795577444, s.divergence().p95Relative(), 1e-9, "rel p95");
        }
    }

    /** Groups with no latency, a NULL segment and uneven sizes: the index's figures equal DuckDB's own quantile_cont, bit for bit. */
    @Test
    void breakdownsFromTheIndexEqualTheDirectComputation() throws Exception {
        try (Workspace ws = Workspace.inMemory();
                Connection c = ws.connect()) {
            Fixtures.regression(c, 3000, 2900);
            Fixtures.exec(
                    c,
                    "UPDATE predictions SET segment = NULL WHERE source_line % 7 = 0",
                    "UPDATE predictions SET segment = 'partner' WHERE source_line % 11 = 0",
                    "UPDATE predictions SET latency_ms = NULL WHERE segment = 'partner' AND variant = 'shadow'",
                    "UPDATE predictions SET ts = ts + INTERVAL 1 DAY WHERE source_line % 3 = 0");
            Summary s = SummaryService.compute(c, Fixtures.liveVsShadow(), SummaryOptions.DEFAULT, ProgressSink.NONE);
            PairedComparison pc = PairIndex.open(c, Fixtures.liveVsShadow(), ProgressSink.NONE);
            Db q = new Db(c, ProgressSink.NONE);
            for (String key : List.of("segment", "day")) {
                List<Summary.Group> direct = DivergenceFigures.breakdownOnPairs(
                        q, pc, DivergenceFigures.Kind.REGRESSION, SummaryOptions.DEFAULT, key);
                List<Summary.Group> indexed = key.equals("segment")
                        ? s.breakdowns().bySegment()
                        : s.breakdowns().byDay();
                assertEquals(direct.size(), indexed.size(), key);
                for (int i = 0; i < direct.size(); i++) {
                    Summary.Group a = direct.get(i), b = indexed.get(i);
                    assertEquals(a.key(), b.key());
                    assertEquals(a.paired(), b.paired());
                    assertRel(a.meanAbs(), b.meanAbs(), 1e-12, key + " mean " + a.key());
                    // percentiles to the last bit (quantile_cont's own arithmetic); means to rounding (another
                    // summation order)
                    assertEquals(a.p95Abs(), b.p95Abs(), key + " p95 " + a.key());
                    assertEquals(a.baselineLatencyP95(), b.baselineLatencyP95(), key + " b95 " + a.key());
                    assertEquals(a.candidateLatencyP95(), b.candidateLatencyP95(), key + " c95 " + a.key());
                    assertEquals(a.baselineLatencyP99(), b.baselineLatencyP99(), key + " b99 " + a.key());
                    assertEquals(a.candidateLatencyP99(), b.candidateLatencyP99(), key + " c99 " + a.key());
                    if (a.baselineLatencyP95() != null) assertNotNull(b.baselineLatencyP99(), key + " b99 " + a.key());
                }
            }
            assertEquals(4, s.breakdowns().bySegment().size(), "ios, partner, web and no segment");
            assertNull(s.breakdowns().bySegment().get(1).candidateLatencyP95(), "partner has no candidate latency");
            Summary.Divergence direct =
                    DivergenceFigures.computeOnPairs(q, pc, DivergenceFigures.Kind.REGRESSION, SummaryOptions.DEFAULT);
            assertEquals(direct.p95Abs(), s.divergence().p95Abs(), "p95");
            assertEquals(direct.medianAbs(), s.divergence().medianAbs(), "median");
            assertEquals(direct.medianRelative(), s.divergence().medianRelative(), "median rel");
            assertEquals(direct.p95Relative(), s.divergence().p95Relative(), "p95 rel");
            assertEquals(direct.histogram(), s.divergence().histogram());
        }
    }

    @Test
    void classificationBreakdownsFromTheIndexEqualTheDirectComputation() throws Exception {
        try (Workspace ws = Workspace.inMemory();
                Connection c = ws.connect()) {
            Fixtures.regression(c, 2000, 1900);
            Fixtures.exec(
                    c,
                    "UPDATE predictions SET predicted_class = CASE WHEN prediction > 50 THEN 'yes' ELSE 'no' END",
                    "UPDATE predictions SET predicted_class = NULL WHERE source_line % 13 = 0 AND variant = 'shadow'",
                    "UPDATE predictions SET segment = NULL WHERE source_line % 5 = 0");
            Summary s = SummaryService.compute(c, Fixtures.liveVsShadow(), SummaryOptions.DEFAULT, ProgressSink.NONE);
            assertEquals("classification", s.divergence().kind());
            PairedComparison pc = PairIndex.open(c, Fixtures.liveVsShadow(), ProgressSink.NONE);
            Db q = new Db(c, ProgressSink.NONE);
            List<Summary.Group> direct = DivergenceFigures.breakdownOnPairs(
                    q, pc, DivergenceFigures.Kind.CLASSIFICATION, SummaryOptions.DEFAULT, "segment");
            assertEquals(3, direct.size());
            for (int i = 0; i < direct.size(); i++) {
                Summary.Group a = direct.get(i), b = s.breakdowns().bySegment().get(i);
                assertEquals(a.key(), b.key());
                assertEquals(a.paired(), b.paired());
                assertEquals(a.disagreementRate(), b.disagreementRate(), "disagreement " + a.key());
                assertEquals(a.p95Abs(), b.p95Abs(), "score p95 " + a.key());
            }
        }
    }

    @Test
    void theStoredPairingIsReusedAcrossConnectionsAndSessionsUntilAnImportAddsRows() throws Exception {
        Path file = dir.resolve("ws.duckdb");
        Summary first;
        try (Workspace ws = Workspace.open(file);
                Connection c = ws.connect()) {
            Fixtures.regression(c, 500, 400);
            first = SummaryService.compute(c, Fixtures.liveVsShadow(), SummaryOptions.DEFAULT, ProgressSink.NONE);
            assertEquals(1, PairIndex.entries(c));
        }
        try (Workspace ws = Workspace.open(file);
                Connection c = ws.connect()) {
            AtomicInteger steps = new AtomicInteger();
            ProgressSink counting = new ProgressSink() {
                @Override
                public void progress(long done, long total, String message) {
                    if (message.startsWith("Counting distinct")) steps.incrementAndGet();
                }

                @Override
                public boolean isCancelled() {
                    return false;
                }
            };
            Summary again = SummaryService.compute(c, Fixtures.liveVsShadow(), SummaryOptions.DEFAULT, counting);
            assertEquals(0, steps.get(), "a later session reuses the stored pairing");
            assertEquals(Json.write(first), Json.write(again));
            assertEquals(1, PairIndex.entries(c));

            // new rows (what an import does) make the entry stale: the next summary sees them
            Fixtures.exec(
                    c,
                    "INSERT INTO imports(import_id, kind, format, started_at) VALUES (3, 'predictions', 'jsonl', now())",
                    "INSERT INTO predictions(import_id, request_id, ts, model, version, variant, prediction, latency_ms, segment) "
                            + "SELECT 3, 'r' || i, TIMESTAMP '2026-11-21 00:00:00', 'gbr', '2.0.0', 'shadow', 1.0, 9.0, 'web' "
                            + "FROM range(400, 450) t(i)");
            Summary after = SummaryService.compute(c, Fixtures.liveVsShadow(), SummaryOptions.DEFAULT, counting);
            assertEquals(1, steps.get());
            assertEquals(450, after.counts().paired());
            assertEquals(1, PairIndex.entries(c), "the stale entry was dropped");
        }
    }

    @Test
    void atMostKeepEntriesAreKeptAndEachWindowHasItsOwn() throws Exception {
        try (Workspace ws = Workspace.inMemory();
                Connection c = ws.connect()) {
            Fixtures.regression(c, 200, 200);
            Fixtures.exec(c, "UPDATE predictions SET ts = ts + to_days(CAST(source_line % 6 AS INTEGER))");
            LocalDate d0 = LocalDate.of(2026, 11, 20);
            long all = SummaryService.compute(c, Fixtures.liveVsShadow(), SummaryOptions.DEFAULT, ProgressSink.NONE)
                    .counts()
                    .paired();
            assertEquals(200, all);
            for (int i = 0; i < PairIndex.KEEP + 1; i++) {
                Summary day = SummaryService.compute(
                        c,
                        Fixtures.liveVsShadow().withWindow(d0.plusDays(i), d0.plusDays(i)),
                        SummaryOptions.DEFAULT,
                        ProgressSink.NONE);
                assertEquals(i < 2 ? 34 : 33, day.counts().paired(), "day " + i);
            }
            assertEquals(PairIndex.KEEP, PairIndex.entries(c));
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery(
                            "SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'pair_index' AND table_name <> 'entries'")) {
                rs.next();
                assertEquals(
                        PairIndex.KEEP * PairIndex.TABLES_PER_ENTRY,
                        rs.getInt(1),
                        "the evicted entries' tables are dropped");
            }
        }
    }

    @Test
    void twoConnectionsAskingAtOnceBuildOnceAndAgree() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("two.duckdb"))) {
            try (Connection c = ws.connect()) {
                Fixtures.regression(c, 20000, 20000);
            }
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                java.util.concurrent.Callable<String> job = () -> {
                    try (Connection c = ws.connect()) {
                        return Json.write(SummaryService.compute(
                                c, Fixtures.liveVsShadow(), SummaryOptions.DEFAULT, ProgressSink.NONE));
                    }
                };
                var a = pool.submit(job);
                var b = pool.submit(job);
                assertEquals(a.get(), b.get());
            } finally {
                pool.shutdownNow();
            }
            try (Connection c = ws.connect()) {
                assertEquals(1, PairIndex.entries(c), "built once");
            }
        }
    }

    @Test
    void aCancelledBuildLeavesNothingBehind() throws Exception {
        try (Workspace ws = Workspace.inMemory();
                Connection c = ws.connect()) {
            Fixtures.regression(c, 300, 300);
            AtomicInteger calls = new AtomicInteger();
            ProgressSink cancelMidway = new ProgressSink() {
                @Override
                public void progress(long done, long total, String message) {}

                @Override
                public boolean isCancelled() {
                    return calls.incrementAndGet() > 6;
                }
            };
            assertThrows(CancelledException.class, () -> PairIndex.open(c, Fixtures.liveVsShadow(), cancelMidway));
            assertEquals(0, PairIndex.entries(c));
            try (Statement st = c.createStatement();
                    ResultSet rs =
                            st.executeQuery("SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'pair_index'")) {
                rs.next();
                assertEquals(1, rs.getInt(1), "only the registry");
            }
            assertNotEquals(
                    0,
                    SummaryService.compute(c, Fixtures.liveVsShadow(), SummaryOptions.DEFAULT, ProgressSink.NONE)
                            .counts()
                            .paired(),
                    "a later build works");
        }
    }
}
