package dev.shadowbench.core.outliers;

import dev.shadowbench.core.task.CancelledException;
import dev.shadowbench.core.task.ProgressSink;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the detector's statements with bound parameters; a cancel request stops the running query (Statement.cancel). */
final class Sql {
    private static final ScheduledExecutorService WATCH = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "shadowbench-outlier-cancel-watch");
        t.setDaemon(true);
        return t;
    });

    /** Reads a row of a result set into a list, so results outlive the statement. */
    interface RowReader<T> { T read(ResultSet rs) throws SQLException; }

    private final Connection c;
    private final ProgressSink progress;

    Sql(Connection c, ProgressSink progress) {
        this.c = c;
        this.progress = progress;
    }

    void execute(String sql, Object... params) throws SQLException {
        run(sql, params, null);
    }

    <T> List<T> query(String sql, RowReader<T> reader, Object... params) throws SQLException {
        List<T> out = new ArrayList<>();
        run(sql, params, rs -> { while (rs.next()) out.add(reader.read(rs)); });
        return out;
    }

    <T> T one(String sql, RowReader<T> reader, Object... params) throws SQLException {
        List<T> rows = query(sql, reader, params);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private interface Consumer { void accept(ResultSet rs) throws SQLException; }

    /** With -Dshadowbench.trace.sql=true each query's time is logged (as the summary's queries are). */
    private static final boolean TRACE_ON = Boolean.getBoolean("shadowbench.trace.sql");
    private static final Logger TRACE = LoggerFactory.getLogger("dev.shadowbench.trace.sql");

    private void run(String sql, Object[] params, Consumer consumer) throws SQLException {
        long t0 = System.nanoTime();
        try {
            runTimed(sql, params, consumer);
        } finally {
            if (TRACE_ON) {
                String one = sql.replaceAll("\\s+", " ");
                TRACE.info(String.format(Locale.ROOT, "%.3f s  %s", (System.nanoTime() - t0) / 1e9, one.substring(0, Math.min(140, one.length()))));
            }
        }
    }

    private void runTimed(String sql, Object[] params, Consumer consumer) throws SQLException {
        progress.checkCancelled();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            Object lock = new Object();
            boolean[] done = {false};
            ScheduledFuture<?> watch = WATCH.scheduleWithFixedDelay(() -> {
                synchronized (lock) {
                    if (done[0] || !progress.isCancelled()) return;
                    try { ps.cancel(); } catch (SQLException ignored) { /* the query ended meanwhile */ }
                }
            }, 100, 100, TimeUnit.MILLISECONDS);
            try {
                if (consumer == null) ps.execute();
                else try (ResultSet rs = ps.executeQuery()) { consumer.accept(rs); }
            } catch (SQLException e) {
                if (progress.isCancelled()) throw new CancelledException();
                throw e;
            } finally {
                synchronized (lock) { done[0] = true; }
                watch.cancel(false);
            }
        }
        progress.checkCancelled();
    }

    /** A nullable double column. */
    static Double dbl(ResultSet rs, int col) throws SQLException {
        double v = rs.getDouble(col);
        return rs.wasNull() ? null : v;
    }

    static Double dbl(ResultSet rs, String col) throws SQLException {
        double v = rs.getDouble(col);
        return rs.wasNull() ? null : v;
    }
}
