package dev.shadowbench.core.ingest;

import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Workspace;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Imports prediction logs and labels into a workspace, in one transaction per import.
 * FOUNDATION VERSION: the generator's own JSON Lines layout and a two-column labels CSV only.
 */
public final class LogImporter {
    private final Workspace workspace;

    public LogImporter(Workspace workspace) { this.workspace = workspace; }

    public ImportReport run(ImportRequest req, ProgressSink progress) {
        try (Connection c = workspace.connect()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                long id;
                try (ResultSet rs = st.executeQuery("SELECT nextval('import_id_seq')")) { rs.next(); id = rs.getLong(1); }
                try (PreparedStatement ins = c.prepareStatement(
                        "INSERT INTO imports(import_id, kind, format, variant_override, started_at) VALUES (?,?,?,?,now())")) {
                    ins.setLong(1, id);
                    ins.setString(2, req.kind().name().toLowerCase());
                    ins.setString(3, req.kind() == ImportRequest.Kind.LABELS ? "csv" : "jsonl");
                    ins.setString(4, req.variantOverride());
                    ins.executeUpdate();
                }
                long rows = 0;
                int i = 0;
                for (Path p : req.paths()) {
                    progress.checkCancelled();
                    progress.progress(i++, req.paths().size(), "Importing " + p.getFileName());
                    String lit = "'" + p.toAbsolutePath().toString().replace("'", "''") + "'";
                    String sql = req.kind() == ImportRequest.Kind.LABELS
                            ? "INSERT INTO labels SELECT " + id + ", CAST(request_id AS VARCHAR), CAST(actual AS DOUBLE), NULL, NULL "
                              + "FROM read_csv(" + lit + ", header=true)"
                            : "INSERT INTO predictions SELECT " + id + ", request_id, CAST(\"timestamp\" AS TIMESTAMP), model, "
                              + "model_version, variant, prediction, NULL, NULL, latency_ms, segment, NULL, " + lit + ", NULL, NULL "
                              + "FROM read_json(" + lit + ", format='newline_delimited')";
                    rows += st.executeUpdate(sql);
                }
                st.execute("UPDATE imports SET rows_imported=" + rows + ", lines_read=" + rows + ", finished_at=now() WHERE import_id=" + id);
                c.commit();
                return new ImportReport(id, req.paths().size(), 0, rows, rows, 0, 0);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Import failed: " + e.getMessage(), e);
        }
    }
}
