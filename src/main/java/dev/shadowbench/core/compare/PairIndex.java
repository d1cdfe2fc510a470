package dev.shadowbench.core.compare;

import dev.shadowbench.core.db.Db;
import dev.shadowbench.core.task.CancelledException;
import dev.shadowbench.core.task.ProgressSink;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The stored pairing of a comparison. Pairing (dedupe each side, join by request id) and sorting the values are
 * most of a summary's cost on a large workspace, and their result only changes when rows are added. So the first
 * summary, sample or outlier scan of a comparison and window builds, in schema {@code pair_index} of the workspace:
 * the pairs, each side's records counted per day, and tables of distinct values with their counts and running
 * counts (predictions and latency per side, the difference overall and per segment and day). Later ones, in this
 * or any later session, reuse them until the workspace's rows change. Only rows and exact counts are stored, never
 * a figure: every summary computes its percentiles, tests and histograms afresh from these tables.
 *
 * <p>An entry is keyed by the comparison, its window and a fingerprint of the data (row counts of predictions and
 * labels, number and highest id of imports); rows are only ever added by imports, so any import makes every entry
 * stale. Stale entries are dropped the next time an index is built, and at most {@link #KEEP} entries are kept,
 * least recently used first out. A build runs in one transaction: cancelled or failed, it leaves nothing behind.
 *
 * <p>{@link #open} returns a {@link PairedComparison} naming the entry's tables; readers take that handle.
 */
public final class PairIndex {
    private PairIndex() {}

    /** Layout of an entry's tables: bump it when they change, and older entries are rebuilt. */
    static final int FORMAT = 3;
    /** Entries kept per workspace (each is about the size of the two sides' rows). */
    static final int KEEP = 4;

    /** The table suffixes of one entry (see {@link PairedComparison}). */
    private static final List<String> TABLES = List.of(
            "pairs",
            "arms",
            "side_days",
            "prediction_cdf",
            "latency_cdf",
            "divergence_cdf",
            "signed_cdf",
            "breakdown_cdf",
            "group_counts");

    /** How many tables an entry has. */
    static final int TABLES_PER_ENTRY = TABLES.size();

    /** One lock per database file in this JVM: builds and registry updates of one workspace never overlap. */
    private static final Map<String, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

    /** Pairs the comparison, or reuses its stored pairing, and returns the handle to its tables. */
    public static PairedComparison open(Connection c, Comparison cmp, ProgressSink sink) throws SQLException {
        Db q = new Db(c, sink);
        return open(q, cmp);
    }

    static PairedComparison open(Db q, Comparison cmp) throws SQLException {
        ReentrantLock lock = acquire(q);
        try {
            String key = key(cmp);
            String fingerprint = fingerprint(q);
            List<Object[]> hit = q.rows(
                    "SELECT entry_id, baseline_rows, candidate_rows, paired, baseline_ids, candidate_ids, "
                            + "duplicate_rows FROM pair_index.entries WHERE index_key = ? AND fingerprint = ? AND format = ? "
                            + "ORDER BY entry_id DESC LIMIT 1",
                    key,
                    fingerprint,
                    FORMAT);
            if (!hit.isEmpty()) {
                Object[] r = hit.get(0);
                long id = Db.lng(r[0]);
                q.execute("UPDATE pair_index.entries SET used_at = now() WHERE entry_id = ?", id);
                long paired = Db.lng(r[3]);
                return new PairedComparison(
                        cmp,
                        new Pairing.Coverage(
                                Db.lng(r[1]),
                                Db.lng(r[2]),
                                paired,
                                Db.lng(r[4]) - paired,
                                Db.lng(r[5]) - paired,
                                Db.lng(r[6])),
                        prefix(id),
                        ExtractPairing.covers(q, cmp));
            }
            return build(q, cmp, key, fingerprint);
        } finally {
            lock.unlock();
        }
    }

    /** How many entries the workspace holds (all fingerprints). */
    public static long entries(Connection c) throws SQLException {
        Db q = new Db(c, ProgressSink.NONE);
        return Db.lng(q.row("SELECT count(*) FROM pair_index.entries")[0]);
    }

    /** Drops every entry (the next summary of each comparison builds its pairing again). */
    public static void clear(Connection c) throws SQLException {
        Db q = new Db(c, ProgressSink.NONE);
        ReentrantLock lock = acquire(q);
        try {
            for (Object[] r : q.rows("SELECT entry_id FROM pair_index.entries")) drop(q, Db.lng(r[0]));
        } finally {
            lock.unlock();
        }
    }

    private static PairedComparison build(Db q, Comparison cmp, String key, String fingerprint) throws SQLException {
        Connection c = q.connection();
        long t0 = System.nanoTime();
        // From a sequence, never reused: another connection's views onto a dropped entry fail instead of reading a new
        // one.
        long id = Db.lng(q.row("SELECT nextval('pair_index.entry_ids')")[0]);
        String prefix = prefix(id);
        // The build commits or rolls back as a whole, so it cannot run inside a caller's open transaction.
        if (!c.getAutoCommit()) throw new IllegalStateException("A pairing is built in a transaction of its own");
        c.setAutoCommit(false);
        try {
            q.sink()
                    .progress(
                            -1,
                            -1,
                            "Pairing " + cmp.baseline() + " with " + cmp.candidate()
                                    + " (once per comparison and window; kept in the workspace until the next import)");
            dropStale(q, fingerprint);
            Pairing.Coverage cov;
            boolean fromExtract = ExtractPairing.covers(q, cmp);
            if (fromExtract) {
                cov = ExtractPairing.build(q, cmp, prefix);
            } else {
                Pairing.Built built = Pairing.build(q, cmp, prefix);
                cov = built.coverage();
                PairedComparison pc = new PairedComparison(cmp, cov, prefix);
                q.sink()
                        .progress(
                                -1,
                                -1,
                                "Counting distinct predictions, latencies and differences for the tests and percentiles");
                TwoSampleTests.cdfInto(q, TwoSampleTests.stacked(built, "prediction"), "TABLE " + pc.predictionCdf());
                TwoSampleTests.cdfInto(q, TwoSampleTests.stacked(built, "latency_ms"), "TABLE " + pc.latencyCdf());
                DivergenceFigures.buildIndexTables(q, pc);
                q.execute("DROP TABLE " + built.baseSide());
                q.execute("DROP TABLE " + built.candSide());
            }
            PairedComparison pc = new PairedComparison(cmp, cov, prefix, fromExtract);
            q.execute(
                    "INSERT INTO pair_index.entries(entry_id, index_key, fingerprint, format, baseline_rows, candidate_rows, paired, "
                            + "baseline_ids, candidate_ids, duplicate_rows, built_at, build_ms, used_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now(), ?, now())",
                    id,
                    key,
                    fingerprint,
                    FORMAT,
                    cov.baselineRows(),
                    cov.candidateRows(),
                    cov.paired(),
                    cov.baselineOnly() + cov.paired(),
                    cov.candidateOnly() + cov.paired(),
                    cov.duplicateRows(),
                    (System.nanoTime() - t0) / 1_000_000);
            // Least recently used beyond KEEP (this entry is the newest, so it stays).
            for (Object[] old : q.rows(
                    "SELECT entry_id FROM pair_index.entries ORDER BY used_at DESC, entry_id DESC OFFSET ?", KEEP)) {
                drop(q, Db.lng(old[0]));
            }
            c.commit();
            return pc;
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException ignored) {
                /* the first error is the one to report */
            }
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static void dropStale(Db q, String fingerprint) throws SQLException {
        for (Object[] old : q.rows(
                "SELECT entry_id FROM pair_index.entries WHERE fingerprint <> ? OR format <> ?", fingerprint, FORMAT)) {
            drop(q, Db.lng(old[0]));
        }
    }

    private static void drop(Db q, long id) throws SQLException {
        for (String t : TABLES) q.execute("DROP TABLE IF EXISTS " + prefix(id) + t);
        for (String t : ExtractPairing.EXTRA) q.execute("DROP TABLE IF EXISTS " + prefix(id) + t);
        q.execute("DELETE FROM pair_index.entries WHERE entry_id = ?", id);
    }

    /** The start of entry {@code id}'s table names (the id is a number from a sequence, so it needs no quoting). */
    private static String prefix(long id) {
        return "pair_index.e" + id + "_";
    }

    /** The comparison's sides and window. */
    static String key(Comparison cmp) {
        return cmp.key() + " @ " + (cmp.from() == null ? "" : cmp.from()) + ".." + (cmp.to() == null ? "" : cmp.to());
    }

    /** What an entry was built from: imports only ever add rows, so these counts change whenever the data does. */
    private static String fingerprint(Db q) throws SQLException {
        Object[] r = q.row("SELECT (SELECT count(*) FROM predictions), (SELECT count(*) FROM labels), "
                + "(SELECT count(*) FROM imports), (SELECT coalesce(max(import_id), 0) FROM imports)");
        return Db.lng(r[0]) + "/" + Db.lng(r[1]) + "/" + Db.lng(r[2]) + "/" + Db.lng(r[3]) + "/"
                + ExtractPairing.fingerprint(q);
    }

    private static String database(Db q) throws SQLException {
        Object[] r = q.row(
                "SELECT coalesce(path, database_name) FROM duckdb_databases() WHERE database_name = current_database()");
        return String.valueOf(r[0]);
    }

    /** Takes the workspace's lock, waiting for another build of it to end; gives up when the caller cancels. */
    private static ReentrantLock acquire(Db q) throws SQLException {
        ReentrantLock lock = LOCKS.computeIfAbsent(database(q), k -> new ReentrantLock());
        ProgressSink sink = q.sink();
        boolean told = false;
        try {
            while (!lock.tryLock(100, TimeUnit.MILLISECONDS)) {
                sink.checkCancelled();
                if (!told) {
                    sink.progress(-1, -1, "Waiting for another pairing of this workspace to finish");
                    told = true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        }
        return lock;
    }
}
