package dev.shadowbench.core.ingest;

import dev.shadowbench.core.BadInputException;
import dev.shadowbench.core.db.QueryWatch;
import dev.shadowbench.core.task.CancelledException;
import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Transactions;
import dev.shadowbench.core.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * Imports prediction logs and labels into a workspace. Every file is first read into a connection-private
 * staging table (where a malformed line becomes a quarantine row, not an error), then one transaction moves
 * the staged rows into predictions/labels/quarantine and records the import. A failure or cancel before
 * the commit leaves the workspace unchanged.
 */
public final class LogImporter {
    private final Workspace workspace;
    /** Whether a committed import's paths are kept as a source for {@link NewLogs} (not when it is that step). */
    private final boolean rememberSource;
    /** How many times the last run started reading its files (1 unless a file expected clean was not). */
    private int attempts;

    public LogImporter(Workspace workspace) {
        this(workspace, true);
    }

    LogImporter(Workspace workspace, boolean rememberSource) {
        this.workspace = workspace;
        this.rememberSource = rememberSource;
    }

    /** The files the last {@link #run} read line by line (the slowest path: each line numbered and parsed alone). */
    private final Set<Path> readLineByLine = new HashSet<>();

    Set<Path> readLineByLine() {
        return Set.copyOf(readLineByLine);
    }

    /** Attempts of the last {@link #run}: each one past the first re-read every file before the one that was not clean. */
    int attempts() {
        return attempts;
    }

    /** Accounting of one file, counted while staging. */
    record FileCount(
            Path file,
            String hash,
            long size,
            LogFormat format,
            String variant,
            ColumnMapping mapping,
            long linesRead,
            long imported,
            long quarantined,
            long blank) {}

    /**
     * Thrown when a file expected to be clean was not: the import restarts and reads that file as text lines in one
     * set-based pass ({@link JsonLines}), or line by line when {@code lineByLine} (that pass could not account for
     * every line).
     */
    static final class NotClean extends RuntimeException {
        final Path file;
        final boolean lineByLine;

        NotClean(Path file) {
            this(file, false);
        }

        NotClean(Path file, boolean lineByLine) {
            super(null, null, false, false);
            this.file = file;
            this.lineByLine = lineByLine;
        }
    }

