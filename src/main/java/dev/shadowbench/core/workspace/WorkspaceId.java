package dev.shadowbench.core.workspace;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A workspace's identity, a random UUID kept in its {@code settings} table (key {@value #KEY}), created the first
 * time something outside the file has to refer to it (the decision log's head in the settings folder). It travels
 * with the file: a copy has the same id.
 */
public final class WorkspaceId {
    static final String KEY = "workspace.id";
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private WorkspaceId() {}

    /** The stored id exactly as stored, or null when the workspace has none yet. */
    public static String read(Connection c) throws SQLException {
        return WorkspaceSettings.get(c, KEY);
    }

    /** The id, created and stored when missing (call inside the caller's write transaction). */
    public static String ensure(Connection c) throws SQLException {
        String id = read(c);
        if (id != null) return id;
        id = UUID.randomUUID().toString();
        WorkspaceSettings.put(c, KEY, id);
        return id;
    }

    /** True for an id this class could have made; anything else (edited by hand) must never become a file name. */
    public static boolean wellFormed(String id) {
        return id != null && UUID_TEXT.matcher(id).matches();
    }

    /** The database file behind a connection, or null for an in-memory database. */
    public static String databaseFile(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                        "SELECT path FROM duckdb_databases() WHERE database_name = current_database()");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
