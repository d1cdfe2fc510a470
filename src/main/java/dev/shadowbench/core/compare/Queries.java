package dev.shadowbench.core.compare;

import dev.shadowbench.core.task.CancelledException;
import dev.shadowbench.core.task.ProgressSink;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the summary's SQL on one connection with bound parameters, and makes cancel real: it checks the
 * sink before each query and a watchdog calls {@link Statement#cancel()} on the running one when the sink
 * says cancelled, so a long aggregate stops within ~100 ms instead of running to its end.
 */
final class Queries implements AutoCloseable {
    private final Connection c;
    private final ProgressSink sink;
    private final AtomicReference<Statement> running = new AtomicReference<>();
    private final ScheduledExecutorService watchdog;

    Queries(Connection c, ProgressSink sink) {
        this.c = c;
        this.sink = sink;
        if (sink == ProgressSink.NONE) {
            watchdog = null;
        } else {
            watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "summary-cancel-watchdog");
                t.setDaemon(true);
                return t;
            });
            watchdog.scheduleWithFixedDelay(this::cancelIfAsked, 100, 100, TimeUnit.MILLISECONDS);
        }
    }

    private void cancelIfAsked() {
        Statement s = running.get();
        if (s != null && sink.isCancelled()) {
            try { s.cancel(); } catch (SQLException | RuntimeException ignored) { /* the query ends anyway */ }
        }
    }

    ProgressSink sink() { return sink; }

    Connection connection() { return c; }

    private String lastSql = "";
    /** With -Dshadowbench.trace.sql=true each query's time and start are logged: how the benchmark finds the slow step. */
    private static final boolean TRACE_ON = Boolean.getBoolean("shadowbench.trace.sql");
    private static final Logger TRACE = LoggerFactory.getLogger("dev.shadowbench.trace.sql");

    void exec(String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(sql, params)) {
            run(ps, () -> { ps.execute(); return null; });
        }
    }

    /** All rows as arrays of JDBC objects. Only for aggregates and small row sets. */
    List<Object[]> rows(String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(sql, params)) {
            return run(ps, () -> {
                List<Object[]> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        Object[] row = new Object[n];
                        for (int i = 0; i < n; i++) row[i] = rs.getObject(i + 1);
                        out.add(row);
                    }
                }
                return out;
            });
        }
    }

    Object[] row(String sql, Object... params) throws SQLException {
        List<Object[]> r = rows(sql, params);
        if (r.isEmpty()) throw new SQLException("Expected one row from: " + sql);
        return r.get(0);
    }

    private PreparedStatement prepare(String sql, Object... params) throws SQLException {
        sink.checkCancelled();
        lastSql = sql;
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
        return ps;
    }

    private interface Body<T> { T run() throws SQLException; }

    private <T> T run(Statement st, Body<T> body) throws SQLException {
        running.set(st);
        long t0 = System.nanoTime();
        try {
            return body.run();
        } catch (SQLException e) {
            if (sink.isCancelled()) throw new CancelledException();
            throw e;
        } finally {
            if (TRACE_ON) {
                String one = lastSql.replaceAll("\\s+", " ");
                TRACE.info(String.format(Locale.ROOT, "%.3f s  %s", (System.nanoTime() - t0) / 1e9, one.substring(0, Math.min(140, one.length()))));
            }
            running.set(null);
        }
    }

    @Override
    public void close() {
        if (watchdog != null) watchdog.shutdownNow();
    }

    // ---- conversions of JDBC values (DuckDB returns BigInteger/HugeInt for some sums) ----
    static Double dbl(Object o) {
        if (o == null) return null;
        double d = ((Number) o).doubleValue();
        return Double.isNaN(d) ? null : d;
    }

    static long lng(Object o) { return o == null ? 0L : ((Number) o).longValue(); }

    /** A DuckDB LIST result as doubles. */
    static List<Double> dblList(Object o) throws SQLException {
        List<Double> out = new ArrayList<>();
        if (o == null) return out;
        Object[] arr = (Object[]) ((java.sql.Array) o).getArray();
        for (Object x : arr) out.add(dbl(x));
        return out;
    }
}
