package dev.shadowbench.core.ingest;

import dev.shadowbench.core.db.Quote;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A JSON Lines file the strict reader could not take whole (a bad line in it), read set-based: DuckDB's CSV reader
 * gives every line as one value of type JSON, in parallel, setting aside (in its rejects table) the lines that are
 * not JSON (or not UTF-8, or too long); every other line is converted by {@link Staging} exactly as the line-by-line path does and goes straight into
 * the workspace table when it has no problem. Nothing is staged and no good line is read one by one.
 *
 * <p>The lines not imported are then found with their physical numbers by passes over the text ({@link LineCheck} for
 * lines that are no text, when the reader met any; then every line numbered in file order, a line kept when it is
 * blank, does not start with '{' or is one of the texts the reader set aside), and quarantined or counted blank. Then read = imported + quarantined + blank must hold. When it does not (a line that is JSON but cannot
 * be a prediction, such as one without an id, or the readers disagree), the pass throws {@link LogImporter.NotClean}
 * with {@code lineByLine} set and the import reads the file line by line, numbering and classifying every line: a line
 * is never lost to a shortcut.
 */
final class JsonLines {
    private JsonLines() {}

    static LogImporter.FileCount importLines(
            Statement st,
            long importId,
            SourceProbe.Probe probe,
            ImportRequest req,
            long size,
            ColumnMapping m,
            CompletableFuture<LogImporter.Digest> digest)
            throws SQLException {
        Path file = probe.file();
        TabularSource.validate(probe, m, req.kind());
        String variant = req.kind() == ImportRequest.Kind.LABELS
                ? null
                : TabularSource.variantFor(file, m, req.variantOverride());
        // the strict path's types: parsing straight into them is the cheapest read (a value of another type is
        // caught in the scan)
        List<SourceColumn> declared = TabularSource.typedForFastPath(probe.columns());
        String f = file.toString();
        dropRejects(st);
        String sel = Staging.selectGood(f, scan(file, declared), declared, m, req.kind(), variant, true);
        long imported = st.executeUpdate(
                req.kind() == ImportRequest.Kind.LABELS
                        ? Staging.INTO_LABELS + "SELECT " + importId + ", " + Staging.LABEL_VALUES + " FROM (" + sel
                                + ")"
                        : Staging.INTO_PREDICTIONS + "SELECT " + importId + ", " + Staging.PREDICTION_VALUES + " FROM ("
                                + sel + ")");
        Trace.mark("lines insert");
        LogImporter.Digest d = LogImporter.join(digest);
        long lines = d.lines() >= 0 ? d.lines() : TabularSource.quickCountLines(st, file);
        // the lines not imported, found with their numbers in passes over the text that parse nothing but JSON
        // validity: those DuckDB cannot read as text, then every other line, numbered in file order
        // lines that are no text were left out by the reader above too (its rejects table says whether there were any;
        // its line numbers are not used, they can be off after blank lines): only then is the file checked for them
        long noText = 0;
        if (TabularSource.scalar(st, "SELECT count(*) FROM " + REJECTS + " WHERE CAST(error_type AS VARCHAR) <> 'CAST'")
                > 0) {
            noText = LineCheck.find(st, file);
            LineCheck.quarantine(st, file);
        }
        // numbered in file order; the lookup of lines that are no text is needed only when there are some
        String numbered = noText > 0
                ? FileReaders.lines(file)
                : "(SELECT row_number() OVER () AS line_no, line FROM " + FileReaders.lineReader(file) + ")";
        st.execute("CREATE OR REPLACE TEMP TABLE sb_not_imported AS SELECT line_no, line, CASE WHEN "
                + FileReaders.blank("line") + " THEN NULL WHEN NOT json_valid(line) THEN 'malformed JSON' "
                + "WHEN json_type(line) <> 'OBJECT' THEN 'not a JSON object' "
                + "WHEN list_contains(json_keys(line), '') THEN 'empty JSON key' ELSE 'imported' END AS problem FROM "
                + numbered + " WHERE " + FileReaders.blank("line")
                // the reader above set the malformed lines aside with their text: matching it is cheaper than parsing
                // every line again (a line with an empty key is not found here, so the count below sends the file
                // line by line)
                + " OR ascii(line) <> 123 OR line IN (SELECT CAST(csv_line AS VARCHAR) FROM " + REJECTS + ")");
        st.execute("INSERT INTO stage_all(source_file, line_no, problem_field, problem, raw, merged) SELECT "
                + Quote.literal(f)
                + ", line_no, NULL, problem, line, false FROM sb_not_imported WHERE problem <> 'imported'");
        long blank = TabularSource.scalar(st, "SELECT count(*) FROM sb_not_imported WHERE problem IS NULL");
        long quarantined = TabularSource.scalar(
                st,
                "SELECT count(*) FROM stage_all WHERE source_file = " + Quote.literal(f) + " AND problem IS NOT NULL");
        st.execute("DROP TABLE sb_not_imported");
        Trace.mark("lines count");
        if (imported + quarantined + blank != lines || imported == 0) {
            // a JSON line that cannot be a prediction (no id...), or the readers disagree: number and classify every
            // line (the line-by-line path also says why a file with no good line is refused)
            throw new LogImporter.NotClean(file, true);
        }
        if (req.kind() == ImportRequest.Kind.PREDICTIONS && m.has(Field.LABEL)) {
            dropRejects(st);
            st.execute(Staging.INTO_LABELS + "SELECT " + importId + ", " + Staging.LABEL_VALUES + " FROM (" + sel
                    + ") WHERE label IS NOT NULL OR label_class IS NOT NULL");
        }
        return new LogImporter.FileCount(
                file, d.hash(), size, LogFormat.JSONL, variant, m, lines, imported, quarantined, blank);
    }

