package dev.shadowbench.core.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shadowbench.core.BadInputException;
import dev.shadowbench.core.db.Quote;
import dev.shadowbench.core.workspace.WorkspaceErrors;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Stages a generic JSON Lines, CSV or Parquet log (gzip too) into {@code stage_all}. */
final class TabularSource {
    private TabularSource() {}

    static LogImporter.FileCount stage(
            Statement st, SourceProbe.Probe probe, ImportRequest req, String hash, long size, ColumnMapping m)
            throws SQLException {
        Path file = probe.file();
        validate(probe, m, req.kind());
        String variant = req.kind() == ImportRequest.Kind.LABELS ? null : variantFor(file, m, req.variantOverride());
        String f = file.toString();
        long before = stagedRows(st, f);
        long lines = 0, blank = 0;
        switch (probe.format()) {
            case JSONL -> {
                long bad = LineCheck.find(st, file);
                long[] lc = countLines(st, file);
                lines = lc[0];
                blank = lc[1];
                if (lines == blank) throw new BadInputException(file + ": the file holds no records");
                List<SourceColumn> declared = declared(probe.columns());
                st.execute(Staging.insert(f, lineScan(file, declared), declared, m, req.kind(), variant, true));
                if (bad > 0) LineCheck.quarantine(st, file);
            }
            case CSV -> {
                LineCheck.find(st, file);
                long[] lc = countLines(st, file);
                blank = lc[1];
                st.execute("DROP TABLE IF EXISTS sb_rejects");
                st.execute("DROP TABLE IF EXISTS sb_scans");
                String p = Staging.prefix(probe.columns());
                // a record DuckDB cannot read (too many fields, not UTF-8, too long) lands in its rejects table
                String scan = "(SELECT "
                        + Staging.scanColumns(p, "row_number() OVER () + 1", "NULL::VARCHAR", "NULL::VARCHAR")
                        + ", * FROM read_csv(" + FileReaders.file(file)
                        + ", header=true, all_varchar=true, store_rejects=true, "
                        + "max_line_size=" + FileReaders.MAX_LINE_BYTES
                        + ", rejects_table='sb_rejects', rejects_scan='sb_scans'))";
                // read as text, converted with the types DuckDB sniffed: "x" in a numeric column is quarantined
                st.execute(Staging.insert(f, scan, probe.columns(), m, req.kind(), variant, false));
                long rejects = scalar(st, "SELECT count(*) FROM sb_rejects");
                if (rejects > 0 || blank > 0) renumberCsv(st, file);
                st.execute("INSERT INTO stage_all(source_file, line_no, problem_field, problem, raw, merged) "
                        + "SELECT " + Quote.literal(f) + ", line, column_name, "
                        + LineCheck.reason("error_type", "error_message")
                        + ", csv_line, false FROM (SELECT DISTINCT ON (line) * FROM sb_rejects ORDER BY line)");
            }
            case PARQUET -> {
                String p = Staging.prefix(probe.columns());
                String scan =
                        "(SELECT " + Staging.scanColumns(p, "file_row_number + 1", "NULL::VARCHAR", "NULL::VARCHAR")
                                + ", * FROM read_parquet(" + FileReaders.file(file) + "))";
                ParquetCheck.stage(st, file, Staging.insert(f, scan, probe.columns(), m, req.kind(), variant, true));
            }
            default -> throw new IllegalStateException("not a tabular format: " + probe.format());
        }
        long[] r = split(st, f);
        Trace.mark("split counts");
        if (probe.format() != LogFormat.JSONL) lines = r[0] + r[1] + blank; // a CSV record or Parquet row is one "line"
        if (r[0] + r[1] == 0) throw new BadInputException(file + ": the file holds no records");
        return new LogImporter.FileCount(file, hash, size, probe.format(), variant, m, lines, r[0], r[1], blank);
    }

