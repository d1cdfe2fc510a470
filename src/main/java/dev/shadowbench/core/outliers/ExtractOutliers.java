package dev.shadowbench.core.outliers;

import dev.shadowbench.core.compare.PairedComparison;
import dev.shadowbench.core.db.Db;
import dev.shadowbench.core.task.ProgressSink;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outlier report of a comparison paired from a Spark extract: the pairs the job's rules flagged (with the desk's
 * default settings, over the job's whole window) and their reasons, as the extract holds them. The desk cannot run
 * the pair rules again (it holds only the sample and the flagged pairs), so the banners that need every pair are
 * replaced by one notice saying so.
 */
public final class ExtractOutliers {
    private ExtractOutliers() {}

    /** The banner saying what an extract's outlier report cannot hold. */
    static final String NOTICE = "Outliers were flagged by the Spark job with its default rule settings; the banners "
            + "that need every pair (margin, degenerate output, latency share) and changed rule settings are not in "
            + "the extract";

    /** The banner of an extract whose job did not run the outlier rules. */
    static final String NO_FLAGS = "The outlier rules' flags are not in the extract (the Spark job that wrote it did "
            + "not run them): the outlier gate has no data, and the banners that need every pair are not shown";

    /** The extract's flags as a report: at most {@code listLimit} per rule, highest score first. */
    static OutlierReport report(Connection c, PairedComparison pc, int listLimit) throws SQLException {
        Db q = new Db(c, ProgressSink.NONE);
        boolean byJob = "job".equals(q.row("SELECT outliers_by FROM " + pc.extractTable("meta"))[0]);
        if (!byJob) {
            // the rules did not run: the outlier gate has no data instead of "0 flagged"
            return new OutlierReport(
                    List.of(),
                    List.of(new Finding(OutlierReport.NOT_RUN, Finding.INFO, null, null, NO_FLAGS)),
                    Map.of(),
                    pc.coverage().paired(),
                    0,
                    listLimit);
        }
        String flags = pc.extractTable("flagged");
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String r : OutlierDetector.FLAG_RULES) counts.put(r, 0L);
        for (Object[] r : q.rows("SELECT rule, count(*) FROM " + flags + " GROUP BY rule ORDER BY rule"))
            counts.put((String) r[0], Db.lng(r[1]));
        long flaggedPairs = Db.lng(q.row("SELECT count(DISTINCT request_id) FROM " + flags)[0]);
        List<Outlier> listed = new ArrayList<>();
        for (Object[] r : q.rows(
                "SELECT f.request_id, f.rule, f.reason, p.b_prediction, p.c_prediction, p.label, p.b_latency, "
                        + "p.c_latency, coalesce(f.score, 0) FROM (SELECT *, row_number() OVER (PARTITION BY rule "
                        + "ORDER BY score DESC NULLS LAST, request_id) AS k FROM " + flags + ") f LEFT JOIN "
                        + pc.pairs() + " p USING (request_id) WHERE f.k <= ? ORDER BY f.rule, f.k",
                Math.max(0, listLimit))) {
            listed.add(new Outlier(
                    (String) r[0],
                    (String) r[1],
                    (String) r[2],
                    Db.dbl(r[3]),
                    Db.dbl(r[4]),
                    Db.dbl(r[5]),
                    Db.dbl(r[6]),
                    Db.dbl(r[7]),
                    Db.dbl(r[8])));
        }
        List<Finding> findings = List.of(new Finding("extract", Finding.INFO, null, null, NOTICE));
        return new OutlierReport(listed, findings, counts, pc.coverage().paired(), flaggedPairs, listLimit);
    }

    /** Flagged pairs per segment or day. */
    static Map<String, Long> flaggedBy(Connection c, PairedComparison pc, String dim) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        // dim is "segment" or "day" (checked by the caller)
        for (Object[] r : new Db(c, ProgressSink.NONE)
                .rows("SELECT CAST(" + dim + " AS VARCHAR), count(*) FROM " + pc.pairs() + " WHERE request_id IN "
                        + "(SELECT request_id FROM " + pc.extractTable("flagged") + ") GROUP BY " + dim)) {
            out.put((String) r[0], Db.lng(r[1]));
        }
        return out;
    }
}
