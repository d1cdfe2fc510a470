package dev.shadowbench.core.workspace;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.duckdb.DuckDBConnection;

/**
 * One workspace: a DuckDB file holding every imported log, mapping, verdict and decision.
 * The workspace owns the file's primary connection; every worker thread asks for its own
 * with {@link #connect()} (a JDBC connection must never be shared across threads) and closes it.
 */
public final class Workspace implements AutoCloseable {
    private final Path file;
    private final DuckDBConnection primary;

    private Workspace(Path file, DuckDBConnection primary) {
        this.file = file;
        this.primary = primary;
    }

    /** Opens (or creates) the workspace file and brings its schema up to date. */
    public static Workspace open(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        try {
            if (abs.getParent() != null) Files.createDirectories(abs.getParent());
        } catch (Exception e) {
            throw new WorkspaceException("Cannot create the folder for workspace " + abs + ": " + e.getMessage(), e);
        }
        if (Files.isDirectory(abs)) {
            throw new WorkspaceException(abs + " is a folder, not a workspace file (.duckdb)");
        }
        DuckDBConnection c;
        try {
            Properties p = new Properties();
            c = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + abs, p);
        } catch (SQLException e) {
            String msg = e.getMessage() == null ? "" : e.getMessage();
            if (msg.contains("lock")) {
                throw new WorkspaceException("Workspace " + abs + " is open in another Shadowbench window or process. "
                        + "Close it there first.", e);
            }
            throw new WorkspaceException("Cannot open workspace " + abs + ": " + msg, e);
        }
        try {
            Migrations.apply(c);
        } catch (SQLException | RuntimeException e) {
            try { c.close(); } catch (SQLException ignored) { /* already failing */ }
            if (e instanceof WorkspaceException we) throw we;
            throw new WorkspaceException("Workspace " + abs + " could not be upgraded: " + e.getMessage(), e);
        }
        return new Workspace(abs, c);
    }

    /** Opens a workspace that must already exist (reading commands must not create empty files). */
    public static Workspace openExisting(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new WorkspaceException("No workspace at " + file.toAbsolutePath() + " (create one with `import -w "
                    + file + " LOGS...` or open it in the app)");
        }
        return open(file);
    }

    /** An in-memory workspace, for tests and throw-away work. */
    public static Workspace inMemory() {
        try {
            DuckDBConnection c = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
            Migrations.apply(c);
            return new Workspace(null, c);
        } catch (SQLException e) {
            throw new WorkspaceException("Cannot create an in-memory workspace: " + e.getMessage(), e);
        }
    }

    /** The workspace file, or null for an in-memory workspace. */
    public Path file() { return file; }

    public String displayName() { return file == null ? "(in memory)" : file.getFileName().toString(); }

    /** A new connection to this workspace for the calling thread; the caller closes it. */
    public Connection connect() throws SQLException {
        return primary.duplicate();
    }

    /** Work that needs a connection of its own. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T apply(Connection c) throws SQLException;
    }

    /**
     * Runs {@code work} on a fresh connection of the calling thread and closes it; SQL errors become
     * {@link WorkspaceException}s naming this workspace.
     */
    public <T> T read(SqlWork<T> work) {
        try (Connection c = connect()) {
            return work.apply(c);
        } catch (SQLException e) {
            throw new WorkspaceException("Reading workspace " + displayName() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            primary.close();
        } catch (SQLException e) {
            throw new WorkspaceException("Closing workspace " + file + " failed: " + e.getMessage(), e);
        }
    }
}
