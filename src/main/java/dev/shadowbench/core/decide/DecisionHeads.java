package dev.shadowbench.core.decide;

import dev.shadowbench.core.workspace.AppHome;
import dev.shadowbench.core.workspace.OutputFile;
import dev.shadowbench.core.workspace.WorkspaceException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The decision log's head kept outside the workspace, in the settings folder ({@code decision-heads/<workspace id>.properties}),
 * so erasing or cutting short the log inside the file (rows and the stored head together) is still detected. A write
 * first records the new head as {@code pending} beside the confirmed one, then (after the workspace committed) as the
 * confirmed head: a crash between the two leaves a state that still verifies.
 */
public final class DecisionHeads {
    private final Path dir;

    public DecisionHeads(Path dir) {
        this.dir = dir;
    }

    /** The heads in the settings folder of this user ({@code -Dshadowbench.home} moves it). */
    public static DecisionHeads fromSystem() {
        return new DecisionHeads(AppHome.fromSystem().dir().resolve("decision-heads"));
    }

    public Path dir() {
        return dir;
    }

    /** The file holding one workspace's head; {@code id} must be {@link dev.shadowbench.core.workspace.WorkspaceId#wellFormed}. */
    public Path file(String id) {
        return dir.resolve(id + ".properties");
    }

    /** One stored head: the confirmed one, the pending one (or null), the workspace file it was written for. */
    public record Stored(Path file, Head confirmed, Head pending, String workspace) {
        /** True when the log's last record is one of the two heads. */
        public boolean matches(Head last) {
            return last.equals(confirmed) || last.equals(pending);
        }
    }

    /** What reading a head file found. Exactly one of stored and problem is set, or neither when there is no file. */
    public record Lookup(Stored stored, String problem) {}

    public Lookup read(String id) {
        return read(file(id));
    }

    private Lookup read(Path f) {
        if (!Files.isRegularFile(f)) return new Lookup(null, null);
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(f)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return new Lookup(null, "the decision log head kept in " + f + " cannot be read: " + e.getMessage());
        }
        try {
            Head confirmed = Head.parse(p.getProperty("head"), "head in " + f);
            String pend = p.getProperty("pending");
            Head pending = pend == null || pend.isBlank() ? null : Head.parse(pend, "pending head in " + f);
            return new Lookup(new Stored(f, confirmed, pending, p.getProperty("workspace")), null);
        } catch (Head.MalformedHeadException e) {
            return new Lookup(null, e.getMessage());
        }
    }

    /** Every stored head recorded for {@code workspaceFile}, whatever its id (finds a log whose id was erased too). */
    public List<Stored> forWorkspaceFile(String workspaceFile) {
        List<Stored> out = new ArrayList<>();
        if (workspaceFile == null || !Files.isDirectory(dir)) return out;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>)
                    files.filter(q -> q.getFileName().toString().endsWith(".properties"))::iterator) {
                Stored s = read(f).stored();
                if (s != null && workspaceFile.equals(s.workspace())) out.add(s);
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    /** Records {@code pending} as about to be written (before the workspace commits); throws when it cannot. */
    void writePending(String id, String workspaceFile, Head confirmed, Head pending) {
        write(id, workspaceFile, confirmed, pending);
    }

    /** Records {@code head} as the confirmed head (after the workspace committed). */
    void writeConfirmed(String id, String workspaceFile, Head head) {
        write(id, workspaceFile, head, null);
    }

    private void write(String id, String workspaceFile, Head confirmed, Head pending) {
        Properties p = new Properties();
        p.setProperty("head", confirmed.text());
        if (pending != null) p.setProperty("pending", pending.text());
        if (workspaceFile != null) p.setProperty("workspace", workspaceFile);
        try {
            OutputFile.write(file(id), null, out -> p.store(out, "Shadowbench decision log head of workspace " + id));
        } catch (RuntimeException e) {
            throw new WorkspaceException(
                    "Cannot keep the decision log head in " + dir + " (" + e.getMessage()
                            + "); nothing was recorded. Make the settings folder writable and try again.",
                    e);
        }
    }
}
