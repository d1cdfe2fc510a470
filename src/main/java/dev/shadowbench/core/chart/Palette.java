package dev.shadowbench.core.chart;

import dev.shadowbench.core.chart.Plot.Role;

/**
 * The chart colours of the light and the dark theme per {@link Role}, as CSS hex: the window and the SVG of the
 * report and of an export use these. Chosen to read on AtlantaFX's Primer Light and Primer Dark backgrounds
 * (GitHub Primer's own colours); baseline blue and candidate magenta stay apart for colour-blind readers.
 */
public final class Palette {
    private Palette() {}

    public static String hex(Role role, boolean dark) {
        return switch (role) {
            case BASELINE, BARS -> dark ? "#58a6ff" : "#0969da";
            case CANDIDATE -> dark ? "#f778ba" : "#bf3989";
            case OVERFLOW -> dark ? "#d29922" : "#9a6700";
            case DENSITY -> dark ? "#79c0ff" : "#0550ae";
            case OUTLIER, BUDGET -> dark ? "#ff7b72" : "#cf222e";
            case REFERENCE -> dark ? "#c9d1d9" : "#24292f";
            case AXIS -> dark ? "#6e7681" : "#8c959f";
            case TEXT -> dark ? "#e6edf3" : "#1f2328";
            case MUTED -> dark ? "#9198a1" : "#59636e";
        };
    }

    /** The page colour behind the charts. */
    public static String background(boolean dark) {
        return dark ? "#0d1117" : "#ffffff";
    }
}
