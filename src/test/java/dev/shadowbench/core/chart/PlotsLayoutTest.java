package dev.shadowbench.core.chart;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The divergence chart's layout: the overflow bar below the clip sits left of the y axis's tick labels. */
class PlotsLayoutTest {
    /** A label's width in pixels, generously (11 px type is under 7 px a character). */
    private static double width(String text) {
        return 7.0 * text.length();
    }

    @Test
    void theLowOverflowBarDoesNotHideTheCountAxisLabels() {
        SignedHistogram h = new SignedHistogram(
                List.of(-2.0, -1.0, 0.0, 1.0, 2.0),
                List.of(3_000L, 15_000L, 17_000L, 2_000L),
                4_985,
                4_985,
                new Clip(0.5, 99.5, -2, 2),
                46_970);
        Plot p = Plots.signed(h, PairFilter.Measure.DIFFERENCE, "candidate − baseline", 600, 300, false);
        Plot.Rect below = p.shapes().stream()
                .filter(s -> s instanceof Plot.Rect r && r.role() == Plot.Role.OVERFLOW)
                .map(s -> (Plot.Rect) s)
                .min(java.util.Comparator.comparingDouble(Plot.Rect::x))
                .orElseThrow();
        List<Plot.Text> tickLabels = p.shapes().stream()
                .filter(s -> s instanceof Plot.Text t && t.anchor().equals("end") && t.role() == Plot.Role.MUTED)
                .map(s -> (Plot.Text) s)
                .toList();
        assertFalse(tickLabels.isEmpty(), "the count axis has labels");
        for (Plot.Text t : tickLabels)
            assertTrue(
                    below.x() + below.w() < t.x() - width(t.text()),
                    "tick label '" + t.text() + "' ends at " + t.x() + " over the bar ending at "
                            + (below.x() + below.w()));
    }
}
