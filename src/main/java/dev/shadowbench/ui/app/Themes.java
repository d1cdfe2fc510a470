package dev.shadowbench.ui.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.shadowbench.core.workspace.AppHome;
import dev.shadowbench.ui.charts.ChartPalette;
import javafx.application.Application;

/** The light and dark theme (AtlantaFX Primer), switched from View > Theme and remembered in the settings. */
final class Themes {
    static final String SETTING = "theme";

    private Themes() {}

    /** Whether the settings ask for the dark theme. */
    static boolean dark(AppHome home) {
        return home.setting(SETTING).map("dark"::equals).orElse(false);
    }

    /** Applies a theme to the whole app (controls and charts). */
    static void apply(boolean dark) {
        Application.setUserAgentStylesheet(
                dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
        ChartPalette.darkProperty().set(dark);
    }

    /** Applies and remembers. */
    static void choose(AppHome home, boolean dark) {
        apply(dark);
        home.saveSetting(SETTING, dark ? "dark" : "light");
    }
}
