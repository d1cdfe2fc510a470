package dev.shadowbench.core.outliers;

import dev.shadowbench.core.compare.Comparison;
import dev.shadowbench.core.compare.PairIndex;
import dev.shadowbench.core.compare.PairedComparison;
import dev.shadowbench.core.compare.Pairing;
import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Workspace;
import dev.shadowbench.core.workspace.WorkspaceException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * The Outliers screen's door into core: each call opens its own connection to the workspace (so it runs on any
 * worker thread), pairs the comparison, runs the detector, and reads or records the reviewer's dismissals.
 */
public final class OutlierReview {
    /** Everything the screen shows for one comparison. */
    public record Result(
            Comparison comparison,
            OutlierSettings settings,
            Pairing.Coverage coverage,
            OutlierReport report,
            Map<String, OutlierStore.Dismissal> dismissals) {}

    private OutlierReview() {}

    /** Runs the detector with the workspace's stored settings (defaults when none were saved). */
    public static Result load(Workspace ws, Comparison cmp, ProgressSink p) {
        return call(ws, "Finding outliers", c -> {
            OutlierSettings s = OutlierStore.loadSettings(c);
            p.progress(-1, -1, "Pairing " + cmp.baseline() + " with " + cmp.candidate());
            PairedComparison pc = PairIndex.open(c, cmp, p);
            p.checkCancelled();
            OutlierReport r = OutlierDetector.detect(c, pc, s, p);
            return new Result(cmp, s, pc.coverage(), r, OutlierStore.dismissals(c, cmp.key()));
        });
    }

    /** The request ids among {@code ids} that the workspace's outlier rules flag for this comparison. */
    public static Set<String> flaggedIds(Workspace ws, Comparison cmp, Collection<String> ids, ProgressSink p) {
        return call(ws, "Finding flagged requests", c -> {
            return OutlierDetector.flaggedAmong(c, PairIndex.open(c, cmp, p), OutlierStore.loadSettings(c), ids, p);
        });
    }

    public static void saveSettings(Workspace ws, OutlierSettings s) {
        call(ws, "Saving the outlier settings", c -> {
            OutlierStore.saveSettings(c, s);
            return null;
        });
    }

    public static void dismiss(Workspace ws, Comparison cmp, Outlier o, String note, String reviewer) {
        call(ws, "Dismissing the flag", c -> {
            OutlierStore.dismiss(c, cmp.key(), o.requestId(), o.rule(), note, reviewer);
            return null;
        });
    }

    public static void restore(Workspace ws, Comparison cmp, Outlier o) {
        call(ws, "Restoring the flag", c -> {
            OutlierStore.restore(c, cmp.key(), o.requestId(), o.rule());
            return null;
        });
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private static <T> T call(Workspace ws, String what, Work<T> work) {
        try (Connection c = ws.connect()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new WorkspaceException(what + " failed: " + e.getMessage(), e);
        }
    }
}
