package dev.shadowbench.core.ingest;

import dev.shadowbench.core.db.Quote;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Finds the lines of a text file that DuckDB cannot read as text (a byte sequence that is not UTF-8, a line longer
 * than {@link FileReaders#MAX_LINE_BYTES}) before the file is read line by line: they are listed in {@code sb_bad_lines}
 * with their physical number, so {@link FileReaders#lines} can skip them and still number every other line right, and
 * each is quarantined with its reason instead of failing the import.
 */
final class LineCheck {
    private LineCheck() {}

    static final String CREATE = "CREATE TEMP TABLE IF NOT EXISTS sb_bad_lines(source_file VARCHAR, line_no BIGINT, "
            + "good_before BIGINT, raw VARCHAR, reason VARCHAR)";

    /** Lists the file's unreadable lines in sb_bad_lines (once per file) and returns how many there are. */
    static long find(Statement st, Path file) throws SQLException {
        st.execute(CREATE);
        String f = Quote.literal(file.toString());
        st.execute("DELETE FROM sb_bad_lines WHERE source_file = " + f);
        st.execute("DROP TABLE IF EXISTS sb_line_rejects");
        st.execute("DROP TABLE IF EXISTS sb_line_scans");
        // counting only: DuckDB checks every line's encoding and length without keeping the lines
        TabularSource.scalar(
                st,
                "SELECT count(*) FROM "
                        + FileReaders.lineReader(
                                file,
                                ", store_rejects=true, rejects_table='sb_line_rejects', rejects_scan='sb_line_scans'"));
        st.execute("INSERT INTO sb_bad_lines SELECT " + f
                + ", line, line - row_number() OVER (ORDER BY line), csv_line, " + reason("error_type", "error_message")
                + " FROM (SELECT DISTINCT ON (line) * FROM sb_line_rejects ORDER BY line)");
        return TabularSource.scalar(st, "SELECT count(*) FROM sb_bad_lines WHERE source_file = " + f);
    }

    /** The quarantine reason for a row of a DuckDB CSV rejects table, given its error_type and error_message columns. */
    static String reason(String errorType, String errorMessage) {
        String type = "CAST(" + errorType + " AS VARCHAR)";
        return "CASE WHEN " + type + " = 'INVALID ENCODING' THEN 'invalid UTF-8 (the line is not UTF-8 text)' "
                + "WHEN " + type + " = 'LINE SIZE OVER MAXIMUM' THEN 'line longer than "
                + (FileReaders.MAX_LINE_BYTES >> 20) + " MB' "
                + "ELSE lower(replace(" + type + ", '_', ' ')) || ': ' || " + errorMessage + " END";
    }

    /** Quarantines the file's unreadable lines (found by {@link #find}) in stage_all. */
    static void quarantine(Statement st, Path file) throws SQLException {
        st.execute(
                "INSERT INTO stage_all(source_file, line_no, problem_field, problem, raw, merged) SELECT source_file, "
                        + "line_no, NULL, reason, raw, false FROM sb_bad_lines WHERE source_file = "
                        + Quote.literal(file.toString()));
    }
}
