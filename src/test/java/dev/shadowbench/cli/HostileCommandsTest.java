package dev.shadowbench.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shadowbench.core.workspace.Workspace;
import dev.shadowbench.ui.DecisionsFixture;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile use of the command line (issue 19, cases 2, 4, 7 and 8): each drives the real entry point in-process and
 * checks the exit code, the message, and that the workspace and its decision log are intact afterwards.
 */
class HostileCommandsTest {
    @TempDir
    static Path template;

    private static long predictions;
    private static String home;

    @TempDir
    Path dir;

    private Path ws;
    private String out;
    private String err;

    /** One workspace with three decisions, built once; each test works on its own copy and its own settings folder. */
    @BeforeAll
    static void build() throws Exception {
        home = System.getProperty("shadowbench.home");
        System.setProperty("shadowbench.home", template.resolve("home").toString());
        Path file = DecisionsFixture.workspace(template);
        HostileCommandsTest t = new HostileCommandsTest();
        for (String[] d :
                List.of(new String[] {"hold", "ana", "one"}, new String[] {"hold", "bo", "two"}, new String[] {
                    "advance", "ana", "three"
                })) {
            assertEquals(
                    0,
                    t.run("decide", "-w", file.toString(), "--decision", d[0], "--reviewer", d[1], "--note", d[2]),
                    t.err);
        }
        predictions = t.count(file, "SELECT count(*) FROM predictions");
    }

    @AfterAll
    static void restoreHome() {
        if (home == null) System.clearProperty("shadowbench.home");
        else System.setProperty("shadowbench.home", home);
    }

    @BeforeEach
    void copy() throws Exception {
        ws = dir.resolve("ws.duckdb");
        Files.copy(template.resolve("ws.duckdb"), ws);
        Path heads = Files.createDirectories(dir.resolve("home/decision-heads"));
        Path kept = template.resolve("home/decision-heads");
        if (Files.isDirectory(kept)) {
            try (Stream<Path> files = Files.list(kept)) {
                for (Path f : files.toList()) Files.copy(f, heads.resolve(f.getFileName()));
            }
        }
        System.setProperty("shadowbench.home", dir.resolve("home").toString());
    }

    int run(String... args) {
        CliRun.Result r = CliRun.run(args);
        out = r.out();
        err = r.err();
        return r.code();
    }

    private long count(Path file, String sql) throws Exception {
        try (Workspace w = Workspace.open(file);
                Connection c = w.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void sql(String sql) throws Exception {
        try (Workspace w = Workspace.open(ws);
                Connection c = w.connect();
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** The workspace still holds its rows and an intact log of three decisions. */
    private void assertIntact() throws Exception {
        assertEquals(predictions, count(ws, "SELECT count(*) FROM predictions"));
        assertEquals(3, count(ws, "SELECT count(*) FROM decisions"));
        assertEquals(0, run("decisions", "-w", ws.toString(), "--verify"), out + err);
        assertTrue(out.contains("3 record(s), chain intact"), out);
    }

    private void assertNoPartials() throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            assertEquals(
                    List.of(),
                    files.filter(f -> f.getFileName().toString().contains("partial"))
                            .toList());
        }
    }

    // ---- case 2: no command writes over a workspace, a DuckDB file or a folder ----

    @Test
    void reportOverTheOpenWorkspaceIsRefused() throws Exception {
        byte[] before = Files.readAllBytes(ws);
        assertEquals(2, run("report", "-w", ws.toString(), "-o", ws.toString()));
        assertTrue(err.contains("Refusing to write over the open workspace"), err);
        assertArrayEquals(before, Files.readAllBytes(ws), "before the fix the report replaced the workspace (exit 0)");
        // the same file under another spelling, and its write-ahead log
        assertEquals(
                2,
                run(
                        "report",
                        "-w",
                        ws.toString(),
                        "-o",
                        dir.resolve("logs/../ws.duckdb").toString()));
        assertEquals(2, run("report", "-w", ws.toString(), "-o", ws + ".wal"));
        assertIntact();
        assertNoPartials();
    }

    @Test
    void sampleCsvOverTheOpenWorkspaceIsRefused() throws Exception {
        assertEquals(2, run("sample", "-w", ws.toString(), "--size", "5", "--csv", ws.toString()));
        assertTrue(err.contains("Refusing to write over the open workspace"), err);
        assertIntact();
    }

    @Test
    void anotherWorkspaceIsRecognisedByItsContentNotItsName() throws Exception {
        Path other = dir.resolve("other-notes.txt");
        Files.copy(ws, other);
        byte[] before = Files.readAllBytes(other);
        assertEquals(2, run("report", "-w", ws.toString(), "--format", "md", "-o", other.toString()));
        assertTrue(err.contains("it is a DuckDB database"), err);
        assertEquals(2, run("sample", "-w", ws.toString(), "--size", "5", "--csv", other.toString()));
        assertArrayEquals(before, Files.readAllBytes(other));
        assertIntact();
    }

    @Test
    void aFolderAsOutputIsBadInputAndLeavesNoPartialFile() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("reports"));
        assertEquals(2, run("report", "-w", ws.toString(), "-o", folder.toString()));
        assertTrue(err.contains("is a folder"), err);
        assertFalse(err.contains("\tat "), "no stack trace: " + err);
        assertFalse(
                Files.exists(dir.resolve("reports.partial")),
                "before the fix: exit 1, stack trace, reports.partial left");
        assertEquals(2, run("sample", "-w", ws.toString(), "--size", "5", "--csv", folder.toString()));
        assertNoPartials();
        assertIntact();
    }

