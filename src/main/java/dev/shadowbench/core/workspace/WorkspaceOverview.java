package dev.shadowbench.core.workspace;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** What is in a workspace: rows per model, version, variant and day; imports; quarantine; labels. */
public record WorkspaceOverview(
        List<Group> groups,
        long predictionRows,
        long importCount,
        long quarantinedRows,
        long labelRows,
        long labelledRequests,
        List<ImportedFile> files,
        List<QuarantinedLine> quarantine) {

    /** How many quarantined lines the overview lists (the count above is always complete). */
    public static final int QUARANTINE_LISTED = 500;

    /** One imported file and its accounting. */
    public record ImportedFile(
            long importId,
            String kind,
            String path,
            long linesRead,
            long imported,
            long quarantined,
            long blank,
            java.time.LocalDateTime importedAt) {}

    /** One line that could not be imported, with where and why. */
    public record QuarantinedLine(String file, Long line, String field, String reason) {}

    /** Rows of one model version in one variant on one day. */
    public record Group(String model, String version, String variant, LocalDate day, long rows, long withLatency) {}

    public boolean isEmpty() {
        return predictionRows == 0;
    }

    public static WorkspaceOverview of(Workspace ws) {
        return ws.read(WorkspaceOverview::load);
    }

    public static WorkspaceOverview load(Connection c) throws SQLException {
        List<Group> groups = new ArrayList<>();
        try (Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("""
                    SELECT model, version, variant, CAST(ts AS DATE) AS day, count(*) AS n, count(latency_ms) AS lat
                    FROM predictions GROUP BY ALL ORDER BY day NULLS LAST, variant, model, version""")) {
                while (rs.next()) {
                    java.sql.Date d = rs.getDate(4);
                    groups.add(new Group(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            d == null ? null : d.toLocalDate(),
                            rs.getLong(5),
                            rs.getLong(6)));
                }
            }
            long rows = groups.stream().mapToLong(Group::rows).sum();
            List<ImportedFile> files = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("""
                    SELECT f.import_id, i.kind, f.path, f.lines_read, f.rows_imported, f.rows_quarantined, f.lines_blank,
                           i.started_at
                    FROM import_files f JOIN imports i USING (import_id) ORDER BY f.import_id DESC, f.path""")) {
                while (rs.next()) {
                    java.sql.Timestamp t = rs.getTimestamp(8);
                    files.add(new ImportedFile(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getLong(4),
                            rs.getLong(5),
                            rs.getLong(6),
                            rs.getLong(7),
                            t == null ? null : t.toLocalDateTime()));
                }
            }
            List<QuarantinedLine> quarantine = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT source_file, line_no, field, reason FROM quarantine "
                    + "ORDER BY import_id DESC, source_file, line_no LIMIT " + QUARANTINE_LISTED)) {
                while (rs.next()) {
                    long line = rs.getLong(2);
                    quarantine.add(new QuarantinedLine(
                            rs.getString(1), rs.wasNull() ? null : line, rs.getString(3), rs.getString(4)));
                }
            }
            return new WorkspaceOverview(
                    List.copyOf(groups),
                    rows,
                    scalar(st, "SELECT count(*) FROM imports"),
                    scalar(st, "SELECT count(*) FROM quarantine"),
                    scalar(st, "SELECT count(*) FROM labels"),
                    scalar(
                            st,
                            "SELECT count(DISTINCT l.request_id) FROM labels l SEMI JOIN predictions p USING (request_id)"),
                    List.copyOf(files),
                    List.copyOf(quarantine));
        }
    }

    private static long scalar(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
