package dev.shadowbench.core.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every INSERT into a workspace table names its columns: a positional {@code INSERT INTO predictions SELECT ...}
 * breaks (or, worse, fills the wrong column) as soon as a migration adds a column. Scans the main sources' text;
 * the workspace tables are the ones the migrations create.
 */
class InsertColumnListTest {
    private static final Path MAIN = Path.of("src/main/java");
    private static final Path MIGRATIONS = Path.of("src/main/resources/dev/shadowbench/core/workspace/migrations");
    private static final Pattern CREATE =
            Pattern.compile("(?i)CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?([\\w.]+)\\s*\\(");
    private static final Pattern INSERT = Pattern.compile("(?i)INSERT\\s+INTO\\s+([\\w.]+)");
    /** A string literal ending and the next starting: {@code "... INSERT INTO t" + "(a, b)..."} still names its columns. */
    private static final Pattern JOIN = Pattern.compile("^(?:\\s|\"\\s*\\+\\s*\")*");

    static Set<String> workspaceTables() throws IOException {
        Set<String> names = new TreeSet<>(Set.of("schema_version")); // created by Migrations itself
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".sql")).toList()) {
                Matcher m = CREATE.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (m.find()) names.add(m.group(1).toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    static List<String> positionalInserts(String source, Set<String> tables) {
        List<String> out = new ArrayList<>();
        Matcher m = INSERT.matcher(source);
        while (m.find()) {
            if (!tables.contains(m.group(1).toLowerCase(Locale.ROOT))) continue;
            String rest = source.substring(m.end());
            Matcher join = JOIN.matcher(rest);
            String next = join.lookingAt() ? rest.substring(join.end()) : rest;
            if (!next.startsWith("(")) {
                int line = (int) source.substring(0, m.start())
                                .chars()
                                .filter(ch -> ch == '\n')
                                .count()
                        + 1;
                out.add(line + ": " + m.group());
            }
        }
        return out;
    }

    @Test
    void everyInsertIntoAWorkspaceTableNamesItsColumns() throws IOException {
        Set<String> tables = workspaceTables();
        assertTrue(
                tables.containsAll(Set.of(
                        "predictions",
                        "labels",
                        "quarantine",
                        "review_verdicts",
                        "decisions",
                        "outlier_dismissals",
                        "imports",
                        "import_files",
                        "pair_index.entries")),
                tables.toString());
        List<String> bad = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                for (String hit : positionalInserts(Files.readString(f, StandardCharsets.UTF_8), tables))
                    bad.add(MAIN.relativize(f) + ":" + hit);
            }
        }
        assertEquals(List.of(), bad, "INSERTs into workspace tables without a column list");
    }

    @Test
    void theScanSeesPositionalInsertsAndAcceptsNamedOnes() {
        Set<String> t = Set.of("labels", "decisions");
        assertEquals(
                2,
                positionalInserts("x(\"INSERT INTO labels SELECT 1\"); y(\"insert into decisions VALUES (?)\");", t)
                        .size());
        assertEquals(
                1,
                positionalInserts("\"INSERT INTO labels \"\n + \"WITH a AS (SELECT 1) SELECT * FROM a\"", t)
                        .size());
        assertEquals(
                List.of(),
                positionalInserts(
                        "\"INSERT INTO labels(import_id) SELECT 1\"; \"INSERT INTO decisions\"\n"
                                + "    + \"(seq) VALUES (?)\"; \"INSERT INTO stage_all SELECT 1\"",
                        t));
    }
}
