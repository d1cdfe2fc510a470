package dev.shadowbench.spark;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Reads an extract's tables with DuckDB, and the figures the desk derives from them, for the tests' comparisons. */
final class ExtractTables implements AutoCloseable {
    private final Connection c;
    private final Path dir;

    ExtractTables(Path dir) throws SQLException {
        this.dir = dir;
        this.c = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement st = c.createStatement()) {
            st.execute("SET TimeZone = 'UTC'");
        }
    }

    String table(String name) {
        return "read_parquet('" + dir.resolve(name) + "/*.parquet')";
    }

    /** The first column of the first row of {@code sql}, where {@code {t}} names table t. */
    double number(String sql) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(expand(sql))) {
            rs.next();
            return rs.getDouble(1);
        }
    }

    long count(String sql) throws SQLException {
        return Math.round(number(sql));
    }

    List<String> strings(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(expand(sql))) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    /** DuckDB's quantile_cont over the rounded values of one measure and side (all days, all segments). */
    double quantile(String measure, String side, double q) throws SQLException {
        List<double[]> xs = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT x, sum(n) FROM " + table("value_counts") + " WHERE measure = '"
                        + measure + "' AND side = '" + side + "' GROUP BY x ORDER BY x")) {
            while (rs.next()) xs.add(new double[] {rs.getDouble(1), rs.getLong(2)});
        }
        long n = 0;
        for (double[] x : xs) n += (long) x[1];
        double h = (n - 1) * q;
        long lo = (long) Math.floor(h), hi = (long) Math.ceil(h);
        double vlo = at(xs, lo), vhi = at(xs, hi);
        return vlo + (h - lo) * (vhi - vlo);
    }

    private static double at(List<double[]> xs, long i) {
        long seen = 0;
        for (double[] x : xs) {
            seen += (long) x[1];
            if (i < seen) return x[0];
        }
        throw new IllegalArgumentException("index " + i + " beyond " + seen);
    }

    /** The mean of a measure from its counts. */
    double mean(String measure, String side) throws SQLException {
        return number("SELECT sum(x * n) / sum(n) FROM {value_counts} WHERE measure = '" + measure + "' AND side = '"
                + side + "'");
    }

    private String expand(String sql) {
        for (String t : List.of(
                "side_days",
                "coverage",
                "pair_groups",
                "value_counts",
                "label_sums",
                "class_pairs",
                "class_arms",
                "ranking_hits",
                "ranking_items",
                "pairs",
                "flagged")) {
            sql = sql.replace("{" + t + "}", table(t));
        }
        return sql;
    }

    @Override
    public void close() throws SQLException {
        c.close();
    }
}
