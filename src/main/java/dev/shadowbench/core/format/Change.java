package dev.shadowbench.core.format;

import java.util.function.Function;

/**
 * A figure on both sides, read as a change: "6.2 → 19.4 (+13.2, worse)", with whether the candidate is better or
 * worse. The word is in the text, so the change reads without colour; screens add the colour from the theme.
 */
public record Change(String text, Direction direction) {

    /** The two figures alone, "6.2 → 19.4", for where the whole text does not fit (a card's headline). */
    public String figures() {
        int i = text.indexOf(" (");
        return i < 0 ? text : text.substring(0, i);
    }

    /** The change alone, "+13.2, worse" ("same"; blank when a side has no figure). */
    public String delta() {
        int i = text.indexOf(" (");
        return i < 0 ? "" : text.substring(i + 2, text.length() - 1);
    }

    /** How the candidate compares with the baseline on this figure. */
    public enum Direction {
        BETTER("better"),
        WORSE("worse"),
        SAME("same"),
        /** A side has no figure: no comparison. */
        UNKNOWN("");

        private final String word;

        Direction(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /**
     * {@code baseline → candidate (±difference, better|worse)} in {@code format} (a {@link FigureFormat} method);
     * "same" when both print alike. {@code lowerIsBetter} for errors and latency, false for accuracy and the like.
     */
    public static Change of(Double baseline, Double candidate, Function<Double, String> format, boolean lowerIsBetter) {
        String b = format.apply(baseline), c = format.apply(candidate);
        if (!present(baseline) || !present(candidate)) return new Change(b + " → " + c, Direction.UNKNOWN);
        if (b.equals(c)) return new Change(b + " → " + c + " (same)", Direction.SAME);
        double d = candidate - baseline;
        Direction dir = (d < 0) == lowerIsBetter ? Direction.BETTER : Direction.WORSE;
        String delta = (d > 0 ? "+" : "−") + format.apply(Math.abs(d));
        return new Change(b + " → " + c + " (" + delta + ", " + dir.word() + ")", dir);
    }

    private static boolean present(Double v) {
        return v != null && !v.isNaN();
    }
}
