package dev.shadowbench.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The desk's complaint expression (ComplaintSql) read by Spark gives what DuckDB gives, with and without a rating scale. */
class ComplaintsTest {
    static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static final List<String> FEEDBACK =
            List.of("", " ", "no", "Thumbs_Up", "0", "0.0", "1", "2", "3", "5", "-1", "yes", "slow!", " OK ");

    private static String values() {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < FEEDBACK.size(); i++) rows.add("(" + i + ", '" + FEEDBACK.get(i) + "')");
        rows.add("(" + FEEDBACK.size() + ", CAST(NULL AS STRING))");
        return String.join(", ", rows);
    }

    private static List<Boolean> spark(Double top) {
        List<Boolean> out = new ArrayList<>();
        for (Row r : spark.sql("SELECT " + Complaints.complained("f", top) + " FROM VALUES " + values()
                        + " AS t(i, f) ORDER BY i")
                .collectAsList()) out.add(r.getBoolean(0));
        return out;
    }

    private static List<Boolean> duckdb(Double top) throws Exception {
        List<Boolean> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT "
                        + dev.shadowbench.core.canary.ComplaintSql.complained(
                                "f", top == null ? "NULL" : Double.toString(top))
                        + " FROM (VALUES " + values().replace("STRING", "VARCHAR") + ") t(i, f) ORDER BY i")) {
            while (rs.next()) out.add(rs.getBoolean(1));
        }
        return out;
    }

    @Test
    void sparkReadsTheDesksRuleAsDuckDbDoes() throws Exception {
        assertEquals(duckdb(null), spark(null));
        assertEquals(duckdb(5.0), spark(5.0));
        // and the rule does something: "no" is no complaint, "slow!" is one, a 2 of 5 stars is one
        assertEquals(false, spark(null).get(2));
        assertEquals(true, spark(null).get(12));
        assertEquals(true, spark(5.0).get(7));
        assertEquals(false, spark(5.0).get(9));
    }
}
