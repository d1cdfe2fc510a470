package dev.shadowbench.core.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.shadowbench.core.task.CancelledException;
import dev.shadowbench.core.task.ProgressSink;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DbTest {
    private static Connection memory() throws Exception {
        return DriverManager.getConnection("jdbc:duckdb:");
    }

    @Test
    void valuesAreBoundNotSpliced() throws Exception {
        try (Connection c = memory()) {
            Db db = new Db(c, ProgressSink.NONE);
            assertEquals("it's; DROP TABLE x", db.one("SELECT ?", rs -> rs.getString(1), "it's; DROP TABLE x"));
            assertEquals(List.of(1L, 2L), db.query("SELECT range FROM range(1, ?)", rs -> rs.getLong(1), 3));
            assertNull(db.one("SELECT 1 WHERE false", rs -> rs.getInt(1)));
        }
    }

    @Test
    void quotedIdentifierFromAFileRoundTrips() throws Exception {
        try (Connection c = memory()) {
            Db db = new Db(c, ProgressSink.NONE);
            String col = "amount \"usd\"; --";
            db.execute("CREATE TABLE t (" + Quote.ident(col) + " INTEGER)");
            db.execute("INSERT INTO t (" + Quote.ident(col) + ") VALUES (?)", 7);
            assertEquals(7L, Db.lng(db.row("SELECT " + Quote.ident(col) + " FROM t")[0]));
            assertEquals("O'Brien", db.one("SELECT " + Quote.literal("O'Brien"), rs -> rs.getString(1)));
            assertEquals("NULL", Quote.literal(null));
        }
    }

    @Test
    void cancelledSinkStopsBeforeTheQuery() throws Exception {
        try (Connection c = memory()) {
            ProgressSink cancelled = new ProgressSink() {
                @Override
                public void progress(long done, long total, String message) {}

                @Override
                public boolean isCancelled() {
                    return true;
                }
            };
            assertThrows(CancelledException.class, () -> new Db(c, cancelled).rows("SELECT 1"));
        }
    }

    /** The watchdog cancels a query that is already running: the sink says cancelled only after the query started. */
    @Test
    void cancelStopsARunningQuery() throws Exception {
        try (Connection c = memory()) {
            AtomicInteger asked = new AtomicInteger();
            ProgressSink cancelLater = new ProgressSink() {
                @Override
                public void progress(long done, long total, String message) {}

                @Override
                public boolean isCancelled() {
                    return asked.incrementAndGet() > 1;
                }
            };
            Db db = new Db(c, cancelLater);
            // a safety net so a broken watchdog fails the test instead of hanging the build; not a timing assertion
            assertTimeoutPreemptively(
                    Duration.ofMinutes(2),
                    () -> assertThrows(
                            CancelledException.class,
                            () -> db.rows("SELECT sum(hash(i)) FROM range(1000000000000) t(i)")));
        }
    }

    @Test
    void jdbcValueConversions() {
        assertNull(Db.dbl((Object) null));
        assertNull(Db.dbl(Double.NaN));
        assertEquals(2.5, Db.dbl(2.5f));
        assertEquals(0L, Db.lng(null));
        assertEquals(12L, Db.lng(new java.math.BigInteger("12")));
    }
}
