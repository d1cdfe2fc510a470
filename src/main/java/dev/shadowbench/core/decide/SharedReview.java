package dev.shadowbench.core.decide;

import dev.shadowbench.core.compare.Comparison;
import dev.shadowbench.core.task.CancelledException;
import dev.shadowbench.core.task.ProgressSink;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One computed review per comparison and workspace revision, shared by the screens: the first screen that asks
 * computes it, a screen asking meanwhile waits for that computation instead of pairing and summarising again, and
 * later ones get it at once. A new revision (an import, a settings change) starts anew. The last {@link #KEEP}
 * comparisons' reviews are kept (least recently asked for out first), so screens showing different comparisons (the
 * Canary screen shows the canary while the others show its shadow) do not push each other's review out.
 * Every screen then shows the same figures with the same settings (the workspace's latency budget, outlier rules and
 * gate thresholds). The window keeps one ({@code MainViewModel.reviews()}); called on worker threads only.
 */
public final class SharedReview {
    private record Key(Comparison comparison, long generation) {}

    /** Bumped with the window's revision: what was computed before is not this workspace's state any more. */
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

    /** Reviews kept: the chosen comparison, the canary beside its shadow, and one to go back to. */
    static final int KEEP = 3;

    private final java.util.LinkedHashMap<Key, CompletableFuture<ReviewSummary>> results =
            new java.util.LinkedHashMap<>(8, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<Key, CompletableFuture<ReviewSummary>> e) {
                    return size() > KEEP;
                }
            };
    private int computations;

    /** Forgets the review: the workspace, its content, its settings or the comparison changed. */
    public void invalidate() {
        generation.incrementAndGet();
        synchronized (this) {
            results.clear();
        }
    }

    /** The review of {@code cmp}, computed on {@code c} when no screen has computed or is computing it. */
    public ReviewSummary get(Connection c, Comparison cmp, ProgressSink sink) throws SQLException {
        Key k = new Key(cmp, generation.get());
        while (true) {
            CompletableFuture<ReviewSummary> f;
            boolean mine;
            synchronized (this) {
                f = results.get(k);
                mine = f == null || f.isCompletedExceptionally();
                if (mine) {
                    f = new CompletableFuture<>();
                    results.put(k, f);
                    computations++;
                }
            }
            if (mine) {
                try {
                    ReviewSummary r = ReviewSummary.compute(c, cmp, sink);
                    f.complete(r);
                    return r;
                } catch (SQLException | RuntimeException | Error e) {
                    // a cancelled computation (DuckDB says "interrupted") lets a waiting screen compute it itself
                    f.completeExceptionally(sink.isCancelled() ? new CancelledException() : e);
                    throw e;
                }
            }
            sink.progress(-1, -1, "Waiting for the review another screen is computing");
            try {
                return await(f, sink);
            } catch (CancelledException | CancellationException theirs) {
                // the screen that computed it was cancelled, this one was not: compute it here
                sink.checkCancelled();
            }
        }
    }

    /** Waits for {@code f}, looking every 100 ms whether this task was cancelled meanwhile. */
    private static ReviewSummary await(CompletableFuture<ReviewSummary> f, ProgressSink sink) throws SQLException {
        while (true) {
            sink.checkCancelled();
            try {
                return f.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException notYet) {
                // look again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancelledException();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof SQLException s) throw s;
                if (cause instanceof RuntimeException r) throw r;
                if (cause instanceof Error err) throw err;
                throw new IllegalStateException(cause);
            }
        }
    }

    /** The shared review as a {@link SummarySource} (its gates are the workspace's, which the review reads too). */
    public SummarySource source() {
        return (c, cmp, gates) -> get(c, cmp, ProgressSink.NONE);
    }

    /** How many reviews were computed (not waited for or reused): for tests. */
    synchronized int computations() {
        return computations;
    }
}
