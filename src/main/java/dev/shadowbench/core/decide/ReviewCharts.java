package dev.shadowbench.core.decide;

import dev.shadowbench.core.chart.ChartSet;
import dev.shadowbench.core.chart.DensityGrid;
import dev.shadowbench.core.compare.ChartFigures;
import dev.shadowbench.core.compare.Comparison;
import dev.shadowbench.core.compare.PairIndex;
import dev.shadowbench.core.outliers.Outlier;
import dev.shadowbench.core.task.ProgressSink;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** The charts of a review: {@link ChartFigures} over its stored pairing, with its flagged pairs on the density grid. */
public final class ReviewCharts {
    private ReviewCharts() {}

    public static ChartSet compute(Connection c, Comparison cmp, ReviewSummary r, ProgressSink sink)
            throws SQLException {
        List<DensityGrid.Point> flagged = r.outliers() == null
                ? List.of()
                : r.outliers().flagged().stream()
                        .filter(o -> o.baseline() != null && o.candidate() != null)
                        .map(ReviewCharts::point)
                        .toList();
        return ChartFigures.compute(c, PairIndex.open(c, cmp, sink), r.summary(), flagged, sink);
    }

    private static DensityGrid.Point point(Outlier o) {
        return new DensityGrid.Point(o.requestId(), o.baseline(), o.candidate(), o.rule());
    }
}
