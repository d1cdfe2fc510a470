package dev.shadowbench.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** R_P of EXTRACT.md: the job's Spark SQL gives what DuckDB gives for the same definition (the desk's reference). */
class RoundingTest {
    static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static List<Double> values() {
        List<Double> v = new ArrayList<>(List.of(
                0.0,
                -0.0,
                1.0,
                -1.0,
                1234567.5,
                -1234567.5,
                123.45675,
                0.1,
                1e-15,
                1e-16,
                9.9999995e21,
                1e22,
                1e23,
                40.1234,
                0.05,
                23.456,
                1.0000005,
                99999995.0,
                2.5e-7,
                -7.77777777e-3));
        Random r = new Random(3);
        for (int i = 0; i < 2000; i++)
            v.add((r.nextBoolean() ? 1 : -1) * Math.pow(10, r.nextInt(30) - 15) * r.nextDouble());
        return v;
    }

    @Test
    void sparkRoundsAsDuckDb() throws Exception {
        List<Double> values = values();
        List<Row> rows = spark.createDataset(values, Encoders.DOUBLE())
                .toDF("v")
                .selectExpr("v", Tables.rounded("v", 7) + " AS x")
                .collectAsList();
        StringBuilder pow = new StringBuilder("[");
        for (int k = 0; k <= 22; k++)
            pow.append(k == 0 ? "" : ", ").append("1e").append(k).append("::DOUBLE");
        pow.append(']');
        String s = "(6 - CAST(floor(log10(abs(v))) AS INTEGER))";
        String duck = "CASE WHEN v = 0 THEN 0::DOUBLE WHEN " + s + " BETWEEN 0 AND 22 THEN round(v * " + pow + "[" + s
                + " + 1]) / " + pow + "[" + s + " + 1] WHEN " + s + " BETWEEN -22 AND -1 THEN round(v / " + pow
                + "[1 - "
                + s + "]) * " + pow + "[1 - " + s + "] ELSE v END";
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE v(i INTEGER, v DOUBLE)");
            try (var ps = c.prepareStatement("INSERT INTO v VALUES (?, ?)")) {
                for (int i = 0; i < rows.size(); i++) {
                    ps.setInt(1, i);
                    ps.setDouble(2, rows.get(i).getDouble(0));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            int differ = 0;
            try (ResultSet rs = st.executeQuery("SELECT i, " + duck + " FROM v ORDER BY i")) {
                while (rs.next()) {
                    double ours = rows.get(rs.getInt(1)).getDouble(1);
                    if (Double.compare(rs.getDouble(2) + 0.0, ours + 0.0) != 0) differ++;
                }
            }
            assertEquals(0, differ, "values rounded differently by Spark and DuckDB");
        }
        assertEquals(1234568.0, rows.get(4).getDouble(1), "halves away from zero");
        assertEquals(-1234568.0, rows.get(5).getDouble(1));
        assertEquals(1e-16, rows.get(9).getDouble(1), "beyond the powers of ten kept: kept as is");
        assertEquals(1e23, rows.get(12).getDouble(1));
    }
}
