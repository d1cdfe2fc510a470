package dev.shadowbench.core.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window and the command line share one workspace file (issue 20, item 11): DuckDB lets one process hold a file,
 * so the window lets go of it when idle and each side waits for the other. The other process is a real one (a forked
 * JVM running the command line), since DuckDB's lock is per process.
 */
class SharedWorkspaceTest {
    @TempDir
    Path dir;

    private Path file;

    @BeforeEach
    void shortLinger() {
        System.setProperty(SharedFile.LINGER_PROPERTY, "100");
        file = dir.resolve("ws.duckdb");
    }

    @AfterEach
    void restore() {
        System.clearProperty(SharedFile.LINGER_PROPERTY);
    }

    @Test
    void theWindowLetsGoWhenIdleSoACommandImportsAndTheWindowSeesIt() throws Exception {
        Path log = Files.writeString(
                dir.resolve("live.jsonl"),
                "{\"request_id\":\"a\",\"prediction\":1.5,\"variant\":\"live\"}\n"
                        + "{\"request_id\":\"b\",\"prediction\":2.5,\"variant\":\"live\"}\n");
        try (Workspace ws = Workspace.openShared(file)) {
            CountDownLatch changed = new CountDownLatch(1);
            ws.onChangedElsewhere(changed::countDown);
            assertEquals(0L, rows(ws));
            awaitLetGo(ws);

            Forked cli = fork(
                    List.of("-D" + LockWait.PROPERTY + "=0"), "import", "-q", "-w", file.toString(), log.toString());
            assertEquals(0, cli.code(), cli.output());

            // noticed while idle (the window looks every few seconds), before any task reads
            assertTrue(changed.await(20, TimeUnit.SECONDS), "the window did not notice the command's import");
            assertEquals(2L, rows(ws));
        }
    }

    @Test
    void aCommandWaitsWhileTheWindowWorksAndSaysSo() throws Exception {
        Path log = Files.writeString(
                dir.resolve("live.jsonl"), "{\"request_id\":\"a\",\"prediction\":1.5,\"variant\":\"live\"}\n");
        try (Workspace ws = Workspace.openShared(file)) {
            Connection working = ws.connect(); // a task of the window still running
            Process p = start(
                    List.of("-D" + LockWait.PROPERTY + "=60"), "import", "-q", "-w", file.toString(), log.toString());
            String waiting = firstLine(p);
            assertTrue(waiting.contains("Waiting for workspace") && waiting.contains("ws.duckdb"), waiting);
            working.close();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the command did not get the file after the window let go");
            assertEquals(0, p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            assertEquals(1L, rows(ws));
        }
    }

    @Test
    void aCommandThatMayNotWaitSaysWhoHoldsTheFile() throws Exception {
        Path log = Files.writeString(
                dir.resolve("live.jsonl"), "{\"request_id\":\"a\",\"prediction\":1.5,\"variant\":\"live\"}\n");
        try (Workspace ws = Workspace.openShared(file);
                Connection working = ws.connect()) {
            Forked cli = fork(
                    List.of("-D" + LockWait.PROPERTY + "=0"), "import", "-q", "-w", file.toString(), log.toString());
            assertEquals(2, cli.code(), cli.output());
            assertTrue(cli.output().contains("is in use by another Shadowbench window or command"), cli.output());
            assertFalse(cli.output().contains("Exception"), cli.output());
        }
    }

    @Test
    void theWindowWaitsForACommandAndThenReadsWhatItWrote() throws Exception {
        try (Workspace created = Workspace.open(file)) {
            created.read(c -> c.createStatement().execute("CREATE TABLE marker(x INTEGER)"));
        }
        try (Workspace ws = Workspace.openShared(file)) {
            List<String> notices = new CopyOnWriteArrayList<>();
            ws.onLockWait(notices::add);
            CountDownLatch changed = new CountDownLatch(1);
            ws.onChangedElsewhere(changed::countDown);
            awaitLetGo(ws);
            Process holder = start(List.of(), HoldWorkspace.class.getName(), file.toString(), "1500");
            assertEquals("held", firstLine(holder));
            long rows = ws.read(c -> {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM marker")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, holder.exitValue());
            assertEquals(1L, rows, "the row the other process wrote while it held the file");
            assertEquals(1, notices.size(), notices.toString());
            assertTrue(notices.get(0).startsWith("Waiting for workspace"), notices.get(0));
            assertTrue(changed.await(10, TimeUnit.SECONDS));
        }
    }

    private static long rows(Workspace ws) {
        return ws.read(c -> {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM predictions")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Waits until the shared workspace has let go of its file (a guard, not a timing assertion). */
    private static void awaitLetGo(Workspace ws) throws InterruptedException {
        for (int i = 0; i < 200 && ws.holdsFile(); i++) Thread.sleep(50);
        assertFalse(ws.holdsFile(), "the window still holds the file after its last task");
    }

    private record Forked(int code, String output) {}

    private Forked fork(List<String> jvmArgs, String... args) throws Exception {
        Process p = start(jvmArgs, args);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "the forked command did not finish");
        return new Forked(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    /** The command line ({@code dev.shadowbench.Main ARGS}) or a main class given as the first argument. */
    private Process start(List<String> jvmArgs, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-Dshadowbench.home=" + dir.resolve("home"),
                "-cp",
                System.getProperty("java.class.path")));
        cmd.addAll(jvmArgs);
        if (!args[0].contains(".")) cmd.add("dev.shadowbench.Main");
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    private static String firstLine(Process p) throws Exception {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = r.readLine();
        return line == null ? "" : line;
    }

    /** Another process holding the workspace for a while: writes a row, says "held", waits, lets go. */
    public static final class HoldWorkspace {
        public static void main(String[] args) throws Exception {
            try (Workspace ws = Workspace.open(Path.of(args[0]))) {
                ws.read(c -> c.createStatement().execute("INSERT INTO marker VALUES (1)"));
                System.out.println("held");
                System.out.flush();
                Thread.sleep(Long.parseLong(args[1]));
            }
        }
    }
}
