package dev.shadowbench.core.workspace;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The workspace's own key/value settings (table {@code settings}): what travels with the file (gate thresholds, outlier
 * rules, the decision log's head, the workspace id, the import sources). The one place that reads and writes it.
 */
public final class WorkspaceSettings {
    private WorkspaceSettings() {}

    /** The stored value, or null when the key was never set. */
    public static String get(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT value FROM settings WHERE key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** Sets (or replaces) a value; part of the caller's transaction. */
    public static void put(Connection c, String key, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO settings(key, value) VALUES (?, ?)")) {
            ps.setString(1, key);
            ps.setString(2, value);
            ps.executeUpdate();
        }
    }
}
