package dev.shadowbench.core.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A two-sided figure reads as a change with its direction in words (issue 20, item 10). */
class ChangeTest {
    @Test
    void aLargerErrorIsWorseAndSaysSo() {
        Change c = Change.of(6.2, 19.4, FigureFormat::num, true);
        assertEquals("6.2 → 19.4 (+13.2, worse)", c.text());
        assertEquals(Change.Direction.WORSE, c.direction());
        assertEquals("6.2 → 19.4", c.figures());
        assertEquals("+13.2, worse", c.delta());
    }

    @Test
    void aSmallerErrorIsBetter() {
        Change c = Change.of(3.52, 3.323, FigureFormat::num, true);
        assertEquals("3.52 → 3.32 (−0.197, better)", c.text());
        assertEquals(Change.Direction.BETTER, c.direction());
    }

    @Test
    void higherAccuracyIsBetter() {
        Change c = Change.of(0.80, 0.85, FigureFormat::pct, false);
        assertEquals("80.0% → 85.0% (+5.0%, better)", c.text());
        assertEquals(Change.Direction.BETTER, c.direction());
    }

    @Test
    void equalAsPrintedIsTheSameAndAMissingSideIsNoComparison() {
        assertEquals(
                Change.Direction.SAME,
                Change.of(1.0001, 1.0002, FigureFormat::num, true).direction());
        assertEquals(
                "1 → 1 (same)",
                Change.of(1.0001, 1.0002, FigureFormat::num, true).text());
        Change none = Change.of(null, 20.0, FigureFormat::ms, true);
        assertEquals(Change.Direction.UNKNOWN, none.direction());
        assertEquals("— → 20 ms", none.text());
    }
}
