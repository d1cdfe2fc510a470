package dev.shadowbench.core.decide;

import dev.shadowbench.core.compare.Comparison;
import java.sql.Connection;
import java.sql.SQLException;

/** Produces the review of a comparison, its verdict evaluated with {@code gates}; decisions and reports read it. */
@FunctionalInterface
public interface SummarySource {
    ReviewSummary review(Connection c, Comparison cmp, GateSettings gates) throws SQLException;
}
