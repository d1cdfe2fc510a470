package dev.shadowbench.core.workspace;

import dev.shadowbench.core.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Locale;

/**
 * The one way Shadowbench writes a file the user named (reports, sample CSVs, settings): never over a folder,
 * the open workspace or any other DuckDB database (or its write-ahead log), always into a temp file beside the
 * target that is moved into place atomically, so a failure (full disk, kill -9) leaves the old file or none, never
 * half of one, and no partial file behind.
 */
public final class OutputFile {
    /** A DuckDB database file carries "DUCK" at byte 8 of its header, whatever it is called. */
    private static final byte[] DUCKDB_MAGIC = "DUCK".getBytes(StandardCharsets.US_ASCII);

    private static final int MAGIC_OFFSET = 8;

    private OutputFile() {}

    /** Writes the target's content; the stream is the temp file's. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code target} atomically after {@link #check}; {@code openWorkspace} (null for none) is the workspace
     * the command has open. Any failure is a {@link BadInputException} naming the file and the cause.
     */
    public static Path write(Path target, Path openWorkspace, Content content) {
        Path abs = check(target, openWorkspace);
        Path tmp = null;
        try {
            Files.createDirectories(abs.getParent());
            tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName() + ".", ".partial");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                content.writeTo(out);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            return abs;
        } catch (IOException e) {
            throw new BadInputException("Cannot write " + abs + ": " + WorkspaceErrors.ioReason(e), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the original failure is what the user needs to see
                }
            }
        }
    }

    /** Refuses a target that is a folder, the open workspace, a DuckDB database or a DuckDB WAL; returns its absolute path. */
    public static Path check(Path target, Path openWorkspace) {
        if (target == null || target.toString().isBlank()) throw new BadInputException("No output file given");
        Path abs = target.toAbsolutePath().normalize();
        if (Files.isDirectory(abs)) {
            throw new BadInputException(
                    abs + " is a folder: give a file name to write (e.g. " + abs.resolve("report.html") + ")");
        }
        if (openWorkspace != null && (sameFile(abs, openWorkspace) || sameFile(abs, wal(openWorkspace)))) {
            throw new BadInputException("Refusing to write over the open workspace " + openWorkspace.toAbsolutePath()
                    + ": give another output file");
        }
        if (isDuckDb(abs)) {
            throw new BadInputException("Refusing to write over " + abs + ": it is a DuckDB database (a workspace?). "
                    + "Give another output file");
        }
        String name = abs.getFileName().toString();
        if (name.toLowerCase(Locale.ROOT).endsWith(".wal")) {
            Path db = abs.resolveSibling(name.substring(0, name.length() - 4));
            if (isDuckDb(db)) {
                throw new BadInputException(
                        "Refusing to write over " + abs + ": it is the write-ahead log of the DuckDB " + "database "
                                + db + ". Give another output file");
            }
        }
        return abs;
    }

    /** True when {@code file} is a regular file starting with DuckDB's header, whatever its name. */
    public static boolean isDuckDb(Path file) {
        if (!Files.isRegularFile(file)) return false;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(MAGIC_OFFSET + DUCKDB_MAGIC.length);
            return head.length == MAGIC_OFFSET + DUCKDB_MAGIC.length
                    && Arrays.equals(head, MAGIC_OFFSET, head.length, DUCKDB_MAGIC, 0, DUCKDB_MAGIC.length);
        } catch (IOException e) {
            return false; // unreadable: the write itself will report why
        }
    }

    static Path wal(Path workspace) {
        return workspace.resolveSibling(workspace.getFileName() + ".wal");
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            if (Files.exists(a) && Files.exists(b)) return Files.isSameFile(a, b);
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())
                    || (Files.exists(b, LinkOption.NOFOLLOW_LINKS)
                            && a.toAbsolutePath()
                                    .normalize()
                                    .equals(b.toRealPath().normalize()));
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }
}
