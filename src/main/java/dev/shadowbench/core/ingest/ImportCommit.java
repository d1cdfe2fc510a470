package dev.shadowbench.core.ingest;

import dev.shadowbench.core.BadInputException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The end of an import: the files that could not be read at all, and the commit that moves the staged rows into
 * predictions, labels and quarantine and records the import and its files, in the import's one transaction.
 */
final class ImportCommit {
    private ImportCommit() {}

    static ImportReport commit(
            Connection c,
            Statement st,
            long id,
            ImportRequest req,
            List<LogImporter.FileCount> counts,
            int skipped,
            int files,
            List<String> notes,
            boolean rememberSource)
            throws SQLException {
        long lines = counts.stream().mapToLong(LogImporter.FileCount::linesRead).sum();
        long imported =
                counts.stream().mapToLong(LogImporter.FileCount::imported).sum();
        long quarantined =
                counts.stream().mapToLong(LogImporter.FileCount::quarantined).sum();
        long blank = counts.stream().mapToLong(LogImporter.FileCount::blank).sum();
        long multi = TabularSource.scalar(
                st, "SELECT count(*) FROM stage_all WHERE problem IS NULL AND instance = 0 AND NOT merged");
        long joined = TabularSource.scalar(st, "SELECT count(*) FROM stage_all WHERE problem IS NULL AND merged");
        Set<String> formats =
                counts.stream().map(f -> f.format().id()).collect(Collectors.toCollection(java.util.TreeSet::new));
        ColumnMapping first = counts.stream()
                .map(LogImporter.FileCount::mapping)
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(null);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO imports(import_id, kind, format, variant_override, "
                + "mapping_json, lines_read, rows_imported, rows_quarantined, lines_blank, started_at, finished_at, source) "
                + "VALUES (?,?,?,?,?,?,?,?,?,now(),now(),?)")) {
            ps.setLong(1, id);
            ps.setString(2, req.kind().name().toLowerCase(java.util.Locale.ROOT));
            ps.setString(3, String.join(",", formats));
            ps.setString(4, req.variantOverride());
            ps.setString(5, first == null ? null : first.toJson());
            ps.setLong(6, lines);
            ps.setLong(7, imported);
            ps.setLong(8, quarantined);
            ps.setLong(9, blank);
            ps.setString(10, req.paths().stream().map(Path::toString).collect(Collectors.joining(" ")));
            ps.executeUpdate();
        }
        // a labels file found among prediction logs is staged as labels (labels_only); labels logged next to the
        // predictions are ground truth too
        st.execute(Staging.INTO_PREDICTIONS + "SELECT " + id + ", " + Staging.PREDICTION_VALUES + " "
                + "FROM stage_all WHERE problem IS NULL AND NOT merged AND NOT labels_only");
        st.execute(
                Staging.INTO_LABELS + "SELECT " + id + ", " + Staging.LABEL_VALUES + " FROM stage_all "
                        + "WHERE problem IS NULL AND NOT merged AND (labels_only OR label IS NOT NULL OR label_class IS NOT NULL)");
        st.execute("INSERT INTO quarantine(import_id, source_file, line_no, field, reason, raw) SELECT " + id
                + ", source_file, line_no, problem_field, problem, raw " + "FROM stage_all WHERE problem IS NOT NULL");
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO import_files(import_id, path, size_bytes, content_hash, "
                        + "lines_read, rows_imported, rows_quarantined, lines_blank, format, variant, mapping_json, imported_at) "
                        + "VALUES (?,?,?,?,?,?,?,?,?,?,?,now())")) {
            for (LogImporter.FileCount f : counts) {
                ps.setLong(1, id);
                ps.setString(2, f.file().toString());
                ps.setLong(3, f.size());
                ps.setString(4, f.hash());
                ps.setLong(5, f.linesRead());
                ps.setLong(6, f.imported());
                ps.setLong(7, f.quarantined());
                ps.setLong(8, f.blank());
                ps.setString(9, f.format().id());
                ps.setString(10, f.variant());
                ps.setString(11, f.mapping() == null ? null : f.mapping().toJson());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        if (req.mapping() != null) {
            MappingStore store = new MappingStore(c);
            for (LogImporter.FileCount f : counts) store.save(MappingStore.keyFor(f.file(), f.format()), req.mapping());
        }
        // what the imported lines became, counted where it landed
        long predictions = TabularSource.scalar(st, "SELECT count(*) FROM predictions WHERE import_id = " + id);
        long labels = TabularSource.scalar(st, "SELECT count(*) FROM labels WHERE import_id = " + id);
        st.execute("DROP TABLE IF EXISTS stage_all");
        st.execute("DROP TABLE IF EXISTS kserve_raw");
        // the places named, for import --new (in the same transaction as the rows they gave)
        if (rememberSource) ImportSources.remember(c, req);
        Trace.mark("inserts");
        c.commit();
        c.setAutoCommit(true);
        Trace.mark("commit");
        return new ImportReport(
                id, files, skipped, lines, imported, quarantined, blank, predictions, labels, multi, joined, notes);
    }

    /**
     * A KServe file whose every line is a request no response answers (yet) was read fine: KServe logs a response only
     * for a successful request, so such lines are quarantined, not the file refused.
     */
    static boolean onlyUnanswered(Statement st, LogImporter.FileCount fc) throws SQLException {
        if (fc.format() != LogFormat.KSERVE) return false;
        try (PreparedStatement ps = st.getConnection()
                .prepareStatement("SELECT count(*) FROM stage_all WHERE source_file = ? AND problem IS NOT NULL "
                        + "AND problem <> ?")) {
            ps.setString(1, fc.file().toString());
            ps.setString(2, KServeLogs.NO_RESPONSE);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 0;
            }
        }
    }

    static BadInputException unreadable(Statement st, LogImporter.FileCount fc) throws SQLException {
        try (PreparedStatement ps = st.getConnection()
                .prepareStatement(
                        "SELECT line_no, problem_field, problem FROM stage_all WHERE source_file = ? AND problem IS NOT NULL "
                                + "ORDER BY line_no NULLS LAST LIMIT 1")) {
            ps.setString(1, fc.file().toString());
            try (ResultSet rs = ps.executeQuery()) {
                String where = "";
                if (rs.next()) {
                    where = ": line " + rs.getLong(1) + (rs.getString(2) == null ? "" : ", field " + rs.getString(2))
                            + ": " + rs.getString(3);
                }
                return new BadInputException(fc.file() + ": no line could be imported as "
                        + fc.format().id() + " (" + fc.quarantined() + " bad line(s))" + where);
            }
        }
    }
}
