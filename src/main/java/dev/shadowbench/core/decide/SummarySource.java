package dev.shadowbench.core.decide;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shadowbench.core.compare.Comparison;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Produces the {@code summary --json} object for a comparison. Gates, decisions and reports read only this
 * contract, so the comparison engine plugs in here without them knowing how it computes.
 */
@FunctionalInterface
public interface SummarySource {
    ObjectNode summarize(Connection c, Comparison cmp) throws SQLException;
}
