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
    /** The file's connection while this workspace holds it for its whole life (commands, tests). */
    private final DuckDBConnection primary;
    /** The window's hold on the file, let go while idle; null when {@link #primary} holds it. */
    private final SharedFile shared;

    private final boolean readOnly;

    private Workspace(Path file, DuckDBConnection primary, boolean readOnly) {
        this.file = file;
        this.primary = primary;
        this.shared = null;
        this.readOnly = readOnly;
    }

    private Workspace(Path file, SharedFile shared) {
        this.file = file;
        this.primary = null;
        this.shared = shared;
        this.readOnly = false;
    }

    /**
     * Opens (or creates) the workspace for the window: as {@link #open}, but the file is held only while work runs
     * and let go a few seconds after ({@link SharedFile}), so the command line can import into it while the window is
     * open; the window waits for the command and then reloads ({@link #onChangedElsewhere}).
     */
    public static Workspace openShared(Path file) {
        Workspace ws = open(file);
        Path abs = ws.file;
        return new Workspace(abs, new SharedFile(abs, ws.primary, (wait, stop) -> connectFile(abs, false, wait, stop)));
    }

    /**
     * For a workspace opened with {@link #openShared}: {@code r} runs (on a background thread) when another process
     * changed the file while this one had let go of it. Does nothing for other workspaces.
     */
    public void onChangedElsewhere(Runnable r) {
        if (shared != null) shared.onChangedElsewhere(r);
    }

    /**
     * For a workspace opened with {@link #openShared}: whom to tell (on a background thread) that a task waits for the
     * file because another process holds it.
     */
    public void onLockWait(java.util.function.Consumer<String> notice) {
        if (shared != null) shared.waitWith(new LockWait(LockWait.WINDOW_WAIT, notice));
    }

    /** True unless this is a shared workspace that has let go of its file while idle. */
    public boolean holdsFile() {
        return shared == null || shared.held();
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
        DuckDBConnection c = connectFile(abs, false);
        try {
            Migrations.apply(c);
        } catch (SQLException | RuntimeException e) {
            try {
                c.close();
            } catch (SQLException ignored) {
                /* already failing */
            }
            if (e instanceof WorkspaceException we) throw we;
            WorkspaceException known = WorkspaceErrors.explain(abs, e);
            if (known != null) throw known;
            throw new WorkspaceException("Workspace " + abs + " could not be upgraded: " + e.getMessage(), e);
        }
        return new Workspace(abs, c, false);
    }

    /**
     * Opens an existing workspace read-only (DuckDB {@code access_mode=READ_ONLY}): nothing is written, so it works on a
     * read-only file or folder and beside other readers. A file whose schema is older than this build's is refused
     * (it can only be upgraded with write access).
     */
    public static Workspace openReadOnly(Path file) {
        Path abs = requireFile(file);
        DuckDBConnection c = connectFile(abs, true);
        try {
            int version = Migrations.versionOf(c);
            if (version > Migrations.latestVersion()) {
                throw new WorkspaceException("This workspace was written by a newer Shadowbench (schema version "
                        + version + ", this build knows up to " + Migrations.latestVersion()
                        + "). Update Shadowbench to open it.");
            }
            if (version < Migrations.latestVersion()) {
                throw new OutdatedException(
                        "Workspace " + abs + " was written by an older Shadowbench (schema version " + version
                                + ") and must be upgraded, which needs write access: open it once with a writable file.");
            }
        } catch (SQLException | RuntimeException e) {
            try {
                c.close();
            } catch (SQLException ignored) {
                /* already failing */
            }
            if (e instanceof WorkspaceException we) throw we;
            WorkspaceException known = WorkspaceErrors.explain(abs, e);
            throw known != null
                    ? known
                    : new WorkspaceException("Cannot read workspace " + abs + ": " + e.getMessage(), e);
        }
        return new Workspace(abs, c, true);
    }

    /**
     * Opens an existing workspace only to read it: read-only, unless its schema is older than this build's, which
     * needs one read-write open to upgrade (and says so when the file is not writable).
     */
    public static Workspace openForReading(Path file) {
        try {
            return openReadOnly(file);
        } catch (OutdatedException e) {
            return open(requireFile(file));
        }
    }

    /** A workspace written by an older build: reading it read-only is not possible before its migrations ran. */
    private static final class OutdatedException extends WorkspaceException {
        OutdatedException(String message) {
            super(message);
        }
    }

    /**
     * Opens a workspace that must already exist (reading commands must not create empty files): for writing when the
     * file and its folder allow it, else read-only, so a command that only reads still works and one that writes says
     * the workspace is read-only.
     */
    public static Workspace openExisting(Path file) {
        Path abs = requireFile(file);
        try {
            return open(abs);
        } catch (WorkspaceException e) {
            if (WorkspaceErrors.classify(e) != WorkspaceErrors.Cause.NOT_WRITABLE) throw e;
            return openReadOnly(abs);
        }
    }

    private static Path requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new WorkspaceException("No workspace at " + file.toAbsolutePath() + " (create one with `import -w "
                    + file + " LOGS...` or open it in the app)");
        }
        return file.toAbsolutePath().normalize();
    }

    private static DuckDBConnection connectFile(Path abs, boolean readOnly) {
        return connectFile(abs, readOnly, LockWait.forCommand(), () -> false);
    }

    /**
     * Connects to the file; while another process holds it, tries again every quarter second for up to
     * {@code wait.max()} (saying so once through {@code wait.notice()}), unless {@code stop} says to give up.
     */
    private static DuckDBConnection connectFile(
            Path abs, boolean readOnly, LockWait wait, java.util.function.BooleanSupplier stop) {
        long deadline = System.nanoTime() + wait.max().toNanos();
        boolean told = false;
        while (true) {
            try {
                Properties p = new Properties();
                if (readOnly) p.setProperty("access_mode", "READ_ONLY");
                p.setProperty("memory_limit", memoryLimit());
                p.setProperty("temp_directory", spillFolder(abs, readOnly).toString());
                return (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + abs, p);
            } catch (SQLException e) {
                boolean locked = WorkspaceErrors.classify(e) == WorkspaceErrors.Cause.LOCKED;
                if (locked && System.nanoTime() < deadline && !stop.getAsBoolean()) {
                    if (!told) wait.notice().accept(wait.waitingMessage(abs));
                    told = true;
                    try {
                        Thread.sleep(250);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        throw new WorkspaceException("Stopped waiting for workspace " + abs, ie);
                    }
                    continue;
                }
                if (locked)
                    throw new WorkspaceException(
                            "Workspace " + abs + " is in use by another Shadowbench window or command"
                                    + (told ? " (waited " + LockWait.words(wait.max()) + ")" : "")
                                    + ". A window lets go of its workspace a few seconds after its last task; a command "
                                    + "holds it until it ends. Try again when that work is done. ("
                                    + WorkspaceErrors.rootMessage(e) + ")",
                            e);
                WorkspaceException known = WorkspaceErrors.explain(abs, e);
                if (known != null) throw known;
                throw new WorkspaceException("Cannot open workspace " + abs + ": " + e.getMessage(), e);
            }
        }
    }

    /** The system property that overrides DuckDB's memory limit (a DuckDB size, e.g. "4GB"). */
    public static final String MEMORY_LIMIT_PROPERTY = "shadowbench.duckdb.memory_limit";

    /**
     * DuckDB's memory limit, set on purpose instead of DuckDB's 80% of the machine: half the physical memory, at least
     * 1 GB, so a review of tens of millions of rows leaves room for the window, the browser and the IDE beside it.
     * Above the limit DuckDB spills to {@link #spillFolder}. {@value #MEMORY_LIMIT_PROPERTY} overrides it.
     */
    static String memoryLimit() {
        String given = System.getProperty(MEMORY_LIMIT_PROPERTY);
        if (given != null && !given.isBlank()) return given.strip();
        long physical = 0;
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) physical = os.getTotalMemorySize();
        long mb = Math.max(1024, physical / 2 / (1024 * 1024));
        return mb + "MB";
    }

    /**
     * Where DuckDB spills what does not fit in memory: {@code WORKSPACE.duckdb.tmp} beside the workspace (DuckDB's own
     * choice, stated here so it does not change under us; DuckDB deletes its files when the workspace closes). A
     * workspace opened read-only may sit in a folder nobody can write, so its spill goes to the system's temp folder.
     */
    static Path spillFolder(Path workspace, boolean readOnly) {
        if (!readOnly) return workspace.resolveSibling(workspace.getFileName() + ".tmp");
        return Path.of(
                System.getProperty("java.io.tmpdir"),
                "shadowbench-spill-" + ProcessHandle.current().pid());
    }

    /** An in-memory workspace, for tests and throw-away work. */
    public static Workspace inMemory() {
        try {
            DuckDBConnection c = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
            Migrations.apply(c);
            return new Workspace(null, c, false);
        } catch (SQLException e) {
            throw new WorkspaceException("Cannot create an in-memory workspace: " + e.getMessage(), e);
        }
    }

    /** The workspace file, or null for an in-memory workspace. */
    public Path file() {
        return file;
    }

    /** True when opened with {@link #openReadOnly}: every write fails. */
    public boolean readOnly() {
        return readOnly;
    }

    public String displayName() {
        return file == null ? "(in memory)" : file.getFileName().toString();
    }

    /** A new connection to this workspace for the calling thread; the caller closes it. */
    public Connection connect() throws SQLException {
        return shared != null ? shared.lease() : primary.duplicate();
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
            WorkspaceException known = WorkspaceErrors.explain(file == null ? displayName() : file, e);
            if (known != null) throw known;
            throw new WorkspaceException("Reading workspace " + displayName() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (shared != null) {
            shared.close();
            return;
        }
        try {
            primary.close();
        } catch (SQLException e) {
            throw new WorkspaceException("Closing workspace " + file + " failed: " + e.getMessage(), e);
        }
    }
}
