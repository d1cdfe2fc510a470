package dev.shadowbench.core.extract;

import dev.shadowbench.core.BadInputException;
import dev.shadowbench.core.db.Db;
import dev.shadowbench.core.ingest.FileReaders;
import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Transactions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Loads an extract folder (manifest.json and one folder of Parquet files per table, see
 * src/site/markdown/extract.md) into the workspace's schema {@code extract}. Everything is checked before anything is
 * written, and the write is one transaction: a malformed extract leaves the workspace as it was, with an error naming
 * the file and the field. The same extract (same manifest) imported again changes nothing.
 */
public final class ExtractImport {
    private ExtractImport() {}

    /** What an import did: the extract's id and manifest, whether it was new, and the rows read per table. */
    public record Outcome(long extractId, ExtractManifest manifest, boolean imported, Map<String, Long> rows) {
        /** One line for the command line and the status bar. */
        public String summaryLine() {
            String sides =
                    manifest.baseline().key() + " vs " + manifest.candidate().key();
            if (!imported) return "Extract already imported (extract " + extractId + ", " + sides + "): nothing to do";
            long total = rows.values().stream().mapToLong(Long::longValue).sum();
            return "Imported extract " + extractId + ": " + sides + ", "
                    + manifest.days().size() + " day(s) "
                    + (manifest.days().isEmpty()
                            ? ""
                            : manifest.days().get(0) + ".."
                                    + manifest.days().get(manifest.days().size() - 1))
                    + ", " + total + " rows in " + rows.size() + " tables (" + manifest.significantDigits()
                    + " significant digits, sample seed " + manifest.seed() + ")";
        }
    }

    /** Imports {@code dir} into {@code ws} on a connection of its own. */
    public static Outcome run(dev.shadowbench.core.workspace.Workspace ws, Path dir, ProgressSink sink)
            throws SQLException {
        try (Connection c = ws.connect()) {
            return run(c, dir, sink);
        }
    }

    /**
     * The extract folder {@code paths} name, or null: one path that is an extract folder or its manifest.json (what
     * File > Import and a drop on the window hand over).
     */
    public static Path folderOf(java.util.List<Path> paths) {
        if (paths.size() != 1) return null;
        Path p = paths.get(0);
        Path dir =
                p.getFileName() != null && p.getFileName().toString().equals(ExtractManifest.FILE) ? p.getParent() : p;
        return dir != null && ExtractManifest.isExtract(dir) ? dir : null;
    }

    /** Imports {@code dir} on {@code c} (auto-commit on; the import runs in a transaction of its own). */
    public static Outcome run(Connection c, Path dir, ProgressSink sink) throws SQLException {
        ExtractManifest m = ExtractManifest.read(dir);
        Db q = new Db(c, sink);
        Object[] known = q.row("SELECT max(extract_id) FROM extract.extracts WHERE digest = ?", m.digest());
        if (known[0] != null) return new Outcome(Db.lng(known[0]), m, false, Map.of());
        Map<String, String> sources = new LinkedHashMap<>();
        Map<String, Long> rows = new LinkedHashMap<>();
        Map<String, Map<String, String>> types = new LinkedHashMap<>();
        for (ExtractTables.Table t : ExtractTables.ALL) {
            sink.checkCancelled();
            sink.progress(-1, -1, "Checking " + t.name());
            List<Path> files = files(dir, t);
            Long stated = m.tableRows().get(t.name());
            if (files.isEmpty()) {
                if (!t.optional())
                    throw new BadInputException(dir + ": table " + t.name() + " is missing (expected "
                            + dir.resolve(t.name()) + "/*.parquet)");
                if (stated != null && stated > 0)
                    throw new BadInputException(dir.resolve(ExtractManifest.FILE) + ": field tables." + t.name()
                            + ".rows says " + stated + " but the extract has no " + t.name() + " files");
                continue;
            }
            String src = "read_parquet(["
                    + String.join(", ", files.stream().map(FileReaders::file).toList()) + "], filename = true)";
            types.put(t.name(), ExtractCheck.table(q, dir, m, t, src, stated));
            sources.put(t.name(), src);
        }
        ExtractCheck.noOverlap(q, dir, m);
        return write(c, q, dir, m, sources, types, rows);
    }

    private static Outcome write(
            Connection c,
            Db q,
            Path dir,
            ExtractManifest m,
            Map<String, String> sources,
            Map<String, Map<String, String>> types,
            Map<String, Long> rows)
            throws SQLException {
        c.setAutoCommit(false);
        try {
            long id = Db.lng(q.row("SELECT coalesce(max(extract_id), 0) + 1 FROM extract.extracts")[0]);
            q.execute(
                    "INSERT INTO extract.extracts(extract_id, baseline, candidate, digest, source, manifest_json, "
                            + "significant_digits, seed, sample_size, extremes, top_k, rows_unreadable, outliers_by, "
                            + "imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())",
                    id,
                    m.baseline().key(),
                    m.candidate().key(),
                    m.digest(),
                    dir.toAbsolutePath().toString(),
                    m.json(),
                    m.significantDigits(),
                    m.seed(),
                    m.sampleSize(),
                    m.extremes(),
                    m.topK(),
                    m.rowsUnreadable(),
                    m.outliersBy());
            for (var d : m.days())
                q.execute("INSERT INTO extract.days(extract_id, day) VALUES (?, ?)", id, java.sql.Date.valueOf(d));
            for (ExtractTables.Table t : ExtractTables.ALL) {
                String src = sources.get(t.name());
                if (src == null) continue;
                q.sink().checkCancelled();
                q.sink().progress(-1, -1, "Loading " + t.name());
                List<String> cols = new ArrayList<>();
                for (ExtractTables.Column col : t.columns())
                    cols.add(ExtractCheck.read(col, types.get(t.name()).get(col.name())));
                q.execute(
                        "INSERT INTO extract." + t.name() + "(extract_id, " + t.columnList() + ") SELECT ?, "
                                + String.join(", ", cols) + " FROM " + src,
                        id);
                rows.put(
                        t.name(),
                        Db.lng(q.row("SELECT count(*) FROM extract." + t.name() + " WHERE extract_id = ?", id)[0]));
            }
            c.commit();
            return new Outcome(id, m, true, rows);
        } catch (SQLException | RuntimeException e) {
            Transactions.rollback(c, e);
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** The Parquet files of table {@code t}: {@code dir/<t>/**.parquet} in name order, or {@code dir/<t>.parquet}. */
    static List<Path> files(Path dir, ExtractTables.Table t) {
        Path folder = dir.resolve(t.name());
        if (Files.isDirectory(folder)) {
            try (Stream<Path> s = Files.walk(folder)) {
                return s.filter(p -> Files.isRegularFile(p)
                                && p.getFileName().toString().endsWith(".parquet")
                                && !p.getFileName().toString().startsWith(".")
                                && !p.getFileName().toString().startsWith("_"))
                        .sorted()
                        .toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Path single = dir.resolve(t.name() + ".parquet");
        return Files.isRegularFile(single) ? List.of(single) : List.of();
    }
}
