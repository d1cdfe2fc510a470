package dev.shadowbench.core.db;

import dev.shadowbench.core.task.CancelledException;
import dev.shadowbench.core.task.ProgressSink;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one cancellable query runner of core: runs SQL on one connection with every value bound as a parameter,
 * checks the sink before each query, and has a {@link QueryWatch} cancel the running statement within ~100 ms
 * when the sink says cancelled. With -Dshadowbench.trace.sql=true each query's time and start are logged under
 * {@code dev.shadowbench.trace.sql}: how the benchmark finds the slow step.
 */
public final class Db {
    private static final boolean TRACE_ON = Boolean.getBoolean("shadowbench.trace.sql");
    private static final Logger TRACE = LoggerFactory.getLogger("dev.shadowbench.trace.sql");

    /** Reads the current row of a result set, so results outlive the statement. */
    public interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private interface Body {
        void run(PreparedStatement ps) throws SQLException;
    }

    private final Connection c;
    private final ProgressSink sink;

    public Db(Connection c, ProgressSink sink) {
        this.c = c;
        this.sink = sink;
    }

    public ProgressSink sink() {
        return sink;
    }

    public Connection connection() {
        return c;
    }

    public void execute(String sql, Object... params) throws SQLException {
        run(sql, params, PreparedStatement::execute);
    }

    /** All rows as arrays of JDBC objects. Only for aggregates and small row sets. */
    public List<Object[]> rows(String sql, Object... params) throws SQLException {
        List<Object[]> out = new ArrayList<>();
        run(sql, params, ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[n];
                    for (int i = 0; i < n; i++) row[i] = rs.getObject(i + 1);
                    out.add(row);
                }
            }
        });
        return out;
    }

    /** The first row; a query that returns none is an error. */
    public Object[] row(String sql, Object... params) throws SQLException {
        List<Object[]> r = rows(sql, params);
        if (r.isEmpty()) throw new SQLException("Expected one row from: " + sql);
        return r.get(0);
    }

    /** Every row read by {@code reader}. */
    public <T> List<T> query(String sql, RowReader<T> reader, Object... params) throws SQLException {
        List<T> out = new ArrayList<>();
        run(sql, params, ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(reader.read(rs));
            }
        });
        return out;
    }

    /** The first row read by {@code reader}, or null when there is none. */
    public <T> T one(String sql, RowReader<T> reader, Object... params) throws SQLException {
        List<T> rows = query(sql, reader, params);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private void run(String sql, Object[] params, Body body) throws SQLException {
        sink.checkCancelled();
        long t0 = System.nanoTime();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            try (QueryWatch watch = sink == ProgressSink.NONE ? null : QueryWatch.start(ps, sink)) {
                body.run(ps);
            } catch (SQLException e) {
                if (sink.isCancelled()) throw new CancelledException();
                throw e;
            }
        } finally {
            if (TRACE_ON) trace(sql, t0);
        }
        sink.checkCancelled();
    }

    private static void trace(String sql, long t0) {
        String one = sql.replaceAll("\\s+", " ");
        TRACE.info(String.format(
                Locale.ROOT,
                "%.3f s  %s",
                (System.nanoTime() - t0) / 1e9,
                one.substring(0, Math.min(140, one.length()))));
    }

    // ---- conversions of JDBC values (DuckDB returns BigInteger/HugeInt for some sums) ----

    /** A number as a double; null and NaN as null. */
    public static Double dbl(Object o) {
        if (o == null) return null;
        double d = ((Number) o).doubleValue();
        return Double.isNaN(d) ? null : d;
    }

    /** A number as a long; null as 0. */
    public static long lng(Object o) {
        return o == null ? 0L : ((Number) o).longValue();
    }

    /** A DuckDB LIST result as doubles. */
    public static List<Double> dblList(Object o) throws SQLException {
        List<Double> out = new ArrayList<>();
        if (o == null) return out;
        Object[] arr = (Object[]) ((java.sql.Array) o).getArray();
        for (Object x : arr) out.add(dbl(x));
        return out;
    }

    /** A nullable double column. */
    public static Double dbl(ResultSet rs, int col) throws SQLException {
        double v = rs.getDouble(col);
        return rs.wasNull() ? null : v;
    }

    /** A nullable double column, by name. */
    public static Double dbl(ResultSet rs, String col) throws SQLException {
        double v = rs.getDouble(col);
        return rs.wasNull() ? null : v;
    }
}
