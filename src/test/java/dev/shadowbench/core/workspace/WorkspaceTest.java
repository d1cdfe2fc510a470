package dev.shadowbench.core.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceTest {
    @TempDir
    Path dir;

    private static String setting(Workspace ws, String name) throws Exception {
        try (Connection c = ws.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT current_setting('" + name + "')")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void memoryLimitAndSpillFolderAreSetOnPurpose() throws Exception {
        Path f = dir.resolve("big.duckdb");
        try (Workspace ws = Workspace.open(f)) {
            assertEquals(f.toAbsolutePath() + ".tmp", setting(ws, "temp_directory"));
            long physical = ((com.sun.management.OperatingSystemMXBean)
                            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                    .getTotalMemorySize();
            // DuckDB prints the limit in its own units (e.g. "11.7 GiB"); compare with what was asked, in MB
            assertEquals(Math.max(1024, physical / 2 / (1024 * 1024)) + "MB", Workspace.memoryLimit());
            assertTrue(setting(ws, "memory_limit").endsWith("iB"), setting(ws, "memory_limit"));
        }
        try (Workspace ws = Workspace.openReadOnly(f)) {
            assertTrue(
                    setting(ws, "temp_directory").startsWith(System.getProperty("java.io.tmpdir")),
                    "a read-only workspace does not spill beside itself");
        }
        System.setProperty(Workspace.MEMORY_LIMIT_PROPERTY, "1GB");
        try (Workspace ws = Workspace.open(f)) {
            String limit = setting(ws, "memory_limit");
            assertTrue(
                    limit.startsWith("953.6 MiB") || limit.startsWith("1.0 GiB") || limit.startsWith("1 GiB"), limit);
        } finally {
            System.clearProperty(Workspace.MEMORY_LIMIT_PROPERTY);
        }
    }

    @Test
    void newFileGetsTheLatestSchemaAndKeepsDataAcrossReopen() throws Exception {
        Path f = dir.resolve("ws.duckdb");
        try (Workspace ws = Workspace.open(f);
                Connection c = ws.connect();
                Statement st = c.createStatement()) {
            assertEquals(Migrations.latestVersion(), Migrations.currentVersion(c));
            st.execute(
                    "INSERT INTO predictions(import_id, request_id, variant, prediction) VALUES (1, 'r1', 'live', 1.5)");
        }
        try (Workspace ws = Workspace.open(f);
                Connection c = ws.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT prediction FROM predictions WHERE request_id = 'r1'")) {
            assertTrue(rs.next());
            assertEquals(1.5, rs.getDouble(1));
            assertEquals(Migrations.latestVersion(), Migrations.currentVersion(c), "reopen applies nothing twice");
        }
    }

    @Test
    void anOldFileIsUpgradedWithoutLosingRows() throws Exception {
        Path f = dir.resolve("old.duckdb");
        // Build a version-1 workspace by hand, as an older Shadowbench would have left it.
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + f);
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE schema_version(version INTEGER NOT NULL, applied_at TIMESTAMP NOT NULL)");
            for (String sql : Migrations.statements(new String(
                    Migrations.class.getResourceAsStream("migrations/V001.sql").readAllBytes()))) {
                st.execute(sql);
            }
            st.execute("INSERT INTO schema_version VALUES (1, now())");
            st.execute("INSERT INTO predictions(import_id, request_id, variant) VALUES (1, 'kept', 'live')");
        }
        try (Workspace ws = Workspace.open(f);
                Connection c = ws.connect();
                Statement st = c.createStatement()) {
            assertEquals(Migrations.latestVersion(), Migrations.currentVersion(c));
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM predictions WHERE request_id = 'kept'")) {
                rs.next();
                assertEquals(1, rs.getLong(1));
            }
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM decisions")) {
                rs.next();
                assertEquals(0, rs.getLong(1), "V002 tables exist after the upgrade");
            }
        }
    }

    @Test
    void aFileFromANewerBuildIsRefusedAndLeftAlone() throws Exception {
        Path f = dir.resolve("future.duckdb");
        try (Workspace ws = Workspace.open(f);
                Connection c = ws.connect();
                Statement st = c.createStatement()) {
            st.execute("INSERT INTO schema_version VALUES (999, now())");
        }
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> Workspace.open(f));
        assertTrue(e.getMessage().contains("newer Shadowbench"), e.getMessage());
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + f);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT max(version) FROM schema_version")) {
            rs.next();
            assertEquals(999, rs.getInt(1));
        }
    }

    @Test
    void aFolderIsNotAWorkspace() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("logs"));
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> Workspace.open(folder));
        assertTrue(e.getMessage().contains("is a folder"), e.getMessage());
    }

    @Test
    void settingsAreRememberedAndADamagedFileCostsOnlyDefaults() throws Exception {
        AppHome home = new AppHome(dir.resolve("home"));
        Path ws = Files.createFile(dir.resolve("w.duckdb"));
        home.rememberWorkspace(ws);
        home.flush();
        assertEquals(
                ws.toAbsolutePath(),
                new AppHome(dir.resolve("home")).lastWorkspace().orElseThrow());
        Files.delete(ws);
        assertTrue(home.lastWorkspace().isEmpty(), "a deleted workspace is not offered again");
        Files.writeString(dir.resolve("home/settings.properties"), "\\u12"); // malformed escape
        assertTrue(new AppHome(dir.resolve("home")).setting("workspace.last").isEmpty());
    }
}