    // ---- case 4: tampering cannot be laundered ----

    @Test
    void decideRefusesToExtendALogWhoseLatestRecordWasRemoved() throws Exception {
        sql("DELETE FROM decisions WHERE seq = 3");
        assertEquals(3, run("decide", "-w", ws.toString(), "--decision", "promote", "--reviewer", "mallory"));
        assertTrue(err.contains("NOT recorded") && err.contains("seq 3 is missing"), err);
        assertEquals(2, count(ws, "SELECT count(*) FROM decisions"), "before the fix the decide re-used seq 3 ...");
        assertEquals(3, run("decisions", "-w", ws.toString(), "--verify"), "... and verify said 'chain intact'");
    }

    @Test
    void anErasedLogIsNotAnEmptyOne() throws Exception {
        sql("DELETE FROM decisions");
        sql("DELETE FROM settings WHERE key = 'decisions.head'");
        assertEquals(
                3, run("decisions", "-w", ws.toString(), "--verify"), "before the fix: 'Decision log empty', exit 0");
        assertTrue(out.contains("TAMPERED") && out.contains("seq 1 removed"), out);
        assertEquals(3, run("decide", "-w", ws.toString(), "--decision", "hold", "--reviewer", "mallory"));
    }

    @Test
    void aMalformedHeadExitsThreeNamingTheProblem() throws Exception {
        sql("UPDATE settings SET value = 'x' WHERE key = 'decisions.head'");
        assertEquals(3, run("decisions", "-w", ws.toString(), "--verify"));
        assertTrue(out.contains("malformed: 'x'"), out);
        assertFalse((out + err).contains("Exception"), out + err);
        assertEquals(3, run("decide", "-w", ws.toString(), "--decision", "hold", "--reviewer", "ana"));
        assertTrue(err.contains("malformed"), err);
    }

    // ---- case 7: messages that name the real cause ----

    @Test
    void aCorruptBlockIsReportedAsDamageNotAsALock() throws Exception {
        Path broken = dir.resolve("broken.duckdb");
        Files.copy(ws, broken);
        Random rnd = new Random(19);
        try (RandomAccessFile f = new RandomAccessFile(broken.toFile(), "rw")) {
            // every block after the two headers: whichever DuckDB reads first fails its checksum
            for (long off = 12288; off < f.length(); off += 262144) {
                byte[] noise = new byte[200_000];
                rnd.nextBytes(noise);
                f.seek(off);
                f.write(noise);
            }
        }
        assertEquals(2, run("decisions", "-w", broken.toString(), "--verify"));
        assertTrue(err.contains("is damaged"), err);
        assertFalse(err.contains("another Shadowbench window"), "before the fix 'block' matched 'lock': " + err);
        assertEquals(2, run("summary", "-w", broken.toString(), "--json"));
        assertTrue(err.contains("is damaged"), err);
    }

    @Test
    void aFileThatIsNotADatabaseSaysSo() throws Exception {
        Path notDb = dir.resolve("notes.duckdb");
        Files.writeString(notDb, "not a database, just some text that is long enough");
        assertEquals(2, run("decisions", "-w", notDb.toString(), "--verify"));
        assertTrue(err.contains("is damaged") && err.contains("not a valid DuckDB database"), err);
    }

    // ---- case 8: terminal escapes, read-only reading ----

    @Test
    void escapeSequencesInReviewerAndNoteNeverReachTheTerminal() throws Exception {
        String evil = "\u001b[2J\u001b]0;owned\u0007mallory\r\u202e";
        assertEquals(
                0,
                run(
                        "decide",
                        "-w",
                        ws.toString(),
                        "--decision",
                        "hold",
                        "--reviewer",
                        evil,
                        "--note",
                        evil + "\nfake line"));
        assertFalse(
                out.contains("\u001b") || out.contains("\u0007") || out.contains("\r") || out.contains("\u202e"), out);
        assertTrue(out.contains("\\e[2J"), out);
        assertEquals(0, run("decisions", "-w", ws.toString()));
        assertFalse(out.contains("\u001b") || out.contains("\r") || out.contains("\u202e"), out);
        assertEquals(4, out.strip().split("\n").length, "a newline in a note cannot forge a listing line: " + out);
    }

    @Test
    void verifyReadsTheWorkspaceReadOnly() throws Exception {
        // An in-process reader holding the file read-only: a read-write open of the same file in this process
        // fails ("different configuration"); a read-only verification shares it.
        try (Workspace reader = Workspace.openReadOnly(ws)) {
            assertTrue(reader.readOnly());
            assertEquals(
                    0,
                    run("decisions", "-w", ws.toString(), "--verify"),
                    "before the fix verify opened for writing: " + err);
            assertTrue(out.contains("chain intact"), out);
            assertEquals(0, run("decisions", "-w", ws.toString(), "--json"), err);
        }
    }

