package dev.shadowbench.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shadowbench.ui.DecisionsFixture;
import dev.shadowbench.ui.FxWait;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A settings save that fails is shown in a dialog, not lost on stderr. */
class SettingsSaveFailureTest {
    @TempDir
    Path dir;

    @Test
    void aFailedSettingsSaveIsShownToTheUser() throws Exception {
        FxWait.startFx();
        Files.writeString(dir.resolve("home"), "a file where the settings folder should be");
        DecisionsFixture fx = new DecisionsFixture(dir);

        fx.main.home().saveSetting("sample.seed", "7");
        fx.main.home().flush();
        FxWait.onFx(() -> null); // the dialog is queued onto the FX thread: let it run

        assertEquals(1, fx.errors.size(), fx.errors.toString());
        assertTrue(fx.errors.get(0).startsWith("Settings not saved: "), fx.errors.get(0));
        assertTrue(fx.errors.get(0).contains(dir.resolve("home").toString()), fx.errors.get(0));
    }
}
