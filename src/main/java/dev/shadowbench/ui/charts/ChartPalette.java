package dev.shadowbench.ui.charts;

import dev.shadowbench.core.chart.Palette;
import dev.shadowbench.core.chart.Plot.Role;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.paint.Color;

/** The core {@link Palette} as JavaFX colours in the current theme; {@link #darkProperty} follows View > Theme. */
public final class ChartPalette {
    private static final BooleanProperty DARK = new SimpleBooleanProperty(false);

    private ChartPalette() {}

    /** Whether the dark theme is on; every chart repaints when it changes. */
    public static BooleanProperty darkProperty() {
        return DARK;
    }

    /** The colour of {@code role} in the current theme. */
    public static Color of(Role role) {
        return Color.web(Palette.hex(role, DARK.get()));
    }
}
