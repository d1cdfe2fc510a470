package dev.shadowbench.core.ingest;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The column mappings users confirmed, per source (folder + format), in the workspace table source_mappings. */
public final class MappingStore {
    private final Connection c;

    public MappingStore(Connection c) {
        this.c = c;
    }

    /** A source is the folder a file lives in plus its format: a team's daily files share one mapping. */
    public static String keyFor(Path file, LogFormat format) {
        Path dir = file.toAbsolutePath().getParent();
        return format.id() + ":" + (dir == null ? "" : dir.toString());
    }

    public ColumnMapping lookup(String key) {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT mapping_json FROM source_mappings WHERE source_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? ColumnMapping.fromJson(rs.getString(1), "remembered mapping for " + key) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read remembered mappings: " + e.getMessage(), e);
        }
    }

    public void save(String key, ColumnMapping m) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO source_mappings VALUES (?, ?, now())")) {
            ps.setString(1, key);
            ps.setString(2, m.toJson());
            ps.executeUpdate();
        }
    }

    boolean hasFileOfSize(long size) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM import_files WHERE size_bytes = ? LIMIT 1")) {
            ps.setLong(1, size);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    boolean alreadyImported(String hash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM import_files WHERE content_hash = ? LIMIT 1")) {
            ps.setString(1, hash);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
