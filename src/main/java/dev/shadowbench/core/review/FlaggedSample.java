package dev.shadowbench.core.review;

import dev.shadowbench.core.chart.PairFilter;
import dev.shadowbench.core.compare.Comparison;
import dev.shadowbench.core.compare.PairIndex;
import dev.shadowbench.core.compare.PairedComparison;
import dev.shadowbench.core.outliers.OutlierDetector;
import dev.shadowbench.core.outliers.OutlierStore;
import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Workspace;
import java.util.List;
import java.util.Set;

/** The Sample screen's data: the seeded sample and which of its pairs the outlier rules flag. */
public record FlaggedSample(List<SamplePair> pairs, Set<String> flagged) {

    /** Draws the sample and runs the workspace's outlier rules over the same pairing, on one connection. */
    public static FlaggedSample draw(Workspace ws, Comparison cmp, RandomSample.Spec spec, ProgressSink p) {
        return draw(ws, cmp, spec, null, p);
    }

    /** {@link #draw} among the pairs of a chart's bin ({@code within}; null: all pairs). */
    public static FlaggedSample draw(
            Workspace ws, Comparison cmp, RandomSample.Spec spec, PairFilter within, ProgressSink p) {
        return ws.read(c -> {
            p.progress(-1, -1, "Drawing " + spec.size() + " pairs (seed " + spec.seed() + ")");
            PairedComparison pc = PairIndex.open(c, cmp, p);
            List<SamplePair> pairs = RandomSample.draw(c, pc, spec, within);
            p.checkCancelled();
            if (pairs.isEmpty()) return new FlaggedSample(pairs, Set.of());
            p.progress(-1, -1, "Checking the sample against the outlier rules");
            return new FlaggedSample(
                    pairs,
                    Set.copyOf(OutlierDetector.flaggedAmong(
                            c,
                            pc,
                            OutlierStore.loadSettings(c),
                            pairs.stream().map(SamplePair::requestId).toList(),
                            p)));
        });
    }
}
