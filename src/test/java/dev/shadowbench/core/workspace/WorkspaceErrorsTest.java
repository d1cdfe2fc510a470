package dev.shadowbench.core.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shadowbench.core.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19 case 7: DuckDB's errors are classified by what DuckDB really says. The texts below were produced by
 * duckdb_jdbc 2.0.0.1 on this project's CLI: a second process holding the file, a block overwritten with noise, a
 * 30 MB tmpfs filled up (`mount -t tmpfs -o size=30m`), a read-only remount, and a writable file bind-mounted
 * into a read-only folder.
 */
class WorkspaceErrorsTest {
    @TempDir
    Path dir;

    static final String LOCKED =
            "IO Error: Could not set lock on file \"/tmp/h2t/ws.duckdb\": Conflicting lock is held in "
                    + "/usr/lib/jvm/java-17-openjdk-amd64/bin/java (PID 14116). See also https://duckdb.org/docs/current/connect/concurrency";
    static final String CORRUPT_BLOCK =
            "Data Corruption Error: Corrupt database file: computed checksum 8147158485616479306 "
                    + "does not match stored checksum 17362277230588634741 in block at location 12288";
    static final String NOT_DUCKDB =
            "IO Error: The file \"/tmp/h2t/c2.duckdb\" exists, but it is not a valid DuckDB database file!";
    static final String FULL =
            "TransactionContext Error: Failed to commit: Could not write file \"/tmp/h2mnt/ws.duckdb.wal\": "
                    + "No space left on device";
    static final String RO_FS = "IO Error: Cannot open file \"/tmp/h2mnt/ws.duckdb\": Read-only file system";
    static final String RO_FOLDER =
            "TransactionContext Error: Failed to commit: Cannot open file \"/tmp/h2mnt/ws.duckdb.wal\": "
                    + "Read-only file system";
    static final String RO_MODE =
            "Invalid Input Error: Cannot execute statement of type \"UPDATE\" on database \"ws\" which is "
                    + "attached in read-only mode!";

    @Test
    void realDuckDbTextsAreClassifiedByTheirCause() {
        assertEquals(WorkspaceErrors.Cause.LOCKED, WorkspaceErrors.classifyMessage(LOCKED));
        assertEquals(
                WorkspaceErrors.Cause.CORRUPT,
                WorkspaceErrors.classifyMessage(CORRUPT_BLOCK),
                "before the fix 'lock' inside 'block' made this 'open in another window'");
        assertEquals(WorkspaceErrors.Cause.CORRUPT, WorkspaceErrors.classifyMessage(NOT_DUCKDB));
        assertEquals(WorkspaceErrors.Cause.DISK_FULL, WorkspaceErrors.classifyMessage(FULL));
        assertEquals(WorkspaceErrors.Cause.NOT_WRITABLE, WorkspaceErrors.classifyMessage(RO_FS));
        assertEquals(WorkspaceErrors.Cause.NOT_WRITABLE, WorkspaceErrors.classifyMessage(RO_FOLDER));
        assertEquals(WorkspaceErrors.Cause.NOT_WRITABLE, WorkspaceErrors.classifyMessage(RO_MODE));
        assertEquals(
                WorkspaceErrors.Cause.OTHER,
                WorkspaceErrors.classifyMessage("Binder Error: column x not found (blocked, unlocked)"));
    }

    @Test
    void theRealCauseSurvivesAMaskingRollback() {
        SQLException commit = new SQLException(FULL);
        Transactions.rollback(new FailingRollback().proxy(), commit);
        assertTrue(commit.getSuppressed()[0].getMessage().endsWith("cannot rollback - no transaction is active"));
        WorkspaceException e =
                WorkspaceErrors.explain(Path.of("/w/ws.duckdb"), new IllegalStateException("Import failed", commit));
        assertTrue(e.getMessage().startsWith("No space left on the disk holding /w/ws.duckdb: "), e.getMessage());
        assertTrue(e.getMessage().contains("ws.duckdb.wal"), e.getMessage());
        assertNull(WorkspaceErrors.explain(null, new IllegalStateException("a bug")));
    }

    @Test
    void aReadOnlyOpenWritesNothingAndAWriteSaysWhy() throws Exception {
        Path f = dir.resolve("ws.duckdb");
        Workspace.open(f).close();
        try (Workspace ro = Workspace.openReadOnly(f);
                Connection c = ro.connect();
                Statement st = c.createStatement()) {
            SQLException e =
                    assertThrows(SQLException.class, () -> st.execute("INSERT INTO settings VALUES ('k', 'v')"));
            assertEquals(WorkspaceErrors.Cause.NOT_WRITABLE, WorkspaceErrors.classify(e));
        }
        assertTrue(Files.exists(f));
    }

    @Test
    void outputFileRefusesWorkspacesFoldersAndWals() throws Exception {
        Path f = dir.resolve("ws.duckdb");
        Workspace.open(f).close();
        Path disguised = Files.copy(f, dir.resolve("notes.txt"));
        assertTrue(OutputFile.isDuckDb(disguised));
        assertThrows(BadInputException.class, () -> OutputFile.check(disguised, null));
        assertThrows(BadInputException.class, () -> OutputFile.check(dir, null));
        assertThrows(BadInputException.class, () -> OutputFile.check(dir.resolve("notes.txt.wal"), null));
        assertThrows(BadInputException.class, () -> OutputFile.check(dir.resolve("ws.duckdb.wal"), f));
        Path ok = OutputFile.write(dir.resolve("sub/r.txt"), f, out -> out.write(1));
        assertEquals(1, Files.size(ok));
        assertThrows(
                BadInputException.class,
                () -> OutputFile.write(dir.resolve("boom.txt"), f, out -> {
                    out.write(2);
                    throw new java.io.IOException("No space left on device");
                }));
        try (var files = Files.list(dir)) {
            assertEquals(
                    0,
                    files.filter(p -> p.getFileName().toString().contains("boom"))
                            .count(),
                    "no partial file left");
        }
    }

    /** A connection whose rollback fails the way DuckDB's does after a failed commit. */
    private static final class FailingRollback {
        Connection proxy() {
            return (Connection) java.lang.reflect.Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] {Connection.class}, (p, m, a) -> {
                        if (m.getName().equals("rollback")) {
                            throw new SQLException(
                                    "TransactionContext Error: cannot rollback - no transaction is active");
                        }
                        return null;
                    });
        }
    }
}
