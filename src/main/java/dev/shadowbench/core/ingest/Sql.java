package dev.shadowbench.core.ingest;

import java.nio.file.Path;

/** Quoting for SQL built from names and paths that came from users' files. */
final class Sql {
    private Sql() {}

    static String lit(String s) { return s == null ? "NULL" : "'" + s.replace("'", "''") + "'"; }

    static String lit(Path p) { return lit(p.toAbsolutePath().toString()); }

    static String ident(String s) { return "\"" + s.replace("\"", "\"\"") + "\""; }

    /** Every physical line of a text file (gzip too) as one VARCHAR row, blank lines as NULL, in file order. */
    static String lines(Path file) {
        // chr(30) (record separator) cannot occur in valid JSON text, so a line never splits; quoting and
        // comments are off so every byte of a line is kept as-is.
        return "(SELECT row_number() OVER () AS line_no, line FROM " + lineReader(file) + ")";
    }

    static String lineReader(Path file) {
        return "read_csv(" + lit(file) + ", columns={'line':'VARCHAR'}, header=false, delim=chr(30), quote='', escape='', "
                + "comment='', skip=0, auto_detect=false, strict_mode=false, max_line_size=16777216)";
    }

    /** Blank line test; trim() only runs on lines starting with whitespace, because it is slow on millions of lines. */
    static String blank(String col) {
        return "(" + col + " IS NULL OR (ascii(" + col + ") IN (9, 11, 12, 13, 32) AND trim(" + col + ") = ''))";
    }

    static String readJson(Path file, String extra) {
        return "read_json(" + lit(file) + ", format='newline_delimited'" + extra + ")";
    }
}