    /**
     * The fast path for JSON Lines: DuckDB's strict JSON reader with the detected types, straight into the workspace
     * table. It only stands when every non-blank line became a row without a problem; otherwise (a malformed line,
     * a value of another type, a missing id) it throws {@link LogImporter.NotClean} and the import restarts with this
     * file read line by line, so each bad line is quarantined with its number. Rows of a clean file keep their file
     * order but no line number (numbering would make DuckDB read the file on one thread).
     */
    static LogImporter.FileCount importClean(
            Statement st,
            long importId,
            SourceProbe.Probe probe,
            ImportRequest req,
            long size,
            ColumnMapping m,
            java.util.concurrent.CompletableFuture<LogImporter.Digest> digest)
            throws SQLException {
        Path file = probe.file();
        validate(probe, m, req.kind());
        String variant = req.kind() == ImportRequest.Kind.LABELS ? null : variantFor(file, m, req.variantOverride());
        List<SourceColumn> typed = typedForFastPath(probe.columns());
        String scan = "(SELECT "
                + Staging.scanColumns(Staging.prefix(typed), "NULL::BIGINT", "NULL::VARCHAR", "NULL::VARCHAR")
                + ", * FROM " + FileReaders.readJson(file, ", columns=" + struct(typed, true)) + ")";
        long n;
        try {
            n = st.executeUpdate(Staging.insertClean(importId, file.toString(), scan, typed, m, req.kind(), variant));
        } catch (SQLException e) {
            if (e.getMessage() != null
                    && e.getMessage().toLowerCase(Locale.ROOT).contains("interrupt")) throw e;
            // a full disk or a read-only workspace is no fault of the file: reading it line by line would only hide why
            if (WorkspaceErrors.classify(e) != WorkspaceErrors.Cause.OTHER) throw e;
            throw new LogImporter.NotClean(file);
        }
        Trace.mark("fast insert");
        LogImporter.Digest d = LogImporter.join(digest);
        Trace.mark("hash wait");
        // a plain file's lines were counted while hashing; a gzip one's are counted by DuckDB
        long lines = d.lines() >= 0 ? d.lines() : quickCountLines(st, file);
        // the strict reader turns every non-blank line into a row or fails, so the other lines were blank
        if (n == 0) throw new BadInputException(file + ": the file holds no records");
        if (n > lines) throw new LogImporter.NotClean(file);
        if (req.kind() == ImportRequest.Kind.PREDICTIONS && m.has(Field.LABEL)) {
            String sel = Staging.selectGood(file.toString(), scan, typed, m, req.kind(), variant, true);
            st.execute(Staging.INTO_LABELS + "SELECT " + importId + ", " + Staging.LABEL_VALUES + " FROM (" + sel
                    + ") WHERE label IS NOT NULL OR label_class IS NOT NULL");
        }
        return new LogImporter.FileCount(file, d.hash(), size, LogFormat.JSONL, variant, m, lines, n, 0, lines - n);
    }

    /** Physical lines of a text file; counting only, which DuckDB does without materialising the lines. */
    static long quickCountLines(Statement st, Path file) throws SQLException {
        return scalar(st, "SELECT count(*) FROM " + FileReaders.lineReader(file));
    }

    /** Good CSV rows are numbered by record; when blank or rejected lines came before, map them to physical lines. */
    private static void renumberCsv(Statement st, Path file) throws SQLException {
        st.execute("UPDATE stage_all SET line_no = m.n FROM (SELECT row_number() OVER (ORDER BY line_no) + 1 AS k, "
                + "line_no AS n FROM " + FileReaders.lines(file) + " WHERE line_no > 1 AND NOT "
                + FileReaders.blank("line") + " "
                + "AND line_no NOT IN (SELECT line FROM sb_rejects)) m "
                + "WHERE stage_all.source_file = " + Quote.literal(file.toString()) + " AND stage_all.line_no = m.k");
    }

    static void validate(SourceProbe.Probe probe, ColumnMapping m, ImportRequest.Kind kind) {
        for (var e : m.columns().entrySet()) {
            if (!probe.hasColumn(e.getValue())) {
                throw new MappingException(
                        e.getKey(),
                        probe.file() + ": the mapping sends field " + e.getKey().key() + " to column '" + e.getValue()
                                + "', which the file does not have (columns: " + names(probe) + ")");
            }
        }
        if (!m.has(Field.REQUEST_ID)) {
            throw new MappingException(
                    Field.REQUEST_ID,
                    probe.file() + ": no correlation id column found (looked for " + Field.REQUEST_ID.commonNames()
                            + "; columns: " + names(probe) + "). Give a mapping with request_id.");
        }
        if (kind == ImportRequest.Kind.LABELS && !m.has(Field.LABEL)) {
            throw new MappingException(
                    Field.LABEL,
                    probe.file() + ": no label column found (looked for " + Field.LABEL.commonNames() + ")");
        }
        if (kind == ImportRequest.Kind.PREDICTIONS && !m.has(Field.PREDICTION) && !m.has(Field.PREDICTED_CLASS)) {
            throw new MappingException(
                    Field.PREDICTION,
                    probe.file() + ": no prediction column found (looked for " + Field.PREDICTION.commonNames()
                            + "; columns: " + names(probe) + "). Give a mapping with prediction.");
        }
    }

    private static String names(SourceProbe.Probe p) {
        return String.join(", ", p.columns().stream().map(SourceColumn::name).toList());
    }

    /** --variant wins; else the variant column; else a variant word in the file or folder name. */
    static String variantFor(Path file, ColumnMapping m, String override) {
        if (override != null) return override;
        if (m.has(Field.VARIANT)) return null;
        for (Path p = file; p != null && p.getFileName() != null; p = p.getParent()) {
            String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
            for (String v : List.of("shadow", "canary", "live")) if (n.contains(v)) return v;
            if (n.contains("production") || n.contains("baseline")) return "live";
            if (p != file) break; // the file name, then its folder
        }
        throw new BadInputException(
                file + ": cannot tell which variant these predictions are from: there is no variant "
                        + "column and the name says neither live, shadow nor canary. Give --variant.");
    }

