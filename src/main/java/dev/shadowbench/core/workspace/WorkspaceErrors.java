package dev.shadowbench.core.workspace;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Turns DuckDB's and the file system's errors about a workspace into what the user can do about them, by the
 * error DuckDB actually reports (its phrases, as of duckdb_jdbc 2.0, quoted below), never by a word that could
 * also appear inside another one ("lock" is in "block").
 */
public final class WorkspaceErrors {
    /** What went wrong, in the user's terms. */
    public enum Cause {
        /** Another process holds the file: "IO Error: Could not set lock on file ...: Conflicting lock is held in ...". */
        LOCKED,
        /** "Data Corruption Error: Corrupt database file: computed checksum ... in block at location N", or not DuckDB at all. */
        CORRUPT,
        /** "Could not write file \"X.wal\": No space left on device" (ENOSPC), or "Disk full". */
        DISK_FULL,
        /** "Cannot open file \"X.wal\": Read-only file system", "Permission denied", or a read-only connection. */
        NOT_WRITABLE,
        /** Anything else: an internal error. */
        OTHER
    }

    private WorkspaceErrors() {}

    /** The cause of {@code e}, looking through its causes and suppressed exceptions. */
    public static Cause classify(Throwable e) {
        Set<Throwable> seen = new HashSet<>();
        return classify(e, seen);
    }

    private static Cause classify(Throwable e, Set<Throwable> seen) {
        if (e == null || !seen.add(e)) return Cause.OTHER;
        Cause own = classifyMessage(e.getMessage());
        if (own == Cause.OTHER && e instanceof AccessDeniedException) own = Cause.NOT_WRITABLE;
        if (own != Cause.OTHER) return own;
        for (Throwable s : e.getSuppressed()) {
            Cause c = classify(s, seen);
            if (c != Cause.OTHER) return c;
        }
        return classify(e.getCause(), seen);
    }

    /** The cause named by one error message (DuckDB's or the operating system's). */
    public static Cause classifyMessage(String message) {
        if (message == null) return Cause.OTHER;
        String m = message.toLowerCase(Locale.ROOT);
        if (m.contains("could not set lock on file") || m.contains("conflicting lock is held")) return Cause.LOCKED;
        if (m.contains("no space left on device") || m.contains("disk full") || m.contains("disk quota exceeded"))
            return Cause.DISK_FULL;
        if (m.contains("read-only file system")
                || m.contains("permission denied")
                || m.contains("attached in read-only mode")
                || m.contains("read-only mode")) return Cause.NOT_WRITABLE;
        if (m.contains("data corruption error")
                || m.contains("corrupt database file")
                || m.contains("not a valid duckdb database file")) return Cause.CORRUPT;
        return Cause.OTHER;
    }

    /**
     * A {@link WorkspaceException} saying what happened to {@code file} and what to do, or null when the cause is not
     * one the user can act on (an internal error). {@code file} may be null (DuckDB's own text names it).
     */
    public static WorkspaceException explain(Object file, Throwable e) {
        String detail = rootMessage(e);
        String ws = file == null ? "The workspace" : "Workspace " + file;
        return switch (classify(e)) {
            case LOCKED ->
                new WorkspaceException(
                        ws + " is open in another Shadowbench window or process. " + "Close it there first. (" + detail
                                + ")",
                        e);
            case CORRUPT ->
                new WorkspaceException(
                        ws + " is damaged and cannot be read: " + detail
                                + ". Restore it from a backup (nothing was changed).",
                        e);
            case DISK_FULL ->
                new WorkspaceException(
                        "No space left on the disk holding " + (file == null ? "the workspace" : file) + ": " + detail
                                + ". Free some space and run it again; the last complete state of the workspace is kept.",
                        e);
            case NOT_WRITABLE ->
                new WorkspaceException(
                        ws + " (or its folder) is not writable: " + detail
                                + ". `decisions --verify` and `decisions --json` read a read-only workspace; summary, sample, report and "
                                + "decide store the comparison's pairing or the decision in it, so make the file and its folder writable "
                                + "or copy the workspace somewhere writable.",
                        e);
            case OTHER -> null;
        };
    }

    /** The innermost message that says something (DuckDB's own text). */
    static String rootMessage(Throwable e) {
        String best = e.getMessage();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) best = t.getMessage();
        }
        return best == null ? e.toString() : best;
    }

    /** A readable reason for a failed file operation ("No space left on device", "Permission denied"). */
    public static String ioReason(IOException e) {
        if (e instanceof FileSystemException fse && fse.getReason() != null) return fse.getReason();
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
