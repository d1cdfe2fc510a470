package dev.shadowbench.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The desk, run as its users run it: {@code java -jar shadowbench.jar ...} in a child process (its Jackson and DuckDB
 * stay out of Spark's class path). The jar is the one the root build packaged ({@code -Ddesk.jar}).
 */
final class Desk {
    private Desk() {}

    static Path jar() {
        return Path.of(System.getProperty("desk.jar", "../../target/shadowbench.jar"));
    }

    static boolean available() {
        return Files.isRegularFile(jar());
    }

    /** Runs a desk command; returns its standard output, failing the test on a non-zero exit. */
    static String run(Path workDir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "-Dshadowbench.home=" + workDir.resolve("desk-home"),
                "-jar",
                jar().toAbsolutePath().toString()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(workDir, "desk", ".out"), err = Files.createTempFile(workDir, "desk", ".err");
        Process p = new ProcessBuilder(cmd)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("desk " + args[0] + " did not finish");
        }
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), () -> "desk " + String.join(" ", args) + " failed: " + read(err));
        return stdout;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** {@code summary --json} of a workspace. */
    static JsonNode summary(Path workDir, Path ws, String... more) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("summary", "-w", ws.toString(), "--json"));
        args.addAll(List.of(more));
        return new ObjectMapper().readTree(run(workDir, args.toArray(new String[0])));
    }

    /** Every file under {@code dir} whose name ends with {@code suffix}, sorted. */
    static List<String> files(Path dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(f -> f.getFileName().toString().endsWith(suffix))
                    .map(Path::toString)
                    .sorted()
                    .toList();
        }
    }

    /** Whether this desk jar reads extracts ({@code import --extract}, issue 18's desk side). */
    static boolean readsExtracts(Path workDir) throws IOException, InterruptedException {
        return run(workDir, "import", "--help").contains("--extract");
    }
}
