package dev.shadowbench.core.db;

import dev.shadowbench.core.task.ProgressSink;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.duckdb.DuckDBPreparedStatement;

/**
 * Watches a running DuckDB statement every 100 ms from a shared daemon thread: cancels it when the sink says
 * cancelled, and, once a {@link #step} is set, passes the statement's own progress (getQueryProgress) to the
 * sink, so a single long INSERT ... SELECT stays responsive. {@link Db} watches each of its queries; the
 * importer, which runs a series of statements on one {@link Statement}, watches that statement for its whole run.
 */
public final class QueryWatch implements AutoCloseable {
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "shadowbench-query-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final Statement statement;
    private final ProgressSink sink;
    private final Object lock = new Object();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final ScheduledFuture<?> tick;
    private boolean done;
    private volatile String message = "";
    private volatile long base;
    private volatile long span;
    private volatile long total;

    private QueryWatch(Statement statement, ProgressSink sink) {
        this.statement = statement;
        this.sink = sink;
        this.tick = WATCHDOG.scheduleWithFixedDelay(this::tick, 100, 100, TimeUnit.MILLISECONDS);
    }

    /** Starts watching {@code statement} until {@link #close()}. */
    public static QueryWatch start(Statement statement, ProgressSink sink) {
        return new QueryWatch(statement, sink);
    }

    /** Sets what the running step is: its message and the share [base, base+span) of total it stands for. */
    public void step(String msg, long base, long span, long total) {
        this.message = msg;
        this.base = base;
        this.span = span;
        this.total = total;
        sink.progress(base, total, msg);
    }

    /** Whether the watch cancelled the statement, or the sink says cancelled. */
    public boolean wasCancelled() {
        return cancelled.get() || sink.isCancelled();
    }

    private void tick() {
        synchronized (lock) {
            if (done) return;
            if (sink.isCancelled()) {
                cancelled.set(true);
                try {
                    statement.cancel();
                } catch (SQLException | RuntimeException ignored) {
                    // the statement may just have finished; callers check the flag after every step
                }
            } else if (total > 0 && statement instanceof DuckDBPreparedStatement ps) {
                try {
                    double pct = ps.getQueryProgress().getPercentage();
                    if (pct > 0) sink.progress(base + (long) (span * Math.min(pct, 100) / 100), total, message);
                } catch (SQLException | RuntimeException ignored) {
                    // progress is a nicety; a statement between queries has none
                }
            }
        }
    }

    /** Stops watching; after this returns the watch never touches the statement again. */
    @Override
    public void close() {
        synchronized (lock) {
            done = true;
        }
        tick.cancel(false);
    }
}
