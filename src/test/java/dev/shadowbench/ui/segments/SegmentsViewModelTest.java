package dev.shadowbench.ui.segments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shadowbench.core.compare.Summary;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Segments screen lists the worst segment first. */
class SegmentsViewModelTest {
    private static Summary.Group g(String key, Double p95, Double disagreement, Double c99) {
        return new Summary.Group(key, 100, null, p95, disagreement, null, null, null, c99);
    }

    @Test
    void worstDivergenceFirstThenSlowerCandidateThenNoFigureLast() {
        List<Summary.Group> in = List.of(
                g("web", 2.0, null, 90.0),
                g("none", null, null, null),
                g("ios", 9.5, null, 10.0),
                g("android", 2.0, null, 300.0),
                g(null, 0.5, null, null));
        assertEquals(
                List.of("ios", "android", "web", "(null)", "none"),
                SegmentsViewModel.worstFirst(in).stream()
                        .map(x -> x.key() == null ? "(null)" : x.key())
                        .toList());
    }

    @Test
    void classificationRanksByDisagreement() {
        List<Summary.Group> in = List.of(g("a", null, 0.01, null), g("b", null, 0.2, null), g("c", null, 0.05, null));
        assertEquals(
                List.of("b", "c", "a"),
                SegmentsViewModel.worstFirst(in).stream()
                        .map(Summary.Group::key)
                        .toList());
    }

    @Test
    void rowsCarryLabelErrorAndFlaggedShareAndStillRankByDivergence() {
        Summary.Group calm = new Summary.Group("calm", 100, null, 1.0, null, null, null, null, 50.0)
                .withFlagged(40); // many flags, small divergence
        Summary.Group loud = new Summary.Group("loud", 200, null, 5.0, null, null, null, null, 50.0).withFlagged(2);
        List<Summary.Group> out = SegmentsViewModel.worstFirst(List.of(calm, loud));
        assertEquals(
                List.of("loud", "calm"), out.stream().map(Summary.Group::key).toList());
        assertEquals(0.4, out.get(1).flaggedShare(), 1e-15);
        assertEquals(40L, out.get(1).flaggedPairs());
        assertEquals(0.01, out.get(0).flaggedShare(), 1e-15);
    }
}
