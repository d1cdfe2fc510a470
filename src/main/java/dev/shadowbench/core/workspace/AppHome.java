package dev.shadowbench.core.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-user folder: remembered settings (last workspace, window layout, sample seed) and the sample
 * workspace. {@code -Dshadowbench.home=DIR} moves it (tests use that); default {@code $HOME/.shadowbench}.
 * Settings are read once and kept in memory; saving writes the file on a background thread (the UI
 * thread does no I/O), atomically, so a crash never leaves half a file. A save that fails is logged and
 * reported to the listener given to {@link #onSaveFailure} (the app shows it), once until a save succeeds again.
 */
public final class AppHome {
    private static final Logger LOG = LoggerFactory.getLogger(AppHome.class);
    static final String REVIEWER_SETTING = "reviewer";
    /** Where the Decisions screen kept its own reviewer before there was one identity for the whole window. */
    static final String LEGACY_REVIEWER_SETTING = "decide.reviewer";

    private final Path dir;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "shadowbench-settings");
        t.setDaemon(true);
        return t;
    });
    private Properties settings;
    private volatile Consumer<IOException> saveFailureListener = e -> {};
    /** Touched by the writer thread only: whether the last write failed, so a run of failures is reported once. */
    private boolean lastWriteFailed;

    public AppHome(Path dir) {
        this.dir = dir;
    }

    public static AppHome fromSystem() {
        String override = System.getProperty("shadowbench.home");
        if (override != null && !override.isBlank()) return new AppHome(Path.of(override));
        // $HOME first: Java takes user.home from the password database, so `HOME=/tmp/x shadowbench` would
        // otherwise still use the account's folder.
        String home = System.getenv("HOME");
        if (home == null || home.isBlank()) home = System.getProperty("user.home");
        return new AppHome(Path.of(home, ".shadowbench"));
    }

    public Path dir() {
        return dir;
    }

    public Path sampleWorkspace() {
        return dir.resolve("sample.duckdb");
    }

    private Path settingsFile() {
        return dir.resolve("settings.properties");
    }

    private synchronized Properties settings() {
        if (settings == null) {
            settings = new Properties();
            Path f = settingsFile();
            if (Files.isRegularFile(f)) {
                try (InputStream in = Files.newInputStream(f)) {
                    settings.load(in);
                } catch (IOException | IllegalArgumentException e) {
                    // A damaged settings file costs remembered preferences only; start from defaults.
                    settings.clear();
                }
            }
        }
        return settings;
    }

    public synchronized Optional<String> setting(String key) {
        return Optional.ofNullable(settings().getProperty(key));
    }

    /**
     * Who hears of a failed save, called on the settings writer thread with the cause. Only the first failure of
     * a run is reported (every later save would fail the same way until the folder is fixed); all are logged.
     */
    public void onSaveFailure(Consumer<IOException> listener) {
        saveFailureListener = listener == null ? e -> {} : listener;
    }

    /** Remembers one setting now and writes the file in the background. */
    public synchronized void saveSetting(String key, String value) {
        Properties p = settings();
        if (value == null) p.remove(key);
        else p.setProperty(key, value);
        Properties snapshot = new Properties();
        snapshot.putAll(p);
        writer.execute(() -> write(snapshot));
    }

    /** Waits until every saved setting is on disk (shutdown and tests). */
    public void flush() {
        try {
            writer.submit(() -> {}).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new WorkspaceException("Settings in " + dir + " could not be written: " + e.getMessage(), e);
        }
    }

    private void write(Properties p) {
        try {
            Files.createDirectories(dir);
            OutputFile.write(settingsFile(), null, out -> p.store(out, "Shadowbench settings"));
            lastWriteFailed = false;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot save settings in {}", dir, e);
            if (!lastWriteFailed)
                saveFailureListener.accept(e instanceof IOException io ? io : new IOException(e.getMessage(), e));
            lastWriteFailed = true;
        }
    }

    /**
     * The reviewer's name, set once (the window asks on first start) and used by every verdict, dismissal and
     * decision, in the window and as the command line's default. Read from the older Decisions-only setting too.
     */
    public Optional<String> reviewer() {
        return setting(REVIEWER_SETTING)
                .or(() -> setting(LEGACY_REVIEWER_SETTING))
                .map(String::strip)
                .filter(s -> !s.isEmpty());
    }

    /** Remembers the reviewer's name (blank forgets it). */
    public synchronized void rememberReviewer(String name) {
        settings().remove(LEGACY_REVIEWER_SETTING);
        saveSetting(REVIEWER_SETTING, name == null || name.isBlank() ? null : name.strip());
    }

    public Optional<Path> lastWorkspace() {
        return setting("workspace.last").map(Path::of).filter(Files::isRegularFile);
    }

    public void rememberWorkspace(Path file) {
        if (file != null) saveSetting("workspace.last", file.toAbsolutePath().toString());
    }
}
