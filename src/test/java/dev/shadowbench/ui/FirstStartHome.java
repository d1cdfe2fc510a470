package dev.shadowbench.ui;

import dev.shadowbench.core.workspace.AppHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** An empty settings folder as the app's home, so the app starts as on a first start: on the bundled sample. */
public final class FirstStartHome {
    private FirstStartHome() {}

    /** Points the app at a new empty home with {@code reviewer} already set, so no first-start question takes the keyboard. */
    public static Path withReviewer(String reviewer) throws IOException {
        Path home = Files.createTempDirectory("sb-home");
        System.setProperty("shadowbench.home", home.toString());
        AppHome settings = new AppHome(home);
        settings.rememberReviewer(reviewer);
        settings.flush();
        return home;
    }

    public static void clear() {
        System.clearProperty("shadowbench.home");
    }
}
