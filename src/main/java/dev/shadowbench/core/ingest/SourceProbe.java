package dev.shadowbench.core.ingest;

import dev.shadowbench.core.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Finds out what a log file is: its format and its columns as DuckDB reads them. */
public final class SourceProbe {
    private SourceProbe() {}

    /**
     * A file's format and columns; {@code irregular} when DuckDB's reader could not sample the file as records
     * (a line that is not an object, nested too deep, with an empty key...), so it is best read line by line.
     */
    public record Probe(Path file, LogFormat format, List<SourceColumn> columns, boolean irregular) {
        public Probe(Path file, LogFormat format, List<SourceColumn> columns) {
            this(file, format, columns, false);
        }

        /** A column of the file, or a field inside one of its nested (struct) columns: {@code eventMetadata.eventId}. */
        public boolean hasColumn(String name) {
            if (columns.stream().anyMatch(c -> c.name().equals(name))) return true;
            java.util.Map<String, SourceColumn> byName = new java.util.HashMap<>();
            for (SourceColumn c : columns) byName.put(c.name(), c);
            SourceColumn base = Staging.nestedBase(name, byName);
            return base != null
                    && (base.type().toUpperCase(java.util.Locale.ROOT).startsWith("STRUCT")
                            || base.type().equalsIgnoreCase("JSON"));
        }
    }

    public static Probe probe(Connection c, Path file, LogFormat forced) {
        try {
            if (Files.size(file) == 0) throw new BadInputException(file + ": the file is empty");
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read the file: " + e.getMessage());
        }
        LogFormat container = containerOf(file, forced);
        boolean[] irregular = new boolean[1];
        List<SourceColumn> cols = describe(c, file, container, irregular);
        LogFormat f = container;
        if (forced == LogFormat.SAGEMAKER
                || forced == null
                        && container == LogFormat.JSONL
                        && (has(cols, "captureData") || has(cols, "groundTruthData") && has(cols, "eventMetadata"))) {
            f = LogFormat.SAGEMAKER;
        } else if (forced == LogFormat.KSERVE || forced == null && KServeLogs.looksLikeKServe(cols)) {
            f = LogFormat.KSERVE;
        }
        return new Probe(file, f, cols, irregular[0]);
    }

    private static boolean has(List<SourceColumn> cols, String name) {
        return cols.stream().anyMatch(c -> c.name().equalsIgnoreCase(name));
    }

