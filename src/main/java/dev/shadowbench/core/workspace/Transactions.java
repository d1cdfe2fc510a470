package dev.shadowbench.core.workspace;

import java.sql.Connection;
import java.sql.SQLException;

/** Transaction helpers shared by every writer of the workspace. */
public final class Transactions {
    private Transactions() {}

    /**
     * Rolls back after {@code failure} without hiding it: when DuckDB already ended the transaction (a failed commit on
     * a full disk or read-only folder does), rollback says "cannot rollback - no transaction is active"; that is kept
     * as a suppressed exception of the real failure instead of replacing it.
     */
    public static void rollback(Connection c, Throwable failure) {
        try {
            c.rollback();
        } catch (SQLException | RuntimeException r) {
            failure.addSuppressed(r);
        }
    }

    /**
     * Back to auto-commit after {@code failure}. Turning auto-commit on commits, so after a failed commit DuckDB says
     * "cannot commit - no transaction is active"; that too is kept as a suppressed exception, never in place of the
     * real failure.
     */
    public static void autoCommit(Connection c, Throwable failure) {
        try {
            c.setAutoCommit(true);
        } catch (SQLException | RuntimeException r) {
            failure.addSuppressed(r);
        }
    }
}