    public ImportReport run(ImportRequest req, ProgressSink progress) {
        List<Path> files = SourceFiles.expand(req.paths());
        LogFormat forced = LogFormat.fromOption(req.format());
        Set<Path> asLines = new HashSet<>();
        Set<Path> lineByLine = new HashSet<>();
        ExecutorService hasher = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "shadowbench-hash");
            t.setDaemon(true);
            return t;
        });
        attempts = 0;
        // files are probed on a connection of their own, outside the import's transaction: a probe that fails
        // (DuckDB's sampler refusing a line) must not abort the transaction holding the files read so far
        try (Connection c = workspace.connect();
                Connection probes = workspace.connect()) {
            try (Statement st = c.createStatement()) {
                st.execute("SET TimeZone='UTC'");
                // DuckDB tracks a query's progress only with the progress bar on; it must not print, though
                st.execute("SET enable_progress_bar = true");
                st.execute("SET enable_progress_bar_print = false");
            }
            while (true) {
                // a fresh statement per attempt: the driver closes a statement that failed
                try (Statement st = c.createStatement();
                        QueryWatch watch = QueryWatch.start(st, progress)) {
                    c.setAutoCommit(false);
                    attempts++;
                    Throwable failure = null;
                    try {
                        return importAll(c, probes, st, watch, req, files, forced, asLines, lineByLine, hasher);
                    } catch (NotClean e) {
                        c.rollback();
                        (e.lineByLine || asLines.contains(e.file) ? lineByLine : asLines).add(e.file);
                    } catch (SQLException | RuntimeException e) {
                        failure = e;
                        if (e instanceof SQLException && watch.wasCancelled()) throw new CancelledException();
                        throw e;
                    } finally {
                        if (!c.getAutoCommit()) {
                            // after a failed commit (full disk, read-only folder) DuckDB has ended the transaction
                            // itself: the rollback's own complaint must not hide the real error
                            if (failure == null) {
                                c.rollback();
                                c.setAutoCommit(true);
                            } else {
                                Transactions.rollback(c, failure);
                                Transactions.autoCommit(c, failure);
                            }
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Import failed: " + SourceProbe.firstLine(e.getMessage()), e);
        } finally {
            hasher.shutdownNow();
        }
    }

    static <T> T join(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw e;
        }
    }

    private ImportReport importAll(
            Connection c,
            Connection probes,
            Statement st,
            QueryWatch watch,
            ImportRequest req,
            List<Path> files,
            LogFormat forced,
            Set<Path> asLines,
            Set<Path> lineByLine,
            ExecutorService hasher)
            throws SQLException {
        readLineByLine.clear();
        st.execute(Staging.CREATE);
        st.execute(LineCheck.CREATE);
        st.execute("DELETE FROM sb_bad_lines");
        st.execute("DROP TABLE IF EXISTS kserve_raw");
        long id = dev.shadowbench.core.workspace.ImportIds.next(c);
        MappingStore store = new MappingStore(c);
        List<FileCount> counts = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<Long> sizes = new HashSet<>();
        int skipped = 0;
        List<String> notes = new ArrayList<>();
        // files named one by one are read as asked; only files found in a folder or by a pattern may be left out
        Set<Path> named = new HashSet<>();
        for (Path p : req.paths()) {
            if (java.nio.file.Files.isRegularFile(p))
                named.add(p.toAbsolutePath().normalize());
        }
        boolean kserve = false;
        int i = 0;
        for (Path file : files) {
            checkCancelled(watch);
            watch.step("Checking " + file.getFileName(), i * 1000L, 1000, (files.size() + 1L) * 1000);
            Trace.mark("start " + file.getFileName());
            long size = sizeOf(file);
            // The hash is computed beside DuckDB's work; it is waited for first only when a file of the same size
            // was imported before (likely the same file again) or the file needs the slow path anyway.
            CompletableFuture<Digest> pending = CompletableFuture.supplyAsync(() -> digest(file), hasher);
            String hash = null;
            if (asLines.contains(file) || lineByLine.contains(file) || store.hasFileOfSize(size) || !sizes.add(size)) {
                hash = join(pending).hash();
                if (!seen.add(hash) || store.alreadyImported(hash)) {
                    skipped++;
                    i++;
                    continue;
                }
            }
            SourceProbe.Probe probe = SourceProbe.probe(probes, file, forced);
            Trace.mark("probe");
            watch.step(
                    "Importing " + file.getFileName() + " (" + (i + 1) + " of " + files.size() + ")",
                    i * 1000L,
                    1000,
                    (files.size() + 1L) * 1000);
            boolean fast = probe.format() == LogFormat.JSONL && !probe.irregular() && !lineByLine.contains(file);
            if (!fast && hash == null) hash = join(pending).hash();
            if (probe.format() == LogFormat.KSERVE) {
                KServeLogs.stageRaw(st, probe);
                kserve = true;
                counts.add(new FileCount(file, hash, size, LogFormat.KSERVE, null, null, 0, 0, 0, 0));
            } else if (probe.format() == LogFormat.SAGEMAKER) {
                counts.add(SageMakerCapture.stage(st, probe, req, hash, size));
                if (req.kind() == ImportRequest.Kind.PREDICTIONS && SageMakerCapture.isGroundTruth(probe)) {
                    notes.add(file.getFileName() + " read as labels (SageMaker ground truth)");
                }
            } else {
                ColumnMapping m = mappingFor(store, probe, req);
                ImportRequest fileReq = req;
                if (req.kind() == ImportRequest.Kind.PREDICTIONS
                        && req.mapping() == null
                        && !m.has(Field.PREDICTION)
                        && !m.has(Field.PREDICTED_CLASS)) {
                    // no prediction column: a labels file (request id + actual) is imported as labels; a file of
                    // neither found in a folder (generate's anomalies.csv, BentoML's schema logs) is left out
                    ColumnMapping labels = labelsMapping(probe);
                    if (labels != null) {
                        fileReq = req.withKind(ImportRequest.Kind.LABELS);
                        m = labels;
                        notes.add(file.getFileName() + " read as labels (" + labels.column(Field.REQUEST_ID) + ", "
                                + labels.column(Field.LABEL) + ")");
                    } else if (!named.contains(file)) {
                        notes.add(file.getFileName() + " left out: neither predictions nor labels (columns: "
                                + probe.columns().stream()
                                        .map(SourceColumn::name)
                                        .collect(Collectors.joining(", "))
                                + ")");
                        i++;
                        continue;
                    }
                }
                if (fast) {
                    FileCount fc = asLines.contains(file)
                            ? JsonLines.importLines(st, id, probe, fileReq, size, m, pending)
                            : TabularSource.importClean(st, id, probe, fileReq, size, m, pending);
                    // a hash checked above is in seen already; one not checked yet (no file of that size before)
                    // is checked now: the file changed since its size was read, so start again, hash first
                    if (hash == null && (!seen.add(fc.hash()) || store.alreadyImported(fc.hash())))
                        throw new NotClean(file);
                    hash = fc.hash();
                    counts.add(fc);
                } else {
                    if (probe.format() == LogFormat.JSONL) readLineByLine.add(file);
                    counts.add(TabularSource.stage(st, probe, fileReq, hash, size, m));
                }
            }
            Trace.mark("stage");
            checkCancelled(watch);
            i++;
        }
        if (kserve) counts = KServeLogs.finish(st, req, counts);
        for (FileCount fc : counts) {
            if (fc.imported() == 0 && fc.quarantined() > 0 && !ImportCommit.onlyUnanswered(st, fc))
                throw ImportCommit.unreadable(st, fc);
        }
        if (counts.isEmpty()) {
            return new ImportReport(-1, files.size(), skipped, 0, 0, 0, 0, 0, 0, 0, 0, notes);
        }
        watch.step("Saving", files.size() * 1000L, 1000, (files.size() + 1L) * 1000);
        checkCancelled(watch);
        return ImportCommit.commit(c, st, id, req, counts, skipped, files.size(), notes, rememberSource);
    }

    /** The mapping of a labels file: a correlation id and a column named as labels are (actual, label, y_true...). */
    static ColumnMapping labelsMapping(SourceProbe.Probe probe) {
        ColumnMapping m = ColumnMapping.detect(probe.columns(), ImportRequest.Kind.LABELS);
        if (!m.has(Field.REQUEST_ID) || !m.has(Field.LABEL)) return null;
        String label = m.column(Field.LABEL).strip().toLowerCase(java.util.Locale.ROOT);
        return Field.LABEL.commonNames().contains(label) ? m : null;
    }

    private ColumnMapping mappingFor(MappingStore store, SourceProbe.Probe probe, ImportRequest req) {
        return req.mapping() != null ? req.mapping() : proposedMapping(store, probe, req.kind());
    }

    /** The mapping remembered for the file's source when it fits the file's columns, else the detected one. */
    static ColumnMapping proposedMapping(MappingStore store, SourceProbe.Probe probe, ImportRequest.Kind kind) {
        ColumnMapping remembered = store.lookup(MappingStore.keyFor(probe.file(), probe.format()));
        if (remembered != null && remembered.columns().values().stream().allMatch(probe::hasColumn)) return remembered;
        return ColumnMapping.detect(probe.columns(), kind);
    }

    private static void checkCancelled(QueryWatch watch) {
        if (watch.wasCancelled()) throw new CancelledException();
    }

    private static long sizeOf(Path f) {
        try {
            return java.nio.file.Files.size(f);
        } catch (IOException e) {
            throw new BadInputException(f + ": cannot read the file: " + e.getMessage());
        }
    }

    /** SHA-256 of a file's bytes, and its number of lines when it is not gzip-compressed (else -1). */
    record Digest(String hash, long lines) {}

    /** SHA-256 of the file's bytes: the same content imported twice is recognised whatever its name. */
    static String hash(Path file) {
        return digest(file).hash();
    }

    /**
     * Hashes the file and, when it is plain text, counts its lines in the same read (a line ends at '\n'; a last line
     * without one counts too). This runs beside DuckDB's insert and spares it a separate counting pass.
     */
    static Digest digest(Path file) {
        try (var in = java.nio.file.Files.newInputStream(file)) {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 20];
            java.nio.ByteBuffer words = java.nio.ByteBuffer.wrap(buf).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            int n;
            long lines = 0;
            boolean first = true, gzip = false;
            byte last = '\n';
            while ((n = in.readNBytes(buf, 0, buf.length)) > 0) {
                if (first) gzip = n >= 2 && (buf[0] & 0xff) == 0x1f && (buf[1] & 0xff) == 0x8b;
                first = false;
                md.update(buf, 0, n);
                if (!gzip) {
                    lines += newlines(words, buf, n);
                    last = buf[n - 1];
                }
            }
            if (!gzip && last != '\n') lines++;
            return new Digest(java.util.HexFormat.of().formatHex(md.digest()), gzip ? -1 : lines);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read the file: " + e.getMessage());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Number of '\n' bytes in buf[0, n), eight bytes at a time (exact zero-byte test on x ^ 0x0a0a...). */
    static long newlines(java.nio.ByteBuffer words, byte[] buf, int n) {
        final long nl = 0x0A0A0A0A0A0A0A0AL, low7 = 0x7F7F7F7F7F7F7F7FL;
        long count = 0;
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            long x = words.getLong(i) ^ nl;
            long t = ((x & low7) + low7) | x; // high bit of each byte set unless the byte is zero
            count += Long.bitCount(~t & ~low7);
        }
        for (; i < n; i++) if (buf[i] == '\n') count++;
        return count;
    }
}
