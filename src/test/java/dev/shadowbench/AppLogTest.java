package dev.shadowbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.LogManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** SLF4J records land in a rotated log file in the settings folder. */
class AppLogTest {
    @TempDir
    Path dir;

    @AfterEach
    void closeFiles() {
        LogManager.getLogManager().reset();
    }

    @Test
    void recordsGoToTheLogFileInTheSettingsFolder() throws Exception {
        Path folder = dir.resolve("home 100%"); // a '%' in the folder name is not a FileHandler pattern
        Path file = AppLog.install(folder).orElseThrow();
        assertEquals(folder.toAbsolutePath().resolve("shadowbench-0.log"), file);

        Logger log = LoggerFactory.getLogger("dev.shadowbench.test");
        log.info("hidden below INFO? no: {}", 42);
        log.debug("debug is below the level and is dropped");
        log.warn("settings not saved", new java.io.IOException("disk full"));
        LogManager.getLogManager().reset(); // closes the file

        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.contains("INFO dev.shadowbench.test: hidden below INFO? no: 42"), text);
        assertTrue(text.contains("WARNING dev.shadowbench.test: settings not saved"), text);
        assertTrue(text.contains("java.io.IOException: disk full"), text);
        assertTrue(!text.contains("debug is below"), text);
    }

    @Test
    void theLogRotatesAtItsSizeLimitAndKeepsAFewFiles() throws Exception {
        Path folder = dir.resolve("home");
        AppLog.install(folder).orElseThrow();
        Logger log = LoggerFactory.getLogger("dev.shadowbench.test");
        String line = "x".repeat(1000);
        for (int i = 0; i < (AppLog.LIMIT_BYTES / 1000) * (AppLog.FILES + 1); i++) log.info(line);
        LogManager.getLogManager().reset();

        for (int g = 0; g < AppLog.FILES; g++) {
            Path f = folder.resolve("shadowbench-" + g + ".log");
            assertTrue(Files.isRegularFile(f), f.toString());
            assertTrue(Files.size(f) <= AppLog.LIMIT_BYTES + 2000, f + " is " + Files.size(f) + " bytes");
        }
        assertTrue(Files.notExists(folder.resolve("shadowbench-" + AppLog.FILES + ".log")), "older files are dropped");
    }

    @Test
    void anUnwritableFolderTurnsFileLoggingOffInsteadOfFailing() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("file"), "x");
        assertTrue(AppLog.install(notAFolder).isEmpty());
        LoggerFactory.getLogger("dev.shadowbench.test").warn("goes nowhere, and does not throw");
    }

    @Test
    void traceLinesGoToStderrNeverStdoutEvenAfterACollection() throws Exception {
        java.io.PrintStream out = System.out, err = System.err;
        java.io.ByteArrayOutputStream o = new java.io.ByteArrayOutputStream(), e = new java.io.ByteArrayOutputStream();
        System.setProperty("shadowbench.trace.sql", "true");
        try {
            System.setOut(new java.io.PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new java.io.PrintStream(e, true, StandardCharsets.UTF_8));
            AppLog.install(dir.resolve("home"));
            // java.util.logging holds loggers weakly: a collection must not take the console handler with it
            for (int i = 0; i < 3; i++) System.gc();
            LoggerFactory.getLogger("dev.shadowbench.trace.sql").info("0.001 s  SELECT 1");
            System.err.flush();
        } finally {
            System.setOut(out);
            System.setErr(err);
            System.clearProperty("shadowbench.trace.sql");
        }
        assertEquals("", o.toString(StandardCharsets.UTF_8));
        assertTrue(e.toString(StandardCharsets.UTF_8).contains("SELECT 1"), e.toString(StandardCharsets.UTF_8));
    }
}
