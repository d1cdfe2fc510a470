package dev.shadowbench.core.extract;

import dev.shadowbench.core.BadInputException;
import dev.shadowbench.core.db.Db;
import dev.shadowbench.core.db.Quote;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The checks an extract's table passes before anything is written; each failure names the file and the column. */
final class ExtractCheck {
    private ExtractCheck() {}

    /** Parquet types (as DuckDB reads them) accepted for each type of the format. */
    private static final Map<String, Set<String>> ACCEPTED = Map.of(
            "BIGINT", Set.of("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "UTINYINT", "USMALLINT", "UINTEGER"),
            "DOUBLE", Set.of("DOUBLE", "FLOAT", "TINYINT", "SMALLINT", "INTEGER", "BIGINT"),
            "DATE", Set.of("DATE"),
            "TIMESTAMP", Set.of("TIMESTAMP", "TIMESTAMP_NS", "TIMESTAMP_MS", "TIMESTAMP_S", "TIMESTAMP WITH TIME ZONE"),
            "VARCHAR", Set.of("VARCHAR"),
            "VARCHAR[]", Set.of("VARCHAR[]"),
            "BOOLEAN", Set.of("BOOLEAN"));

    /**
     * SQL reading column {@code col}, of Parquet type {@code type} as DuckDB reads it, as the workspace stores it. A
     * Spark timestamp is an instant (TIMESTAMP WITH TIME ZONE here): it is kept as its UTC wall clock, whatever this
     * machine's time zone (a plain cast would shift it to local time).
     */
    static String read(ExtractTables.Column col, String type) {
        String ident = Quote.ident(col.name());
        if (col.type().equals("TIMESTAMP") && "TIMESTAMP WITH TIME ZONE".equals(type))
            return "timezone('UTC', " + ident + ")";
        return "CAST(" + ident + " AS " + col.type() + ")";
    }

    /**
     * Checks table {@code t} read by {@code src} (a read_parquet with filename = true): columns, nulls, values, rows.
     * Returns each column's type as read.
     */
    static Map<String, String> table(Db q, Path dir, ExtractManifest m, ExtractTables.Table t, String src, Long stated)
            throws SQLException {
        Map<String, String> types = new HashMap<>();
        for (Object[] r : q.rows("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM " + src + ")"))
            types.put(String.valueOf(r[0]).toLowerCase(Locale.ROOT), String.valueOf(r[1]));
        String where = dir.resolve(t.name()) + "";
        for (ExtractTables.Column col : t.columns()) {
            String type = types.get(col.name());
            if (type == null)
                throw new BadInputException(where + ": column " + col.name() + " is missing (" + col.type() + ")");
            boolean ok = ACCEPTED.get(col.type()).contains(type)
                    || (col.type().equals("DOUBLE") && type.startsWith("DECIMAL"));
            if (!ok)
                throw new BadInputException(where + ": column " + col.name() + " is " + type + ", not " + col.type());
        }
        List<Bad> bad = new ArrayList<>();
        for (ExtractTables.Column col : t.columns()) {
            String c = col.name(), ident = Quote.ident(c);
            if (col.required()) bad.add(new Bad(c, "'is empty (NULL)'", ident + " IS NULL"));
            Set<String> values = ExtractTables.VALUES.get(t.name() + "." + c);
            if (values != null)
                bad.add(new Bad(
                        c,
                        "'is ''' || " + ident + " || ''', not one of "
                                + String.join(" ", values.stream().sorted().toList()) + "'",
                        ident + " NOT IN (" + list(values) + ")"));
            if (col.type().equals("BIGINT")) bad.add(new Bad(c, "'is negative'", ident + " < 0"));
            if (c.equals("x")) bad.add(new Bad(c, "'is not a finite number'", "NOT isfinite(" + ident + ")"));
            if (c.equals("day") && !m.days().isEmpty())
                bad.add(new Bad(
                        c,
                        "'is ' || " + ident + " || ', not one of the manifest''s days'",
                        ident + " IS NOT NULL AND " + ident + " NOT IN (" + days(m.days()) + ")"));
        }
        if (t.name().equals("value_counts")) {
            for (var e : ExtractTables.MEASURES.entrySet())
                bad.add(new Bad(
                        "side",
                        "'is ''' || side || ''', not a side of measure " + e.getKey() + "'",
                        "measure = " + Quote.literal(e.getKey()) + " AND side NOT IN (" + list(e.getValue()) + ")"));
        }
        for (Bad b : bad) {
            List<Object[]> r = q.rows("SELECT filename, " + b.message() + ", count(*) OVER () FROM " + src + " WHERE "
                    + b.condition() + " LIMIT 1");
            if (!r.isEmpty())
                throw new BadInputException(
                        r.get(0)[0] + ": column " + b.column() + " " + r.get(0)[1] + " (" + r.get(0)[2] + " rows)");
        }
        long n = Db.lng(q.row("SELECT count(*) FROM " + src)[0]);
        if (stated != null && stated != n)
            throw new BadInputException(dir.resolve(ExtractManifest.FILE) + ": field tables." + t.name() + ".rows says "
                    + stated + " but " + where + " holds " + n + " rows");
        return types;
    }

    /** A check: rows meeting {@code condition} are wrong; {@code message} (SQL text) says how. */
    private record Bad(String column, String message, String condition) {}

    private static String list(Set<String> values) {
        return String.join(", ", values.stream().sorted().map(Quote::literal).toList());
    }

    private static String days(List<LocalDate> days) {
        return String.join(
                ", ",
                days.stream().map(d -> "DATE " + Quote.literal(d.toString())).toList());
    }

    /**
     * Refuses an extract of sides already imported for one of its days (its counts would be added twice), or with
     * other settings than the extracts of those sides already held (their days are read as one window: one precision,
     * one sample seed and sizes, one top k).
     */
    static void noOverlap(Db q, Path dir, ExtractManifest m) throws SQLException {
        List<Object[]> other = q.rows(
                "SELECT source, significant_digits, seed, sample_size, extremes, top_k FROM extract.extracts "
                        + "WHERE baseline = ? AND candidate = ? AND (significant_digits <> ? OR seed <> ? OR "
                        + "sample_size <> ? OR extremes <> ? OR top_k <> ?) LIMIT 1",
                m.baseline().key(),
                m.candidate().key(),
                m.significantDigits(),
                m.seed(),
                m.sampleSize(),
                m.extremes(),
                m.topK());
        if (!other.isEmpty()) {
            Object[] o = other.get(0);
            throw new BadInputException(dir.resolve(ExtractManifest.FILE) + ": precision " + m.significantDigits()
                    + ", sample seed " + m.seed() + " (" + m.sampleSize() + " pairs, " + m.extremes()
                    + " extremes), top_k "
                    + m.topK() + " differ from the extract of the same sides already imported from " + o[0] + " ("
                    + o[1] + ", seed " + o[2] + " (" + o[3] + " pairs, " + o[4] + " extremes), top_k " + o[5]
                    + "): run the job with the same settings for every day");
        }
        if (m.days().isEmpty()) return;
        Object[] r = q.row(
                "SELECT min(d.day), min(e.source) FROM extract.days d JOIN extract.extracts e USING (extract_id) "
                        + "WHERE e.baseline = ? AND e.candidate = ? AND d.day IN (" + days(m.days()) + ")",
                m.baseline().key(),
                m.candidate().key());
        if (r[0] != null)
            throw new BadInputException(dir + ": the workspace already holds an extract of "
                    + m.baseline().key()
                    + " vs " + m.candidate().key() + " for " + r[0] + " (from " + r[1]
                    + "); import extracts of other days, or a new workspace");
    }
}
