package dev.shadowbench.core.ingest;

import dev.shadowbench.core.BadInputException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.duckdb.DuckDBConnection;

/**
 * Reads a Parquet file into staging; when DuckDB cannot decode it (a corrupt page, a broken row group), the import
 * fails with a {@link BadInputException} naming the file and the row group (and its rows) that does not decode.
 */
final class ParquetCheck {
    private ParquetCheck() {}

    static void stage(Statement st, Path file, String insert) throws SQLException {
        Connection c = st.getConnection(); // asked first: the driver closes a statement that failed
        try {
            st.execute(insert);
        } catch (SQLException e) {
            String msg = e.getMessage() == null ? "" : e.getMessage();
            if (msg.toLowerCase(Locale.ROOT).contains("interrupt")) throw e;
            throw new BadInputException(
                    file + ": corrupt Parquet data" + where(c, file) + ": " + SourceProbe.firstLine(msg), e);
        }
    }

    /**
     * " in row group N (rows a-b)" for the first row group that does not decode, read on a connection of its own
     * (the import's transaction is aborted by the failure), or "" when no single group can be blamed.
     */
    static String where(Connection importConnection, Path file) {
        if (!(importConnection instanceof DuckDBConnection dc)) return "";
        try (Connection c = dc.duplicate();
                Statement st = c.createStatement()) {
            long first = 0;
            try (ResultSet groups = c.createStatement()
                    .executeQuery("SELECT row_group_id, any_value(row_group_num_rows) " + "FROM parquet_metadata("
                            + FileReaders.file(file) + ") GROUP BY row_group_id ORDER BY row_group_id")) {
                while (groups.next()) {
                    long group = groups.getLong(1), rows = groups.getLong(2);
                    try (ResultSet rs = st.executeQuery("SELECT sum(hash(t)) FROM read_parquet("
                            + FileReaders.file(file) + ") t WHERE file_row_number >= " + first
                            + " AND file_row_number < " + (first + rows))) {
                        rs.next();
                    } catch (SQLException bad) {
                        return " in row group " + group + " (rows " + (first + 1) + "-" + (first + rows) + ")";
                    }
                    first += rows;
                }
            }
        } catch (SQLException | RuntimeException e) {
            return "";
        }
        return "";
    }
}
