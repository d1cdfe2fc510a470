package dev.shadowbench.core.ingest;

/** A column of a log file as DuckDB reads it: its name and DuckDB type. */
public record SourceColumn(String name, String type) {
    public boolean isNumeric() {
        String t = type.toUpperCase(java.util.Locale.ROOT);
        return t.equals("DOUBLE")
                || t.equals("FLOAT")
                || t.equals("BIGINT")
                || t.equals("INTEGER")
                || t.equals("HUGEINT")
                || t.equals("SMALLINT")
                || t.equals("TINYINT")
                || t.equals("UBIGINT")
                || t.equals("UINTEGER")
                || t.startsWith("DECIMAL");
    }

    public boolean isList() {
        return type.endsWith("[]");
    }

    public boolean isTemporal() {
        return type.toUpperCase(java.util.Locale.ROOT).startsWith("TIMESTAMP") || type.equalsIgnoreCase("DATE");
    }
}
