package dev.shadowbench.core.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * The per-user folder: remembered settings (last workspace, window layout) and the sample workspace.
 * {@code -Dshadowbench.home=DIR} moves it (tests use that); default {@code ~/.shadowbench}.
 */
public final class AppHome {
    private final Path dir;

    public AppHome(Path dir) { this.dir = dir; }

    public static AppHome fromSystem() {
        String override = System.getProperty("shadowbench.home");
        if (override != null && !override.isBlank()) return new AppHome(Path.of(override));
        return new AppHome(Path.of(System.getProperty("user.home"), ".shadowbench"));
    }

    public Path dir() { return dir; }

    public Path sampleWorkspace() { return dir.resolve("sample.duckdb"); }

    private Path settingsFile() { return dir.resolve("settings.properties"); }

    public synchronized Properties loadSettings() {
        Properties p = new Properties();
        Path f = settingsFile();
        if (Files.isRegularFile(f)) {
            try (InputStream in = Files.newInputStream(f)) {
                p.load(in);
            } catch (IOException | IllegalArgumentException e) {
                // A damaged settings file costs remembered preferences only; start from defaults.
            }
        }
        return p;
    }

    public Optional<String> setting(String key) {
        return Optional.ofNullable(loadSettings().getProperty(key));
    }

    /** Saves one setting atomically (write to a temp file, then move), so a crash never leaves half a file. */
    public synchronized void saveSetting(String key, String value) {
        Properties p = loadSettings();
        if (value == null) p.remove(key); else p.setProperty(key, value);
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "settings", ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                p.store(out, "Shadowbench settings");
            }
            Files.move(tmp, settingsFile(), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new WorkspaceException("Cannot save settings in " + dir + ": " + e.getMessage(), e);
        }
    }

    public Optional<Path> lastWorkspace() {
        return setting("workspace.last").map(Path::of).filter(Files::isRegularFile);
    }

    public void rememberWorkspace(Path file) {
        if (file != null) saveSetting("workspace.last", file.toAbsolutePath().toString());
    }
}
