package dev.shadowbench.core.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Numbered schema migrations, applied in order on open. Migration N lives in
 * {@code migrations/V00N.sql} next to this class; list it in {@link #SCRIPTS}.
 */
public final class Migrations {
    /** Every migration, in order; index + 1 is its version number. Never edit a shipped one: add another. */
    static final List<String> SCRIPTS = List.of(
            "V001.sql", // base: imports, predictions, labels, quarantine, mappings, settings
            "V002.sql", // review verdicts, outlier dismissals, decisions
            "V003.sql", // import detail: source, per-file format, variant, mapping
            "V004.sql", // pair index registry (schema pair_index)
            "V005.sql", // canary ramp plan (ramp_plan)
            "V006.sql", // synthetic baselines' recipes (synthetic_baselines)
            "V007.sql"); // imported Spark extracts (schema extract)

    private Migrations() {}

    public static int latestVersion() {
        return SCRIPTS.size();
    }

    /** Applies every migration newer than the file's version inside one transaction; returns the new version. */
    public static int apply(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(
                    "CREATE TABLE IF NOT EXISTS schema_version(version INTEGER NOT NULL, applied_at TIMESTAMP NOT NULL)");
        }
        int current = currentVersion(c);
        if (current > latestVersion()) {
            throw new WorkspaceException("This workspace was written by a newer Shadowbench (schema version " + current
                    + ", this build knows up to " + latestVersion() + "). Update Shadowbench to open it.");
        }
        if (current == latestVersion()) return current;
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            for (int v = current + 1; v <= latestVersion(); v++) {
                for (String sql : statements(load(SCRIPTS.get(v - 1)))) {
                    st.execute(sql);
                }
                try (PreparedStatement ps =
                        c.prepareStatement("INSERT INTO schema_version(version, applied_at) VALUES (?, now())")) {
                    ps.setInt(1, v);
                    ps.executeUpdate();
                }
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            Transactions.rollback(c, e);
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
        return latestVersion();
    }

    /** The file's schema version without creating anything (0 for a file Shadowbench never wrote); works read-only. */
    static int versionOf(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version' "
                                + "AND table_schema = 'main'")) {
            rs.next();
            if (rs.getLong(1) == 0) return 0;
        }
        return currentVersion(c);
    }

    public static int currentVersion(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static String load(String name) {
        try (InputStream in = Migrations.class.getResourceAsStream("migrations/" + name)) {
            if (in == null) throw new IllegalStateException("missing migration " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration " + name, e);
        }
    }

    /** Splits a script on semicolons at line ends; comments start with "--". */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String line : script.split("\n")) {
            String t = line.strip();
            if (t.startsWith("--") || t.isEmpty()) continue;
            cur.append(line).append('\n');
            if (t.endsWith(";")) {
                out.add(cur.toString().strip().replaceAll(";$", ""));
                cur.setLength(0);
            }
        }
        if (!cur.toString().isBlank()) out.add(cur.toString().strip());
        return out;
    }
}
