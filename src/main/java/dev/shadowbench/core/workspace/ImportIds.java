package dev.shadowbench.core.workspace;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The id of the next row of {@code imports} (a log import or a synthetic baseline): the next after the imports
 * committed, read inside the caller's transaction, so a failed or cancelled import leaves no row and uses up no id
 * (a sequence would: DuckDB does not roll back {@code nextval}). The one way ids are given.
 */
public final class ImportIds {
    private ImportIds() {}

    public static long next(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(import_id), 0) + 1 FROM imports");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
