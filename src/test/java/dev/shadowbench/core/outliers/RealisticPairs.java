package dev.shadowbench.core.outliers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shadowbench.core.compare.Comparison;
import dev.shadowbench.core.compare.PairIndex;
import dev.shadowbench.core.compare.PairedComparison;
import dev.shadowbench.core.compare.Side;
import dev.shadowbench.core.ingest.ImportRequest;
import dev.shadowbench.core.ingest.LogImporter;
import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Workspace;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The realistic model pairs of issue 16 (src/test/resources/dev/shadowbench/outliers/realistic/, make_pairs.py) run
 * through the product: rows of a fixture, as chosen by a query, are imported as a live and a shadow log plus labels,
 * the detector runs with the default settings, and the flags of the value rules are counted per kind of row.
 */
final class RealisticPairs {
    private static final String DIR = "/dev/shadowbench/outliers/realistic/";

    /** The value rules: a pair counts as found when one of them flags it. */
    static final String VALUE_RULES = "'extreme', 'divergence', 'negative', 'above_one'";

    private RealisticPairs() {}

    static Path fixture(String name) throws Exception {
        return Path.of(RealisticPairs.class.getResource(DIR + name + ".csv.gz").toURI());
    }

    /** SQL reading fixture {@code name} (columns request_id, baseline, candidate, label, injected, all text). */
    static String read(String name) throws Exception {
        return "read_csv('" + fixture(name).toAbsolutePath().toString().replace("'", "''")
                + "', header=true, all_varchar=true)";
    }

    /**
     * Imports the rows of {@code query} (columns request_id, baseline, candidate, label and a text column {@code kind},
     * empty for a clean pair) into a fresh workspace, detects with the default settings and returns, per kind, the rows
     * and the rows a value rule flagged. Also checks that every row was paired.
     */
    static Map<String, long[]> detect(Path dir, String query) throws Exception {
        try (Workspace ws = Workspace.inMemory()) {
            Path live = dir.resolve("live.csv"), shadow = dir.resolve("shadow.csv"), labels = dir.resolve("labels.csv");
            try (Connection c = ws.connect();
                    Statement st = c.createStatement()) {
                st.execute("CREATE TABLE fixture AS " + query);
                st.execute("COPY (SELECT request_id, baseline AS prediction FROM fixture) TO '" + text(live)
                        + "' (HEADER)");
                st.execute("COPY (SELECT request_id, candidate AS prediction FROM fixture) TO '" + text(shadow)
                        + "' (HEADER)");
                st.execute("COPY (SELECT request_id, label FROM fixture) TO '" + text(labels) + "' (HEADER)");
            }
            LogImporter imp = new LogImporter(ws);
            imp.run(ImportRequest.predictions(List.of(live), "live"), ProgressSink.NONE);
            imp.run(ImportRequest.predictions(List.of(shadow), "shadow"), ProgressSink.NONE);
            imp.run(ImportRequest.labels(List.of(labels)), ProgressSink.NONE);
            try (Connection c = ws.connect();
                    Statement st = c.createStatement()) {
                PairedComparison pc = PairIndex.open(
                        c, new Comparison(Side.variant("live"), Side.variant("shadow"), null, null), ProgressSink.NONE);
                OutlierReport report = OutlierDetector.detect(c, pc, OutlierSettings.defaults(), ProgressSink.NONE);
                Map<String, long[]> byKind = new TreeMap<>();
                long pairs = 0;
                try (ResultSet rs =
                        st.executeQuery("WITH f AS (SELECT DISTINCT request_id FROM outlier_flags WHERE rule IN ("
                                + VALUE_RULES + ")) SELECT coalesce(kind, ''), count(*), count(f.request_id) "
                                + "FROM fixture LEFT JOIN f USING (request_id) GROUP BY ALL")) {
                    while (rs.next()) {
                        byKind.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                        pairs += rs.getLong(2);
                    }
                }
                assertEquals(pairs, report.pairs(), "every fixture row paired");
                return byKind;
            }
        }
    }

    private static String text(Path p) {
        return p.toAbsolutePath().toString().replace("'", "''");
    }
}
