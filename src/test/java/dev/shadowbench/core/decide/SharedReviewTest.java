package dev.shadowbench.core.decide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shadowbench.core.compare.Comparison;
import dev.shadowbench.core.compare.Side;
import dev.shadowbench.core.ingest.ImportRequest;
import dev.shadowbench.core.ingest.LogImporter;
import dev.shadowbench.core.task.CancelledException;
import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The screens share one computed review per comparison and revision (issue 15: one review per comparison). */
class SharedReviewTest {
    @TempDir
    Path dir;

    private Workspace ws;
    private final Comparison cmp = new Comparison(Side.variant("live"), Side.variant("shadow"), null, null);
    private final ExecutorService pool = Executors.newFixedThreadPool(3);

    @BeforeEach
    void setUp() throws Exception {
        StringBuilder live = new StringBuilder(), shadow = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            live.append("{\"request_id\":\"r")
                    .append(i)
                    .append("\",\"prediction\":")
                    .append(i % 17)
                    .append(",\"variant\":\"live\"}\n");
            shadow.append("{\"request_id\":\"r")
                    .append(i)
                    .append("\",\"prediction\":")
                    .append(i % 17 + 0.5)
                    .append(",\"variant\":\"shadow\"}\n");
        }
        Files.writeString(dir.resolve("live.jsonl"), live);
        Files.writeString(dir.resolve("shadow.jsonl"), shadow);
        ws = Workspace.open(dir.resolve("ws.duckdb"));
        new LogImporter(ws)
                .run(
                        ImportRequest.predictions(
                                List.of(dir.resolve("live.jsonl"), dir.resolve("shadow.jsonl")), null),
                        ProgressSink.NONE);
    }

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
        ws.close();
    }

    private Future<ReviewSummary> ask(SharedReview shared, ProgressSink sink) {
        return ask(shared, cmp, sink);
    }

    private Future<ReviewSummary> ask(SharedReview shared, Comparison which, ProgressSink sink) {
        return pool.submit(() -> {
            try (Connection c = ws.connect()) {
                return shared.get(c, which, sink);
            }
        });
    }

    @Test
    void screensShowingTwoComparisonsKeepBothReviews() throws Exception {
        SharedReview shared = new SharedReview();
        Comparison reversed = new Comparison(Side.variant("shadow"), Side.variant("live"), null, null);
        ReviewSummary a = ask(shared, cmp, ProgressSink.NONE).get(60, TimeUnit.SECONDS);
        ReviewSummary b = ask(shared, reversed, ProgressSink.NONE).get(60, TimeUnit.SECONDS);
        // the Dashboard and the Canary screen taking turns: neither pushes the other's review out
        assertSame(a, ask(shared, cmp, ProgressSink.NONE).get(60, TimeUnit.SECONDS));
        assertSame(b, ask(shared, reversed, ProgressSink.NONE).get(60, TimeUnit.SECONDS));
        assertEquals(2, shared.computations());
        // beyond KEEP comparisons, the least recently asked for is computed again
        for (int i = 1; i <= SharedReview.KEEP; i++) {
            Comparison narrowed = new Comparison(
                    Side.variant("live"), Side.variant("shadow"), null, java.time.LocalDate.of(2030, 1, i));
            ask(shared, narrowed, ProgressSink.NONE).get(60, TimeUnit.SECONDS);
        }
        assertNotSame(a, ask(shared, cmp, ProgressSink.NONE).get(60, TimeUnit.SECONDS));
        assertEquals(2 + SharedReview.KEEP + 1, shared.computations());
    }

    @Test
    void screensAskingTogetherGetOneComputation() throws Exception {
        SharedReview shared = new SharedReview();
        Future<ReviewSummary> dashboard = ask(shared, ProgressSink.NONE), canary = ask(shared, ProgressSink.NONE);
        ReviewSummary a = dashboard.get(60, TimeUnit.SECONDS), b = canary.get(60, TimeUnit.SECONDS);
        assertSame(a, b, "the second screen waited for the first one's review");
        assertEquals(1, shared.computations());
        assertEquals(200, a.summary().counts().paired());
        ReviewSummary later = ask(shared, ProgressSink.NONE).get(60, TimeUnit.SECONDS);
        assertSame(a, later, "a screen shown later reuses it");
        assertEquals(1, shared.computations());
    }

    @Test
    void aNewRevisionComputesAgain() throws Exception {
        SharedReview shared = new SharedReview();
        ReviewSummary first = ask(shared, ProgressSink.NONE).get(60, TimeUnit.SECONDS);
        shared.invalidate();
        ReviewSummary second = ask(shared, ProgressSink.NONE).get(60, TimeUnit.SECONDS);
        assertNotSame(first, second);
        assertEquals(2, shared.computations());
    }

    @Test
    void aCancelledComputationLeavesTheWaitingScreenToComputeItself() throws Exception {
        SharedReview shared = new SharedReview();
        CountDownLatch started = new CountDownLatch(1), release = new CountDownLatch(1);
        // the first screen is cancelled while it computes (its sink says so at the first progress step)
        ProgressSink cancelled = new ProgressSink() {
            volatile boolean cancel;

            @Override
            public void progress(long done, long total, String message) {
                started.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                cancel = true;
                throw new CancelledException();
            }

            @Override
            public boolean isCancelled() {
                return cancel;
            }
        };
        Future<ReviewSummary> first = ask(shared, cancelled);
        started.await(30, TimeUnit.SECONDS);
        Future<ReviewSummary> second = ask(shared, ProgressSink.NONE);
        Thread.sleep(200); // let the second screen start waiting (a guard, not a timing assertion)
        release.countDown();
        assertThrows(java.util.concurrent.ExecutionException.class, () -> first.get(60, TimeUnit.SECONDS));
        assertEquals(200, second.get(60, TimeUnit.SECONDS).summary().counts().paired());
        assertEquals(2, shared.computations());
    }
}
