package dev.shadowbench.core.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A settings save that fails reaches a listener (the app shows it), once per run of failures, not stderr. */
class AppHomeSaveFailureTest {
    @TempDir
    Path dir;

    @Test
    void aFailedSaveIsReportedOnceUntilASaveSucceedsAgain() throws Exception {
        Path folder = dir.resolve("home");
        Files.writeString(folder, "a file where the settings folder should be");
        AppHome home = new AppHome(folder);
        List<IOException> failures = new CopyOnWriteArrayList<>();
        home.onSaveFailure(failures::add);

        home.saveSetting("a", "1");
        home.saveSetting("b", "2");
        home.flush();
        assertEquals(1, failures.size(), "two failed saves in a row are one message");

        Files.delete(folder);
        home.saveSetting("c", "3");
        home.flush();
        assertTrue(Files.isRegularFile(folder.resolve("settings.properties")));
        assertEquals(1, failures.size());

        try (var files = Files.list(folder)) {
            for (Path f : files.toList()) Files.delete(f);
        }
        Files.delete(folder);
        Files.writeString(folder, "broken again");
        home.saveSetting("d", "4");
        home.flush();
        assertEquals(2, failures.size(), "a failure after a success is news again");
    }
}
