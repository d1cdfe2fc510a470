package dev.shadowbench.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;

/** What the benchmarks share: timing a reference query, and the median of a run's timings. */
final class BenchTiming {
    private BenchTiming() {}

    /** Seconds to run {@code sql} and read every row. */
    static double time(Connection c, String sql) throws Exception {
        long t0 = System.nanoTime();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                /* drain */
            }
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** The middle value (the upper one of an even count). */
    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
