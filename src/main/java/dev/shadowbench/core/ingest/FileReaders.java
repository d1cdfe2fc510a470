package dev.shadowbench.core.ingest;

import dev.shadowbench.core.BadInputException;
import dev.shadowbench.core.db.Quote;
import java.io.File;
import java.nio.file.Path;

/** SQL table functions that read a user's file (read_csv, read_json, read_parquet) with its path quoted. */
public final class FileReaders {
    private FileReaders() {}

    /** The longest line read line by line; a longer one is quarantined ("line too long"), not the import failed. */
    static final long MAX_LINE_BYTES = 256L << 20;

    /**
     * A file path for DuckDB's readers (read_json, read_csv, read_parquet), which take a path as a glob pattern:
     * each '*', '?' and '[' is wrapped in brackets ("[*]", "[?]", "[[]"), so the pattern matches only the file
     * itself. DuckDB's glob cannot list a file whose name also holds a backslash, so such a name is refused.
     */
    public static String file(Path p) {
        String s = p.toAbsolutePath().toString();
        StringBuilder out = new StringBuilder(s.length() + 8);
        boolean glob = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '*' || ch == '?' || ch == '[') {
                out.append('[').append(ch).append(']');
                glob = true;
            } else {
                out.append(ch);
            }
        }
        if (glob && File.separatorChar == '/' && s.indexOf('\\') >= 0) {
            throw new BadInputException(s + ": cannot be read: its path holds both a backslash and one of * ? [ "
                    + "(rename the file or its folder)");
        }
        return Quote.literal(out.toString());
    }

    /**
     * Every physical line of a text file (gzip too) as one VARCHAR row, blank lines as NULL, numbered in file order.
     * Lines DuckDB cannot read as text (invalid UTF-8, longer than {@link #MAX_LINE_BYTES}) are left out but keep
     * their number: {@link LineCheck#find} must have listed them in {@code sb_bad_lines} first. A file holding one
     * JSON array (as KServe's logger writes a batch of several records) gives one row per element instead, numbered
     * from 1 (see {@link #arrayElements}).
     */
    static String lines(Path file) {
        if (SourceProbe.isJsonArray(file)) return arrayElements(file);
        // chr(30) (record separator) cannot occur in valid JSON text, so a line never splits; quoting and
        // comments are off so every byte of a line is kept as-is.
        return "(SELECT k + (SELECT count(*) FROM sb_bad_lines b WHERE b.source_file = "
                + Quote.literal(file.toString())
                + " AND b.good_before < k) AS line_no, line FROM (SELECT row_number() OVER () AS k, line FROM "
                + lineReader(file, ", ignore_errors=true") + "))";
    }

    /**
     * The elements of a file holding one JSON array, as (line_no = element number, line = the element's JSON text);
     * a file that is not a valid JSON array is one row holding its whole text, so it is quarantined as malformed.
     */
    static String arrayElements(Path file) {
        return "(SELECT row_number() OVER () AS line_no, line FROM (SELECT unnest(CASE WHEN json_valid(content) AND "
                + "json_type(content) = 'ARRAY' THEN CAST(json_extract(content, '$[*]') AS VARCHAR[]) ELSE [content] "
                + "END) AS line FROM " + content(file) + "))";
    }

    /**
     * A text file's whole content as one row (column {@code content}). read_text does not decompress, so a gzip file's
     * lines are joined back in file order (a line that is not text is left out; the JSON then reads as malformed).
     */
    private static String content(Path file) {
        if (!SourceProbe.isGzip(file)) return "read_text(" + file(file) + ")";
        return "(SELECT coalesce(string_agg(line, chr(10) ORDER BY k), '') AS content FROM (SELECT row_number() OVER () "
                + "AS k, line FROM " + lineReader(file, ", ignore_errors=true") + "))";
    }

    /** The lines that read as text, unnumbered: for sampling, where a line left out does not matter. */
    static String readableLines(Path file) {
        return lineReader(file, ", ignore_errors=true");
    }

    static String lineReader(Path file) {
        return lineReader(file, "");
    }

    static String lineReader(Path file, String extra) {
        return "read_csv(" + file(file)
                + ", columns={'line':'VARCHAR'}, header=false, delim=chr(30), quote='', escape='', "
                + "comment='', skip=0, auto_detect=false, strict_mode=false, max_line_size=" + MAX_LINE_BYTES + extra
                + ")";
    }

    /** Blank line test; trim() only runs on lines starting with whitespace, because it is slow on millions of lines. */
    static String blank(String col) {
        return "(" + col + " IS NULL OR (ascii(" + col + ") IN (9, 11, 12, 13, 32) AND trim(" + col + ") = ''))";
    }

    static String readJson(Path file, String extra) {
        return "read_json(" + file(file) + ", format='newline_delimited'" + extra + ")";
    }
}
