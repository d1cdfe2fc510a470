package dev.shadowbench.core.db;

/**
 * The one quoting helper for SQL text built from names that came from a user's file (column names) or from
 * the file system (paths). Values go through bound parameters ({@link Db}); only what SQL cannot bind, an
 * identifier or a table function's file argument, is quoted here.
 */
public final class Quote {
    private Quote() {}

    /** An identifier in double quotes, each inner {@code "} doubled: {@code my "col"} becomes {@code "my ""col"""}. */
    public static String ident(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** A string literal in single quotes, each inner {@code '} doubled; null is {@code NULL}. */
    public static String literal(String s) {
        return s == null ? "NULL" : "'" + s.replace("'", "''") + "'";
    }
}
