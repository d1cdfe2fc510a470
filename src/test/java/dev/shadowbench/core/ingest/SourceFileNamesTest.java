package dev.shadowbench.core.ingest;

import static dev.shadowbench.core.ingest.IngestFixtures.rows;
import static dev.shadowbench.core.ingest.IngestFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.shadowbench.core.BadInputException;
import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Workspace;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A file is read as exactly itself whatever its name holds; a pattern is a pattern only when the user typed one. */
class SourceFileNamesTest {
    @TempDir
    Path dir;

    Workspace ws;

    @BeforeEach
    void open() {
        ws = Workspace.inMemory();
    }

    @AfterEach
    void close() {
        ws.close();
    }

    private ImportReport run(String variant, Path... paths) {
        return new LogImporter(ws).run(ImportRequest.predictions(List.of(paths), variant), ProgressSink.NONE);
    }

    /** One prediction whose id says which file it came from. */
    private static String line(String id) {
        return "{\"request_id\":\"" + id + "\",\"prediction\":1}\n";
    }

    private List<String> ids() throws Exception {
        List<String> out = new ArrayList<>();
        for (List<String> r : rows(ws, "SELECT request_id FROM predictions ORDER BY 1")) out.add(r.get(0));
        return out;
    }

    /** Names holding each glob character, each beside a decoy the name would match as a pattern. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "live[1].jsonl|live1.jsonl",
                "shadow*.jsonl|shadowX.jsonl",
                "q?.jsonl|qa.jsonl",
                "c{x,y}.jsonl|cx.jsonl",
                "[!a]b.jsonl|cb.jsonl",
                "a]b.jsonl|ab.jsonl",
                "x**.jsonl|xyz.jsonl",
                "my logs [v2]/live.jsonl|my logs 2/live.jsonl",
                "d*/live.jsonl|dd/live.jsonl",
                "e[1]/f[2].csv|e1/f2.csv",
                "p[1].parquet|p1.parquet"
            })
    void aFileIsReadAsItselfWhenGivenAndInsideAFolder(String names) throws Exception {
        String[] n = names.split("\\|");
        Path real = dir.resolve("in").resolve(n[0]);
        Path decoy = dir.resolve("in").resolve(n[1]);
        writeLog(real, "real");
        writeLog(decoy, "decoy");
        ImportReport r = run("live", real);
        assertEquals(
                List.of(1L, 1L, 0L, 0L), List.of(r.linesRead(), r.rowsImported(), r.rowsQuarantined(), r.linesBlank()));
        assertEquals(List.of("real"), ids());
        assertEquals(
                real.toAbsolutePath().toString(),
                rows(ws, "SELECT path FROM import_files").get(0).get(0));
        // inside a folder both are found, each read as itself
        Workspace first = ws;
        ws = Workspace.inMemory();
        first.close();
        r = run("live", dir.resolve("in"));
        assertEquals(
                List.of(2L, 2L, 0L, 0L), List.of(r.linesRead(), r.rowsImported(), r.rowsQuarantined(), r.linesBlank()));
        assertEquals(List.of("decoy", "real"), ids());
    }

    private void writeLog(Path file, String id) throws Exception {
        String name = file.getFileName().toString();
        if (name.endsWith(".csv")) {
            write(file, "request_id,prediction\n" + id + ",1\n");
        } else if (name.endsWith(".parquet")) {
            Files.createDirectories(file.getParent());
            Path tmp = dir.resolve("tmp-" + id + ".parquet");
            IngestFixtures.exec(
                    ws,
                    "COPY (SELECT '" + id + "' AS request_id, 1.0 AS prediction) TO '" + tmp + "' (FORMAT parquet)");
            Files.move(tmp, file);
        } else {
            write(file, line(id));
        }
    }

    @Test
    void aTypedPatternIsAPatternAndItsLiteralFoldersAreFolders() throws Exception {
        write(dir.resolve("logs [v2]/live-a.jsonl"), line("a"));
        write(dir.resolve("logs [v2]/live-b.jsonl"), line("b"));
        write(dir.resolve("logs [v2]/other.jsonl"), line("o"));
        write(dir.resolve("logs 2/live-c.jsonl"), line("c"));
        run(null, Path.of(dir.resolve("logs [v2]") + File.separator + "live-*.jsonl"));
        assertEquals(List.of("a", "b"), ids());
        BadInputException e = assertThrows(BadInputException.class, () -> run(null, dir.resolve("nothing-*.jsonl")));
        assertTrue(e.getMessage().contains("no file matches"), e.getMessage());
    }

    @Test
    void aFifoOrADeviceIsNamedForWhatItIs() throws Exception {
        assumeTrue(File.separatorChar == '/' && Files.exists(Path.of("/dev/zero")));
        BadInputException e = assertThrows(BadInputException.class, () -> run("live", Path.of("/dev/zero")));
        assertEquals(
                "not a regular file: /dev/zero is a character device; give a log file or a folder", e.getMessage());
        Path fifo = dir.resolve("live.jsonl");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(p.waitFor() == 0);
        e = assertThrows(BadInputException.class, () -> run("live", fifo));
        assertEquals(
                "not a regular file: " + fifo + " is a FIFO (named pipe); give a log file or a folder", e.getMessage());
        assertEquals(0, IngestFixtures.scalar(ws, "SELECT count(*) FROM imports"));
    }
}
