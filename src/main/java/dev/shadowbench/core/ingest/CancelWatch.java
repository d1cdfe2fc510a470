package dev.shadowbench.core.ingest;

import dev.shadowbench.core.task.ProgressSink;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import org.duckdb.DuckDBPreparedStatement;

/**
 * Watches a running DuckDB statement from a second thread: cancels it when the user cancels, and passes the
 * statement's own progress to the sink, so a single long INSERT ... SELECT stays responsive.
 */
final class CancelWatch implements AutoCloseable {
    private final Statement statement;
    private final ProgressSink sink;
    private final Thread thread;
    private final AtomicBoolean done = new AtomicBoolean();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private volatile String message = "";
    private volatile long base;
    private volatile long span;
    private volatile long total;

    CancelWatch(Statement statement, ProgressSink sink) {
        this.statement = statement;
        this.sink = sink;
        thread = new Thread(this::loop, "shadowbench-import-watch");
        thread.setDaemon(true);
        thread.start();
    }

    /** Sets what the running step is: its message and the share [base, base+span) of total it stands for. */
    void step(String msg, long base, long span, long total) {
        this.message = msg;
        this.base = base;
        this.span = span;
        this.total = total;
        sink.progress(base, total, msg);
    }

    boolean wasCancelled() { return cancelled.get() || sink.isCancelled(); }

    private void loop() {
        while (!done.get()) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
            if (done.get()) return;
            if (sink.isCancelled()) {
                cancelled.set(true);
                try {
                    statement.cancel();
                } catch (SQLException | RuntimeException ignored) {
                    // the statement may just have finished; the importer checks the flag after every step
                }
            } else if (statement instanceof DuckDBPreparedStatement ps && total > 0) {
                try {
                    double pct = ps.getQueryProgress().getPercentage();
                    if (pct > 0) sink.progress(base + (long) (span * Math.min(pct, 100) / 100), total, message);
                } catch (SQLException | RuntimeException ignored) {
                    // progress is a nicety; a statement between queries has none
                }
            }
        }
    }

    @Override
    public void close() {
        done.set(true);
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