    // ---- case 7 on real file systems: a full disk and a read-only folder (needs root and tmpfs; skipped elsewhere)
    // ----

    private static boolean sh(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    private Path tmpfs(String name, String size) throws Exception {
        Path mp = Files.createDirectories(dir.resolve(name));
        Assumptions.assumeTrue(
                sh("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", mp.toString()),
                "needs permission to mount a tmpfs");
        return mp;
    }

    @Test
    void aFullDiskIsNamedAndLosesNothing() throws Exception {
        Path mp = tmpfs("full", "16m");
        try {
            Path onFull = mp.resolve("ws.duckdb");
            Files.copy(ws, onFull);
            byte[] chunk = new byte[64 * 1024];
            try (var fill = Files.newOutputStream(mp.resolve("fill"))) {
                while (true) fill.write(chunk);
            } catch (java.io.IOException full) {
                // the disk is full now
            }
            assertEquals(
                    2,
                    run("decide", "-w", onFull.toString(), "--decision", "hold", "--reviewer", "ana"),
                    "before the fix: exit 1 and a stack trace: " + err);
            assertTrue(err.contains("No space left"), err);
            assertFalse(err.contains("\tat "), err);
            assertEquals(
                    2,
                    run(
                            "report",
                            "-w",
                            ws.toString(),
                            "-o",
                            mp.resolve("r.html").toString()));
            assertTrue(err.contains("No space left on device") && err.contains("r.html"), err);
            try (Stream<Path> files = Files.list(mp)) {
                assertEquals(
                        List.of("fill", "ws.duckdb"),
                        files.map(f -> f.getFileName().toString())
                                .filter(n -> !n.endsWith(".wal"))
                                .sorted()
                                .toList(),
                        "no partial report left behind");
            }
            // an import that cannot be committed names the full disk too, and keeps what the workspace held
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < 5000; i++)
                lines.append("{\"request_id\": \"full-")
                        .append(i)
                        .append("\", \"prediction\": ")
                        .append(i)
                        .append("}\n");
            Path log = Files.writeString(dir.resolve("more-shadow.jsonl"), lines);
            assertEquals(
                    2,
                    run("import", "-w", onFull.toString(), "--variant", "shadow", log.toString()),
                    "before the fix: exit 1, 'cannot rollback - no transaction is active': " + err);
            assertTrue(err.contains("No space left"), err);
            assertFalse(err.contains("\tat "), err);
            Files.delete(mp.resolve("fill"));
            assertEquals(0, run("decisions", "-w", onFull.toString(), "--verify"), out + err);
            assertTrue(out.contains("3 record(s), chain intact"), out);
            assertEquals(
                    predictions, count(onFull, "SELECT count(*) FROM predictions"), "the failed import added nothing");
        } finally {
            sh("umount", mp.toString());
        }
    }

    @Test
    void aReadOnlyFolderStillVerifiesAndSaysWhyItCannotWrite() throws Exception {
        Path mp = tmpfs("ro", "32m");
        Path writable = dir.resolve("writable.duckdb");
        Files.copy(ws, writable);
        try {
            Path onRo = mp.resolve("ws.duckdb");
            Files.copy(ws, onRo);
            Files.writeString(mp.resolve("bound.duckdb"), "");
            Assumptions.assumeTrue(sh("mount", "-o", "remount,ro", mp.toString()), "needs permission to remount");
            assertEquals(
                    0,
                    run("decisions", "-w", onRo.toString(), "--verify"),
                    "before the fix: cannot open it at all: " + err);
            assertTrue(out.contains("3 record(s), chain intact"), out);
            assertEquals(0, run("decisions", "-w", onRo.toString(), "--json"), err);
            assertEquals(2, run("summary", "-w", onRo.toString(), "--json"));
            assertTrue(err.contains("is not writable") && err.contains("pairing"), err);
            assertEquals(2, run("decide", "-w", onRo.toString(), "--decision", "hold", "--reviewer", "ana"));
            assertTrue(err.contains("is not writable"), err);
            // a writable file in a read-only folder: DuckDB's commit cannot create the write-ahead log
            Assumptions.assumeTrue(sh(
                    "mount",
                    "--bind",
                    writable.toString(),
                    mp.resolve("bound.duckdb").toString()));
            try {
                assertEquals(
                        2,
                        run(
                                "decide",
                                "-w",
                                mp.resolve("bound.duckdb").toString(),
                                "--decision",
                                "hold",
                                "--reviewer",
                                "ana"),
                        "before the fix: exit 1 with a stack trace: " + err);
                assertTrue(err.contains("is not writable") && err.contains("Read-only file system"), err);
                assertFalse(err.contains("cannot rollback"), err);
            } finally {
                sh("umount", mp.resolve("bound.duckdb").toString());
            }
        } finally {
            sh("umount", mp.toString());
        }
    }
}
