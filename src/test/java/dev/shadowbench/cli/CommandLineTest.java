package dev.shadowbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CommandLineTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        CommandLine cl = ShadowbenchCommand.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void versionAndHelpExitZero() {
        Run v = run("--version");
        assertEquals(0, v.code());
        assertTrue(v.out().matches("Shadowbench \\S+\\s*"), v.out());
        Run h = run("--help");
        assertEquals(0, h.code());
        assertTrue(h.out().contains("generate"), h.out());
    }

    @Test
    void badUsageExitsTwoAndSaysWhat() {
        Run r = run("generate", "--requests", "ten", "-o", dir.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--requests"), r.err());
        Run z = run("generate", "--requests", "0", "-o", dir.toString());
        assertEquals(2, z.code());
        assertTrue(z.err().contains("at least 1"), z.err());
    }

    @Test
    void generateWritesTheLayout() {
        Run r = run("generate", "-o", dir.toString(), "--requests", "100", "--days", "2", "--gzip");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.isRegularFile(dir.resolve("2026-11-20/live.jsonl.gz")));
        assertTrue(Files.isRegularFile(dir.resolve("2026-11-21/shadow.jsonl.gz")));
        assertTrue(Files.isRegularFile(dir.resolve("2026-11-21/labels.csv")));
    }

    @Test
    void launcherSendsWorkspacePathsToTheWindowAndSubcommandsToTheCli() {
        assertTrue(dev.shadowbench.MainAccess.opensWindow());
        assertTrue(dev.shadowbench.MainAccess.opensWindow("payments.duckdb"));
        assertTrue(!dev.shadowbench.MainAccess.opensWindow("--version"));
        assertTrue(!dev.shadowbench.MainAccess.opensWindow("generate"));
        assertTrue(!dev.shadowbench.MainAccess.opensWindow("sumary"), "a typo goes to the command line, which says so");
    }
}
