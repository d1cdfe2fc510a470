package dev.shadowbench.core.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shadowbench.core.BadInputException;
import dev.shadowbench.core.compare.Comparison;
import dev.shadowbench.core.compare.Side;
import dev.shadowbench.core.db.Quote;
import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Importing an extract: checked before anything is written, one transaction, the same extract twice a no-op. */
class ExtractImportTest {
    @TempDir
    Path dir;

    Path good;
    static final Comparison CMP = new Comparison(Side.variant("live"), Side.variant("shadow"), null, null);

    @BeforeEach
    void writeAnExtract() throws Exception {
        good = dir.resolve("good");
        ExtractFixture.fromLogs(ExtractLogs.Task.CLASSIFICATION, 200, true, CMP, ExtractFixture.Settings.DEFAULT, good);
    }

    @Test
    void theSameExtractAgainChangesNothing() throws Exception {
        try (Workspace ws = Workspace.inMemory();
                Connection c = ws.connect()) {
            ExtractImport.Outcome first = ExtractImport.run(c, good, ProgressSink.NONE);
            assertTrue(first.imported());
            long rows = count(c, "extract.value_counts");
            ExtractImport.Outcome again = ExtractImport.run(c, good, ProgressSink.NONE);
            assertFalse(again.imported());
            assertEquals(first.extractId(), again.extractId());
            assertEquals(rows, count(c, "extract.value_counts"));
            assertEquals(1, count(c, "extract.extracts"));
            assertTrue(again.summaryLine().contains("already imported"), again.summaryLine());
        }
    }

    @Test
    void aMissingColumnNamesTheTableAndColumnAndWritesNothing() throws Exception {
        rewrite("side_days", "SELECT * EXCLUDE (complaint_ids)");
        BadInputException e = importFails();
        assertTrue(e.getMessage().contains("side_days: column complaint_ids is missing"), e.getMessage());
    }

    @Test
    void aWrongTypeIsNamed() throws Exception {
        rewrite("value_counts", "SELECT * REPLACE (CAST(x AS VARCHAR) AS x)");
        BadInputException e = importFails();
        assertTrue(e.getMessage().contains("value_counts: column x is VARCHAR, not DOUBLE"), e.getMessage());
    }

    @Test
    void anUnknownSideNamesTheFileColumnAndValue() throws Exception {
        rewrite("side_days", "SELECT * REPLACE (CASE WHEN side = 'candidate' THEN 'shadow' ELSE side END AS side)");
        BadInputException e = importFails();
        assertTrue(
                e.getMessage().contains("part-00000.parquet: column side is 'shadow', not one of baseline candidate"),
                e.getMessage());
    }

    @Test
    void aRowCountOtherThanTheManifestsIsRefused() throws Exception {
        rewrite("pair_groups", "SELECT * FROM (SELECT * FROM t UNION ALL SELECT * FROM t LIMIT 1)");
        BadInputException e = importFails();
        assertTrue(e.getMessage().contains("field tables.pair_groups.rows says"), e.getMessage());
    }

    @Test
    void aMalformedManifestNamesTheField() throws Exception {
        Path m = good.resolve("manifest.json");
        Files.writeString(
                m, Files.readString(m).replace("\"significant_digits\" : 7", "\"significant_digits\" : \"7\""));
        BadInputException e = importFails();
        assertTrue(
                e.getMessage()
                        .endsWith("manifest.json: field precision.significant_digits is missing (a whole number)"),
                e.getMessage());
        Files.writeString(m, "{\"format\": \"something else\"}");
        assertTrue(importFails().getMessage().contains("field format is 'something else'"));
        Files.delete(m);
        assertTrue(importFails().getMessage().contains("not an extract folder"));
    }

