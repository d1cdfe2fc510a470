package dev.shadowbench.core.workspace;

import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window's hold on its workspace file: DuckDB lets one process write a file, so the window opens it while work is
 * running and lets go {@link #linger} after its last connection closed. A command line run meanwhile (a scheduled
 * {@code review --new}) gets the file; the window's next task waits for the command to finish ({@link LockWait}) and
 * then notices that the file changed under it ({@link #onChangedElsewhere}), also while idle (it looks every few
 * seconds), so its screens reload.
 */
final class SharedFile implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SharedFile.class);
    /** How long the window keeps the file after its last task (system property, milliseconds). */
    static final String LINGER_PROPERTY = "shadowbench.workspace.linger_ms";

    static final long DEFAULT_LINGER_MS = 3_000;
    private static final long WATCH_EVERY_MS = 2_000;

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "workspace-release");
        t.setDaemon(true);
        return t;
    });

    private final Path file;
    private final BiFunction<LockWait, BooleanSupplier, DuckDBConnection> reopen;
    private final Duration linger;
    private volatile LockWait wait;
    private volatile Runnable onChangedElsewhere = () -> {};
    private volatile boolean closed;

    // guarded by this
    private DuckDBConnection primary;
    private int leases;
    private ScheduledFuture<?> pendingRelease;
    private Stamp releasedAs;
    private final ScheduledFuture<?> watch;

    SharedFile(Path file, DuckDBConnection opened, BiFunction<LockWait, BooleanSupplier, DuckDBConnection> reopen) {
        this.file = file;
        this.primary = opened;
        this.reopen = reopen;
        this.linger = Duration.ofMillis(Long.getLong(LINGER_PROPERTY, DEFAULT_LINGER_MS));
        this.wait = new LockWait(LockWait.WINDOW_WAIT, message -> LOG.info(message));
        synchronized (this) {
            scheduleRelease();
        }
        this.watch = TIMER.scheduleWithFixedDelay(
                this::lookForChanges, WATCH_EVERY_MS, WATCH_EVERY_MS, TimeUnit.MILLISECONDS);
    }

    /** Whom to tell that the window waits for the file (the status bar), and for how long at most. */
    void waitWith(LockWait wait) {
        this.wait = wait;
    }

    /** Called (on a background thread) when another process changed the file while this one had let go of it. */
    void onChangedElsewhere(Runnable r) {
        this.onChangedElsewhere = r == null ? () -> {} : r;
    }

    /** A connection of its own for the calling thread; the file is held until every such connection is closed. */
    Connection lease() throws SQLException {
        boolean changed;
        Connection d;
        synchronized (this) {
            if (closed) throw new SQLException("Workspace " + file + " is closed");
            if (pendingRelease != null) {
                pendingRelease.cancel(false);
                pendingRelease = null;
            }
            changed = false;
            if (primary == null) {
                // looked at before opening: opening may itself touch the file
                changed = releasedAs != null && !releasedAs.equals(Stamp.of(file));
                primary = reopen.apply(wait, () -> closed);
                releasedAs = null;
            }
            d = primary.duplicate();
            leases++;
        }
        if (changed) changedElsewhere();
        return wrap(d);
    }

    private Connection wrap(Connection d) {
        AtomicBoolean returned = new AtomicBoolean();
        InvocationHandler h = (proxy, method, args) -> {
            switch (method.getName()) {
                case "close" -> {
                    if (returned.getAndSet(true)) return null;
                    try {
                        d.close();
                    } finally {
                        returned();
                    }
                    return null;
                }
                case "unwrap" -> {
                    Class<?> iface = (Class<?>) args[0];
                    return iface.isInstance(d) ? d : d.unwrap(iface);
                }
                case "isWrapperFor" -> {
                    Class<?> iface = (Class<?>) args[0];
                    return iface.isInstance(d) || d.isWrapperFor(iface);
                }
                case "equals" -> {
                    return proxy == args[0];
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                case "toString" -> {
                    return "lease of " + file + ": " + d;
                }
                default -> {
                    try {
                        return method.invoke(d, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                }
            }
        };
        return (Connection)
                Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, h);
    }

    private synchronized void returned() {
        leases--;
        if (leases == 0) scheduleRelease();
    }

    private void scheduleRelease() {
        if (closed) return;
        pendingRelease = TIMER.schedule(this::releaseIfIdle, linger.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void releaseIfIdle() {
        if (leases > 0 || primary == null || closed) return;
        try {
            primary.close();
        } catch (SQLException e) {
            LOG.warn("Letting go of workspace {} failed: {}", file, e.getMessage());
        }
        primary = null;
        pendingRelease = null;
        releasedAs = Stamp.of(file);
        LOG.debug("Let go of workspace {} after {} ms idle", file, linger.toMillis());
    }

    /** True while the file is held (a task runs, or the last one ended less than the linger ago). */
    synchronized boolean held() {
        return primary != null;
    }

    private void lookForChanges() {
        boolean changed;
        synchronized (this) {
            if (closed || primary != null || releasedAs == null) return;
            Stamp now = Stamp.of(file);
            changed = !releasedAs.equals(now);
            if (changed) releasedAs = now;
        }
        if (changed) changedElsewhere();
    }

    private void changedElsewhere() {
        LOG.info("Workspace {} was changed by another process", file);
        try {
            onChangedElsewhere.run();
        } catch (RuntimeException e) {
            LOG.warn("Reacting to a change of {} failed", file, e);
        }
    }

    @Override
    public void close() {
        closed = true;
        watch.cancel(false);
        synchronized (this) {
            if (pendingRelease != null) pendingRelease.cancel(false);
            if (primary != null) {
                try {
                    primary.close();
                } catch (SQLException e) {
                    throw new WorkspaceException("Closing workspace " + file + " failed: " + e.getMessage(), e);
                } finally {
                    primary = null;
                }
            }
        }
    }

    boolean closed() {
        return closed;
    }

    /** What tells one state of the file from another: its size and modification time, and its write-ahead log's. */
    record Stamp(long size, long modified, long walSize, long walModified) {
        static Stamp of(Path file) {
            Path wal = file.resolveSibling(file.getFileName() + ".wal");
            return new Stamp(size(file), modified(file), size(wal), modified(wal));
        }

        private static long size(Path p) {
            try {
                return Files.size(p);
            } catch (IOException e) {
                return -1;
            }
        }

        private static long modified(Path p) {
            try {
                return Files.getLastModifiedTime(p).to(TimeUnit.MICROSECONDS);
            } catch (IOException e) {
                return -1;
            }
        }
    }
}
