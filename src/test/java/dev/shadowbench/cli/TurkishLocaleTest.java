package dev.shadowbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shadowbench.core.compare.Comparison;
import dev.shadowbench.core.review.PairVerdict;
import dev.shadowbench.core.review.ReviewLog;
import dev.shadowbench.core.workspace.Workspace;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line under a Turkish default locale ("I".toLowerCase() is a dotless "ı" there, and the decimal
 * separator is a comma) prints and stores exactly what it does under US English. The JVMs are forked with
 * -Duser.language/-Duser.country because the default locale is read once, at start-up.
 */
class TurkishLocaleTest {
    @TempDir
    static Path dir;

    static Pipeline tr;
    static Pipeline en;

    /** What one locale's run of the command line printed and wrote. */
    record Pipeline(Path workspace, List<String> printed, String report, List<String> logs) {
        String printed(String step) {
            return printed.get(Script.STEPS.indexOf(step));
        }
    }

    @BeforeAll
    static void runTheCommandLineUnderBothLocales() throws Exception {
        en = pipeline("en", "US");
        tr = pipeline("tr", "TR");
    }

    /** Runs {@link Script} in a new JVM with the given default locale, and reads what it wrote. */
    static Pipeline pipeline(String language, String country) throws Exception {
        Path root = Files.createDirectories(dir.resolve(language));
        Path log = root.resolve("script.txt");
        int code = fork(
                log,
                "-Duser.language=" + language,
                "-Duser.country=" + country,
                "-Dshadowbench.home=" + root.resolve("home"),
                Script.class.getName(),
                root.toString());
        assertEquals(0, code, Files.readString(log, StandardCharsets.UTF_8));
        List<String> printed = new ArrayList<>();
        for (String step : Script.STEPS) printed.add(read(root.resolve(step + ".txt")));
        Path day = root.resolve("logs/2026-11-20");
        List<String> logs = List.of(
                read(day.resolve("live.jsonl")), read(day.resolve("shadow.jsonl")), read(day.resolve("labels.csv")));
        return new Pipeline(root.resolve("ws.duckdb"), printed, read(root.resolve("report.md")), logs);
    }