    /**
     * Column types to read with: text for scalars (converted in SQL, so one odd row cannot fail the file), JSON for
     * lists. A column DuckDB found holding JSON strings is declared VARCHAR, any other scalar TEXT (the same type to
     * DuckDB): so {@link Staging} still tells a class column ("0", "cat") from a number read as text.
     */
    static List<SourceColumn> declared(List<SourceColumn> cols) {
        List<SourceColumn> out = new ArrayList<>();
        for (SourceColumn c : cols) {
            out.add(new SourceColumn(
                    c.name(), c.isList() ? "JSON" : c.type().equalsIgnoreCase("VARCHAR") ? "VARCHAR" : "TEXT"));
        }
        return out;
    }

    /**
     * The types DuckDB detected from a sample, for the strict fast path: parsing straight into them is the cheapest
     * read; a row that does not fit fails the fast path and the file is read line by line instead.
     */
    static List<SourceColumn> typedForFastPath(List<SourceColumn> cols) {
        List<SourceColumn> out = new ArrayList<>();
        for (SourceColumn c : cols) {
            String t = c.type().toUpperCase(Locale.ROOT);
            String use = c.isList()
                    ? "JSON"
                    : t.startsWith("STRUCT") || t.startsWith("MAP") || t.equals("JSON") || t.startsWith("UNION")
                            ? "VARCHAR"
                            : c.type();
            out.add(new SourceColumn(c.name(), use));
        }
        return out;
    }

    static String struct(List<SourceColumn> cols, boolean sqlStruct) {
        ObjectMapper om = new ObjectMapper();
        ObjectNode o = om.createObjectNode();
        for (SourceColumn c : cols) o.put(c.name(), c.type());
        if (!sqlStruct) return o.toString();
        List<String> parts = new ArrayList<>();
        for (SourceColumn c : cols) parts.add(Quote.literal(c.name()) + ": " + Quote.literal(c.type()));
        return "{" + String.join(", ", parts) + "}";
    }

    /** Line-by-line JSON: each non-blank line is classified (malformed, not an object) and transformed in SQL. */
    static String lineScan(Path file, List<SourceColumn> declared) {
        List<String> cols = new ArrayList<>();
        for (SourceColumn c : declared) cols.add("j." + Quote.ident(c.name()) + " AS " + Quote.ident(c.name()));
        return "(SELECT "
                + Staging.scanColumns(
                        Staging.prefix(declared),
                        "line_no",
                        "line",
                        "CASE WHEN doc IS NULL THEN 'malformed JSON' "
                                + "WHEN json_type(doc) <> 'OBJECT' THEN 'not a JSON object' "
                                // DuckDB cannot name a column "": such a key has no place in the row (nor in extra), so
                                // the line is kept whole in quarantine
                                + "WHEN list_contains(json_keys(doc), '') THEN 'empty JSON key' END")
                + ", " + String.join(", ", cols)
                + " FROM (SELECT line_no, line, doc, CASE WHEN json_type(doc) = 'OBJECT' THEN json_transform(doc, "
                + Quote.literal(struct(declared, false))
                + ") END AS j FROM (SELECT line_no, line, CASE WHEN json_valid(line) THEN line END AS doc FROM "
                + FileReaders.lines(file) + " WHERE NOT " + FileReaders.blank("line") + ")))";
    }

    /** {lines, blank lines} of a text file, its unreadable lines (see {@link LineCheck}) included. */
    static long[] countLines(Statement st, Path file) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT count(*) + (SELECT count(*) FROM sb_bad_lines WHERE source_file = "
                + Quote.literal(file.toString()) + "), count(*) FILTER (WHERE " + FileReaders.blank("line") + ") FROM "
                + FileReaders.lines(file))) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }

    static long stagedRows(Statement st, String file) throws SQLException {
        return scalar(st, "SELECT count(*) FROM stage_all WHERE source_file = " + Quote.literal(file));
    }

    /**
     * {imported lines, quarantined lines} of a file's staged rows (after {@link Staging#settleInstances}): a line
     * answering several instances is one imported line however many rows it stages.
     */
    static long[] split(Statement st, String file) throws SQLException {
        Staging.settleInstances(st, file);
        try (ResultSet rs =
                st.executeQuery("SELECT count(*) FILTER (WHERE problem IS NULL AND coalesce(instance, 0) = 0), "
                        + "count(*) FILTER (WHERE problem IS NOT NULL) "
                        + "FROM stage_all WHERE source_file = " + Quote.literal(file))) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }

    static long scalar(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