    @Test
    void aMissingTableIsNamed() throws Exception {
        try (var s = Files.walk(good.resolve("coverage"))) {
            s.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
        assertTrue(importFails().getMessage().contains("table coverage is missing"));
    }

    @Test
    void anExtractOfDaysAlreadyHeldIsRefused() throws Exception {
        Path day = dir.resolve("day");
        try (Workspace ws = Workspace.inMemory();
                Connection c = ws.connect()) {
            ExtractLogs.write(c, ExtractLogs.Task.CLASSIFICATION, 200, true);
            LocalDate d = LocalDate.of(2026, 11, 21);
            ExtractFixture.write(c, CMP.withWindow(d, d), ExtractFixture.Settings.DEFAULT, day);
        }
        try (Workspace ws = Workspace.inMemory();
                Connection c = ws.connect()) {
            ExtractImport.run(c, good, ProgressSink.NONE);
            BadInputException e =
                    assertThrows(BadInputException.class, () -> ExtractImport.run(c, day, ProgressSink.NONE));
            assertTrue(
                    e.getMessage().contains("already holds an extract of live/*/* vs shadow/*/* for 2026-11-21"),
                    e.getMessage());
            assertEquals(1, count(c, "extract.extracts"));
        }
    }

    @Test
    void aSparkTimestampKeepsItsUtcWallClockInAnyTimeZone() throws Exception {
        String expected = firstTs(
                "SELECT CAST(min(ts) AS VARCHAR) FROM read_parquet("
                        + Quote.literal(good.resolve("pairs")
                                .resolve("part-00000.parquet")
                                .toString()) + ")",
                null);
        // Spark writes TimestampType as an instant: DuckDB reads it as TIMESTAMP WITH TIME ZONE
        rewrite("pairs", "SELECT * REPLACE (timezone('UTC', ts) AS ts)");
        assertEquals(expected, firstTs("SELECT CAST(min(ts) AS VARCHAR) FROM extract.pairs", "America/New_York"));
    }

    /** Imports the extract into a new workspace whose session is in {@code zone} (null: as it is) and runs {@code sql}. */
    private String firstTs(String sql, String zone) throws Exception {
        try (Workspace ws = Workspace.inMemory();
                Connection c = ws.connect();
                Statement st = c.createStatement()) {
            if (zone != null) {
                st.execute("SET TimeZone = " + Quote.literal(zone));
                ExtractImport.run(c, good, ProgressSink.NONE);
            }
            try (ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    @Test
    void extractsOfOneComparisonMustShareTheirSettings() throws Exception {
        Path day = dir.resolve("day");
        try (Workspace ws = Workspace.inMemory();
                Connection c = ws.connect()) {
            ExtractLogs.write(c, ExtractLogs.Task.CLASSIFICATION, 200, true);
            LocalDate d = LocalDate.of(2026, 11, 22);
            ExtractFixture.write(c, CMP.withWindow(d, d), new ExtractFixture.Settings(7, 2, 100, 10, 10), day);
        }
        Files.writeString(
                day.resolve("manifest.json"),
                Files.readString(day.resolve("manifest.json"))
                        .replace("\"days\" : [ ]", "\"days\" : [ \"2026-11-22\" ]"));
        try (Workspace ws = Workspace.inMemory();
                Connection c = ws.connect()) {
            ExtractImport.run(c, good, ProgressSink.NONE);
            BadInputException e =
                    assertThrows(BadInputException.class, () -> ExtractImport.run(c, day, ProgressSink.NONE));
            assertTrue(
                    e.getMessage().contains("sample seed 2 (100 pairs, 10 extremes), top_k 10 differ"), e.getMessage());
        }
    }

    /** Imports the (broken) extract into a fresh workspace, expecting a refusal that leaves nothing behind. */
    private BadInputException importFails() throws Exception {
        try (Workspace ws = Workspace.inMemory();
                Connection c = ws.connect()) {
            BadInputException e =
                    assertThrows(BadInputException.class, () -> ExtractImport.run(c, good, ProgressSink.NONE));
            for (ExtractTables.Table t : ExtractTables.ALL) assertEquals(0, count(c, "extract." + t.name()), t.name());
            assertEquals(0, count(c, "extract.extracts"));
            return e;
        }
    }

    /** Rewrites one table's file through {@code select} (over its rows, also named t). */
    private void rewrite(String table, String select) throws Exception {
        Path file = good.resolve(table).resolve("part-00000.parquet"), tmp = dir.resolve("tmp.parquet");
        try (Workspace ws = Workspace.inMemory();
                Connection c = ws.connect();
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t AS SELECT * FROM read_parquet(" + Quote.literal(file.toString()) + ")");
            st.execute("COPY (" + select + (select.contains(" FROM ") ? "" : " FROM t") + ") TO "
                    + Quote.literal(tmp.toString()) + " (FORMAT parquet)");
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static long count(Connection c, String table) throws Exception {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