    private static int fork(Path output, String... jvmArgsAndMain) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfile.encoding=UTF-8",
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path")));
        cmd.addAll(List.of(jvmArgsAndMain));
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        // A guard against a hung child, not a timing assertion.
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "the forked JVM did not finish: " + cmd);
        return p.exitValue();
    }

    private static String read(Path f) throws Exception {
        return Files.readString(f, StandardCharsets.UTF_8);
    }

    @Test
    void theForkedJvmReallyRunsUnderTheTurkishLocale() throws Exception {
        // The ground the other checks stand on: a JVM started so has a Turkish default locale.
        Path out = dir.resolve("probe.txt");
        assertEquals(0, fork(out, "-Duser.language=tr", "-Duser.country=TR", LocaleProbe.class.getName()));
        assertEquals("tr_TR ı 0,5", read(out).strip());
    }

    @Test
    void nothingPrintedOrWrittenHasADotlessI() {
        List<String> all = new ArrayList<>(tr.printed());
        all.add(tr.report());
        all.addAll(tr.logs());
        for (String s : all)
            assertFalse(s.contains("ı") || s.contains("İ"), s.length() > 3000 ? s.substring(0, 3000) : s);
    }

    @Test
    void generatedLogsAreTheSameByteForByte() {
        assertEquals(en.logs(), tr.logs());
    }

    @Test
    void summaryTextAndJsonAreTheSameAsUnderEnglish() throws Exception {
        assertEquals(en.printed("summary"), tr.printed("summary"));
        ObjectMapper mapper = new ObjectMapper();
        JsonNode j = mapper.readTree(tr.printed("summary-json"));
        assertSameJson(mapper.readTree(en.printed("summary-json")), j, "");
        assertEquals("regression", j.at("/divergence/kind").asText());
        // Outlier reasons are text with numbers in them: the numbers carry '.' as the decimal separator.
        JsonNode outliers = j.get("outliers");
        assertTrue(outliers.isArray() && !outliers.isEmpty(), tr.printed("summary-json"));
        assertTrue(outliers.toString().matches("(?s).*\\d\\.\\d.*"), outliers.toString());
    }

    /**
     * Equal trees, numbers within 1e-9 relative: DuckDB's parallel sums may add in another order from one run to
     * the next (12.353958930481284 against ...276), which is not what this test is about.
     */
    private static void assertSameJson(JsonNode expected, JsonNode actual, String path) {
        if (expected.isNumber() && actual.isNumber()) {
            double e = expected.asDouble(), a = actual.asDouble();
            assertTrue(
                    e == a || Math.abs(e - a) <= 1e-9 * Math.max(Math.abs(e), Math.abs(a)),
                    path + ": " + e + " vs " + a);
            return;
        }
        assertEquals(expected.getNodeType(), actual.getNodeType(), path);
        if (expected.isContainerNode()) {
            assertEquals(expected.size(), actual.size(), path);
            if (expected.isObject()) {
                for (var it = expected.fieldNames(); it.hasNext(); ) {
                    String k = it.next();
                    assertTrue(actual.has(k), path + "/" + k + " is missing");
                    assertSameJson(expected.get(k), actual.get(k), path + "/" + k);
                }
            } else {
                for (int i = 0; i < expected.size(); i++)
                    assertSameJson(expected.get(i), actual.get(i), path + "/" + i);
            }
        } else {
            assertEquals(expected, actual, path);
        }
    }

    @Test
    void reportAndMessagesAreTheSameAsUnderEnglishButForTimesAndPaths() {
        assertEquals(normalized(en.report()), normalized(tr.report()));
        for (String step : List.of("import", "import-labels", "report", "decide")) {
            assertEquals(normalized(en.printed(step)), normalized(tr.printed(step)), step);
        }
    }

    /** Without what differs between two runs anyway: clock times, durations, hashes, the folder. */
    private static String normalized(String s) {
        return s.replace(dir.resolve("en").toString(), "<dir>")
                .replace(dir.resolve("tr").toString(), "<dir>")
                .replaceAll("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z?", "<time>")
                .replaceAll("\\d+(\\.\\d+)? s\\b", "<secs>")
                .replaceAll("\\b[0-9a-f]{16,}\\b", "<hash>");
    }

    @Test
    void storedTextHasNoDotlessI() throws Exception {
        try (Workspace ws = Workspace.open(tr.workspace())) {
            List<String> bad = ws.read(c -> {
                List<String[]> columns = new ArrayList<>();
                try (Statement st = c.createStatement();
                        ResultSet rs = st.executeQuery("SELECT table_name, column_name FROM information_schema.columns "
                                + "WHERE data_type = 'VARCHAR' AND table_schema = 'main'")) {
                    while (rs.next()) columns.add(new String[] {rs.getString(1), rs.getString(2)});
                }
                assertTrue(columns.size() > 5, "the workspace's text columns: " + columns.size());
                List<String> found = new ArrayList<>();
                for (String[] col : columns) {
                    String q =
                            "SELECT count(*) FROM \"" + col[0] + "\" WHERE regexp_matches(\"" + col[1] + "\", '[ıİ]')";
                    try (Statement st = c.createStatement();
                            ResultSet rs = st.executeQuery(q)) {
                        rs.next();
                        if (rs.getLong(1) > 0) found.add(col[0] + "." + col[1]);
                    }
                }
                return found;
            });
            assertEquals(List.of(), bad);
        }
    }

    @Test
    void aReviewVerdictIsStoredInEnglishUnderATurkishDefault() throws Exception {
        Locale before = Locale.getDefault();
        Path copy = Files.copy(en.workspace(), dir.resolve("verdicts.duckdb"));
        try (Workspace ws = Workspace.open(copy)) {
            Comparison cmp = Comparison.defaultFor(ws);
            Locale.setDefault(new Locale("tr", "TR"));
            try {
                assertEquals("suspicious", PairVerdict.SUSPICIOUS.code());
                new ReviewLog(ws).record(cmp, "req-1", PairVerdict.SUSPICIOUS, null, "QA");
            } finally {
                Locale.setDefault(before);
            }
            String stored = ws.read(c -> {
                try (Statement st = c.createStatement();
                        ResultSet rs = st.executeQuery("SELECT verdict FROM review_verdicts")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            assertEquals("suspicious", stored);
            assertEquals(1L, new ReviewLog(ws).counts(cmp).get(PairVerdict.SUSPICIOUS));
        }
    }

    /** Prints the default locale as a forked JVM sees it. */
    public static final class LocaleProbe {
        public static void main(String[] args) {
            Locale l = Locale.getDefault();
            System.out.println(l + " " + "I".toLowerCase(l) + " " + String.format(l, "%.1f", 0.5));
        }
    }

    /**
     * The command line's steps in one JVM (one start-up instead of seven): generate, import predictions and
     * labels, summary as text and as JSON, a Markdown report and a decision. Each step's stdout and stderr go
     * to STEP.txt in the folder given.
     */
    public static final class Script {
        static final List<String> STEPS =
                List.of("generate", "import", "import-labels", "summary", "summary-json", "report", "decide");

        public static void main(String[] args) throws Exception {
            Path root = Path.of(args[0]);
            String ws = root.resolve("ws.duckdb").toString();
            Path day = root.resolve("logs/2026-11-20");
            dev.shadowbench.AppLog.install(root.resolve("home"));
            String[][] steps = {
                {
                    "generate",
                    "-o",
                    root.resolve("logs").toString(),
                    "--requests",
                    "2000",
                    "--seed",
                    "5",
                    "--anomaly-rate",
                    "0.01"
                },
                {
                    "import",
                    "-w",
                    ws,
                    "-q",
                    day.resolve("live.jsonl").toString(),
                    day.resolve("shadow.jsonl").toString()
                },
                {"import", "-w", ws, "-q", "--labels", day.resolve("labels.csv").toString()},
                {"summary", "-w", ws},
                {"summary", "-w", ws, "--json"},
                {
                    "report",
                    "-w",
                    ws,
                    "--format",
                    "md",
                    "-o",
                    root.resolve("report.md").toString()
                },
                {"decide", "-w", ws, "--decision", "hold", "--reviewer", "QA", "--note", "locale check"}
            };
            PrintStream out = System.out, err = System.err;
            for (int i = 0; i < steps.length; i++) {
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                PrintStream capture = new PrintStream(buf, true, StandardCharsets.UTF_8);
                System.setOut(capture);
                System.setErr(capture);
                int code;
                try {
                    code = ShadowbenchCommand.run(steps[i]);
                } finally {
                    System.setOut(out);
                    System.setErr(err);
                }
                String text = buf.toString(StandardCharsets.UTF_8);
                Files.writeString(root.resolve(STEPS.get(i) + ".txt"), text, StandardCharsets.UTF_8);
                if (code != 0) {
                    err.println(String.join(" ", steps[i]) + " exited with " + code + ":\n" + text);
                    System.exit(1);
                }
            }
        }
    }
}
