package dev.shadowbench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.ConsoleHandler;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Sets up logging once, at the start of the app or the command line (never in a core class): SLF4J writes
 * through java.util.logging (slf4j-jdk14) into {@code shadowbench-0.log} in the settings folder, rotated at
 * {@value #LIMIT_BYTES} bytes over {@value #FILES} files (the oldest is dropped). Nothing goes to the console
 * unless a trace is asked for ({@code -Dshadowbench.trace.sql=true}, {@code -Dshadowbench.trace=true}), so
 * the command line's stdout and stderr stay its own. A {@code -Djava.util.logging.config.file} wins over all this.
 */
public final class AppLog {
    static final int LIMIT_BYTES = 2_000_000;
    static final int FILES = 3;
    static final String FILE_PATTERN = "shadowbench-%g.log";
    /** Loggers of the opt-in timing traces (core logs them only when their property is set). */
    static final String[] TRACE_LOGGERS = {"dev.shadowbench.trace.sql", "dev.shadowbench.trace.import"};

    /**
     * The trace loggers that got the console handler, held here: java.util.logging keeps loggers only weakly, so an
     * unreferenced one is collected with its handler and the trace would go to the file alone.
     */
    private static final java.util.List<Logger> TRACE_HANDLED = new java.util.ArrayList<>();

    private AppLog() {}

    /**
     * Sends every log record to rotated files in {@code folder}. Returns the newest file, or empty when
     * the folder cannot be written (logging is then off: a read-only home must not stop the app).
     */
    public static synchronized Optional<Path> install(Path folder) {
        if (System.getProperty("java.util.logging.config.file") != null) return Optional.empty();
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        root.setLevel(Level.INFO);
        boolean trace = Boolean.getBoolean("shadowbench.trace.sql") || Boolean.getBoolean("shadowbench.trace");
        if (trace) {
            ConsoleHandler console = new ConsoleHandler();
            console.setLevel(Level.ALL);
            console.setFormatter(new OneLine());
            // stderr, never stdout: a command's stdout is its output (summary --json must stay one JSON object)
            TRACE_HANDLED.clear();
            for (String name : TRACE_LOGGERS) {
                Logger l = Logger.getLogger(name);
                l.addHandler(console);
                TRACE_HANDLED.add(l);
            }
        }
        try {
            Files.createDirectories(folder);
            // FileHandler reads '%' as a pattern character: a '%' in the folder's name must be doubled.
            String pattern =
                    folder.toAbsolutePath().toString().replace("%", "%%") + java.io.File.separator + FILE_PATTERN;
            FileHandler file = new FileHandler(pattern, LIMIT_BYTES, FILES, true);
            file.setEncoding("UTF-8");
            file.setLevel(Level.ALL);
            file.setFormatter(new OneLine());
            root.addHandler(file);
            return Optional.of(folder.toAbsolutePath().resolve(FILE_PATTERN.replace("%g", "0")));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** One line a record ("2026-12-02 05:54:51.123 WARNING dev.shadowbench.X: message"), then any stack trace. */
    static final class OneLine extends Formatter {
        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern(
                        "yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT)
                .withZone(ZoneId.systemDefault());

        @Override
        public String format(LogRecord r) {
            StringBuilder sb = new StringBuilder(160)
                    .append(TIME.format(Instant.ofEpochMilli(r.getMillis())))
                    .append(' ')
                    .append(r.getLevel().getName())
                    .append(' ')
                    .append(r.getLoggerName())
                    .append(": ")
                    .append(formatMessage(r))
                    .append(System.lineSeparator());
            if (r.getThrown() != null) {
                StringWriter sw = new StringWriter();
                r.getThrown().printStackTrace(new PrintWriter(sw));
                sb.append(sw);
            }
            return sb.toString();
        }
    }
}