    /** jsonl, csv or parquet: from --format, else the name, else the first bytes. */
    static LogFormat containerOf(Path file, LogFormat forced) {
        if (forced == LogFormat.JSONL || forced == LogFormat.CSV || forced == LogFormat.PARQUET) return forced;
        if (forced == LogFormat.SAGEMAKER) return LogFormat.JSONL;
        LogFormat byName = LogFormat.fromFileName(file);
        if (byName != null) return byName;
        byte[] head = head(file);
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'A' && head[2] == 'R' && head[3] == '1')
            return LogFormat.PARQUET;
        return switch (firstByte(file)) {
            case '{', '[' -> LogFormat.JSONL;
            default -> LogFormat.CSV;
        };
    }

    /** The first byte that is not white space (gzip decompressed), or -1. */
    private static int firstByte(Path file) {
        for (byte b : head(file)) {
            if (!Character.isWhitespace(b)) return b;
        }
        return -1;
    }

    /** A file holding one JSON array of records rather than JSON Lines: it starts with '['. */
    static boolean isJsonArray(Path file) {
        return firstByte(file) == '[';
    }

    /**
     * A file whose name says no format but whose content reads as records: JSON (an object or an array of them) or
     * Parquet. A folder's files with other extensions (BentoML's {@code *.log}) are imported when this holds.
     */
    static boolean readsAsRecords(Path file) {
        try {
            if (Files.size(file) == 0) return false;
        } catch (IOException e) {
            return false;
        }
        byte[] head = head(file);
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'A' && head[2] == 'R' && head[3] == '1') return true;
        int b = firstByte(file);
        return b == '{' || b == '[';
    }

    private static byte[] head(Path file) {
        try (InputStream in =
                isGzip(file) ? new GZIPInputStream(Files.newInputStream(file)) : Files.newInputStream(file)) {
            return in.readNBytes(256);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read the file: " + e.getMessage());
        }
    }

    /** True when the file starts with gzip's magic bytes (whatever its name). */
    static boolean isGzip(Path file) {
        try (InputStream raw = Files.newInputStream(file)) {
            byte[] b = raw.readNBytes(2);
            return b.length == 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b;
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read the file: " + e.getMessage());
        }
    }

    static String describeSource(Path file, LogFormat container) {
        return switch (container) {
            case CSV -> "read_csv(" + FileReaders.file(file) + ", header=true, ignore_errors=true)";
            case PARQUET -> "read_parquet(" + FileReaders.file(file) + ")";
            default ->
                isJsonArray(file)
                        ? "read_json(" + FileReaders.file(file)
                                + ", format='array', ignore_errors=true, sample_size=2000)"
                        : FileReaders.readJson(file, ", ignore_errors=true, sample_size=2000");
        };
    }

    static List<SourceColumn> describe(Connection c, Path file, LogFormat container, boolean[] irregular) {
        if (container == LogFormat.JSONL) {
            // an array file is read element by element (FileReaders.lines), never by the strict fast path
            if (isJsonArray(file)) irregular[0] = true;
            try {
                return describeOnce(c, file, container);
            } catch (BadInputException e) {
                // non-object lines (arrays, scalars) make DuckDB's sniffer give up on records: look at object lines
                // only
                irregular[0] = true;
                return describeJsonObjects(c, file);
            }
        }
        return describeOnce(c, file, container);
    }

    private static List<SourceColumn> describeJsonObjects(Connection c, Path file) {
        // try(json_structure()) leaves out a line nested deeper than DuckDB's limit (128): json_group_structure
        // would fail on it with an internal error that invalidates the whole database
        String sql = "SELECT CAST(json_group_structure(CAST(line AS JSON)) AS VARCHAR) FROM (SELECT line FROM "
                + FileReaders.readableLines(file) + " WHERE json_valid(line) AND json_type(line) = 'OBJECT' "
                + "AND try(json_structure(line)) IS NOT NULL LIMIT 2000)";
        String structure;
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            structure = rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw ReadErrors.cannotRead(file, "JSON Lines", e);
        }
        if (structure == null)
            throw new BadInputException(file + ": no line holds a JSON object (is it really JSON Lines?)");
        List<SourceColumn> cols = new ArrayList<>();
        try {
            var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(structure);
            node.fields().forEachRemaining(e -> {
                if (e.getKey().isEmpty()) return; // no column can be named ""; a line with such a key is quarantined
                var v = e.getValue();
                String type = v.isArray() ? "VARCHAR[]" : v.isObject() ? "STRUCT" : v.asText("VARCHAR");
                if (type.equals("NULL")) type = "VARCHAR";
                cols.add(new SourceColumn(e.getKey(), type));
            });
        } catch (java.io.IOException e) {
            throw new IllegalStateException("DuckDB gave an unreadable JSON structure: " + structure, e);
        }
        return cols;
    }

    private static List<SourceColumn> describeOnce(Connection c, Path file, LogFormat container) {
        List<SourceColumn> cols = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM " + describeSource(file, container))) {
            while (rs.next()) cols.add(new SourceColumn(rs.getString(1), rs.getString(2)));
        } catch (SQLException e) {
            throw ReadErrors.cannotRead(file, container.id(), e);
        }
        if (cols.isEmpty()
                || container == LogFormat.JSONL
                        && cols.size() == 1
                        && cols.get(0).name().equals("json")) {
            throw new BadInputException(file + ": no columns found (is it really " + container.id() + "?)");
        }
        return cols;
    }

    static String firstLine(String s) {
        if (s == null) return "";
        String t = s.strip();
        int i = t.indexOf('\n');
        return i < 0 ? t : t.substring(0, i);
    }
}