    private static final String REJECTS = "sb_json_rejects";

    private static void dropRejects(Statement st) throws SQLException {
        st.execute("DROP TABLE IF EXISTS " + REJECTS);
        st.execute("DROP TABLE IF EXISTS sb_json_scans");
    }

    /**
     * Every non-blank line that is JSON, with the scan columns {@link Staging} expects: no line number (numbering would
     * read the file on one thread), the line itself as the raw record, and a parse problem for JSON that is not an
     * object, has an empty key, or holds a value of another type than its column's ({@code "slow"} in a numeric
     * column: json_transform would make it NULL, so the line is left for the line-by-line path to say why). The first
     * byte decides the common case, so most lines are parsed once for the check and once for their fields.
     */
    static String scan(Path file, List<SourceColumn> typed) {
        List<String> cols = new ArrayList<>();
        List<String> mismatch = new ArrayList<>();
        for (SourceColumn c : typed) {
            String j = "j." + Quote.ident(c.name());
            cols.add(j + " AS " + Quote.ident(c.name()));
            if (!c.type().equalsIgnoreCase("VARCHAR")) {
                String path =
                        Quote.literal("$.\"" + c.name().replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
                mismatch.add(j + " IS NULL AND json_extract_string(line, " + path + ") IS NOT NULL");
            }
        }
        String object = "(ascii(line) = 123 OR json_type(line) = 'OBJECT')";
        return "(SELECT "
                + Staging.scanColumns(
                        Staging.prefix(typed),
                        "NULL::BIGINT",
                        "CAST(line AS VARCHAR)",
                        "CASE WHEN NOT " + object + " THEN 'not a JSON object' "
                                + "WHEN contains(line, '\"\"') AND list_contains(json_keys(line), '') THEN 'empty JSON "
                                + "key' "
                                + (mismatch.isEmpty()
                                        ? ""
                                        : "WHEN " + String.join(" OR ", mismatch) + " THEN 'value of another type' ")
                                + "END")
                + (cols.isEmpty() ? "" : ", " + String.join(", ", cols))
                + " FROM (SELECT line, CASE WHEN " + object + " THEN json_transform(line, "
                + Quote.literal(TabularSource.struct(typed, false)) + ") END AS j FROM read_csv("
                + FileReaders.file(file)
                + ", columns={'line':'JSON'}, header=false, delim=chr(30), quote='', escape='', comment='', skip=0, "
                + "auto_detect=false, strict_mode=false, max_line_size=" + FileReaders.MAX_LINE_BYTES
                + ", store_rejects=true, rejects_table='" + REJECTS + "', rejects_scan='sb_json_scans') "
                + "WHERE line IS NOT NULL))";
    }
}
