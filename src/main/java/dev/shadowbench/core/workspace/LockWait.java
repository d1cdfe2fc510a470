package dev.shadowbench.core.workspace;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * How long an open waits while another process holds the workspace file (DuckDB allows one writing process per file),
 * and whom it tells that it is waiting. The window lets go of its workspace a few seconds after its last task
 * ({@link SharedFile}), so a scheduled {@code review --new} waits for that instead of failing; the window in turn
 * waits for the command to finish.
 */
public record LockWait(Duration max, Consumer<String> notice) {
    /** Seconds a command waits for the file (system property), default {@value #DEFAULT_COMMAND_WAIT_S}. */
    public static final String PROPERTY = "shadowbench.workspace.lock_wait_s";

    static final long DEFAULT_COMMAND_WAIT_S = 60;

    /** The window waits as long as a long import may take: it shows that it is waiting and can be closed meanwhile. */
    static final Duration WINDOW_WAIT = Duration.ofMinutes(30);

    private static volatile Consumer<String> commandNotice = message -> {};

    public LockWait {
        if (max == null || max.isNegative()) max = Duration.ZERO;
        if (notice == null) notice = message -> {};
    }

    /** Where the command line's "waiting for the workspace" line goes (its standard error). */
    public static void noticeTo(Consumer<String> notice) {
        commandNotice = notice == null ? message -> {} : notice;
    }

    /** The wait of a command-line open: {@value #PROPERTY} seconds, else {@value #DEFAULT_COMMAND_WAIT_S}. */
    static LockWait forCommand() {
        long seconds = DEFAULT_COMMAND_WAIT_S;
        String given = System.getProperty(PROPERTY);
        if (given != null && !given.isBlank()) {
            try {
                seconds = Math.max(0, Long.parseLong(given.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        PROPERTY + " must be a whole number of seconds, not '" + given + "'");
            }
        }
        Consumer<String> notice = commandNotice;
        return new LockWait(Duration.ofSeconds(seconds), notice);
    }

    /** The message shown once when an open starts waiting for {@code file}. */
    String waitingMessage(Object file) {
        return "Waiting for workspace " + file
                + ": another Shadowbench window or command has it open (a window lets go "
                + "of it a few seconds after its last task). Waiting up to " + words(max) + ".";
    }

    /** Seconds, or minutes when whole. */
    static String words(Duration d) {
        long s = d.toSeconds();
        return s >= 120 && s % 60 == 0 ? (s / 60) + " minutes" : s + " s";
    }
}
