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

class ImportCommandTest {
    @TempDir
    Path dir;

    record Result(int code, String out, String err) {}

    Result run(String... args) {
        CommandLine cl = ShadowbenchCommand.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void importsWithAMappingFileAndPrintsTheAccounting() throws Exception {
        Path log = Files.writeString(dir.resolve("day.csv"), "rid,out\n1,0.5\n\n2,oops,extra\n3,0.7\n");
        Path mapping = Files.writeString(dir.resolve("m.json"), "{\"request_id\":\"rid\",\"prediction\":\"out\"}");
        Path ws = dir.resolve("ws.duckdb");
        Result r = run(
                "import",
                "-q",
                "-w",
                ws.toString(),
                "--variant",
                "shadow",
                "--mapping",
                mapping.toString(),
                log.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(
                "1 file(s), 4 line(s) read: 2 imported, 1 quarantined, 1 blank",
                r.out().strip());
        Result again = run(
                "import",
                "-q",
                "-w",
                ws.toString(),
                "--variant",
                "shadow",
                "--mapping",
                mapping.toString(),
                log.toString());
        assertTrue(
                again.out().contains("0 imported") && again.out().contains("1 file(s) already imported"), again.out());
    }

    @Test
    void badInputExitsWithTwoAndNamesTheFile() throws Exception {
        Path log = Files.writeString(dir.resolve("live.csv"), "request_id,colour\n1,red\n");
        Result r = run("import", "-q", "-w", dir.resolve("ws.duckdb").toString(), log.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("live.csv") && r.err().contains("no prediction column"), r.err());
        Result badFormat =
                run("import", "-q", "-w", dir.resolve("ws.duckdb").toString(), "--format", "xml", log.toString());
        assertEquals(2, badFormat.code());
        assertTrue(badFormat.err().contains("Unknown format 'xml'"), badFormat.err());
    }
}
