package dev.shadowbench.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the FX application thread for stalls: a watcher thread posts a ping to the FX thread every few milliseconds;
 * a ping that waits longer than the threshold means the thread was blocked (by a handler, a layout or CSS pass, a
 * render) for that long. While it waits, the FX thread's stack is sampled, so each stall is reported with where the
 * thread was. Off by default; {@code -Dshadowbench.fxwatch=true} turns it on in the app (stalls go to the log file as
 * warnings), and the UI benchmark reads {@link #longestMillis()}.
 */
public final class FxStallMonitor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FxStallMonitor.class);
    /** The system property that turns the monitor on in the app. */
    public static final String PROPERTY = "shadowbench.fxwatch";

    /** One stall: how long the FX thread did not answer, and its stack when it had been blocked past the threshold. */
    public record Stall(long millis, List<StackTraceElement> stack) {
        /** The first frames, one per line, as written to the log. */
        public String where(int frames) {
            if (stack.isEmpty())
                return " (no stack: the FX thread answered before the watcher could sample it, e.g. both"
                        + " were descheduled on a loaded machine)";
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < Math.min(frames, stack.size()); i++)
                sb.append("\n    at ").append(stack.get(i));
            return sb.toString();
        }
    }

    private final long thresholdNanos;
    private final Consumer<Stall> sink;
    private final Thread watcher;
    private final List<Stall> stalls = new ArrayList<>();
    private final AtomicLong answered = new AtomicLong();
    /** When the FX thread ran the last ping (System.nanoTime). */
    private volatile long answeredAt;

    private volatile Thread fxThread;
    private volatile boolean running = true;

    private FxStallMonitor(long thresholdMillis, Consumer<Stall> sink) {
        this.thresholdNanos = thresholdMillis * 1_000_000L;
        this.sink = sink;
        this.watcher = new Thread(this::watch, "shadowbench-fxwatch");
        watcher.setDaemon(true);
    }

    /** Starts watching; each stall longer than {@code thresholdMillis} goes to {@code sink} (on the watcher thread). */
    public static FxStallMonitor start(long thresholdMillis, Consumer<Stall> sink) {
        FxStallMonitor m = new FxStallMonitor(thresholdMillis, sink);
        m.watcher.start();
        return m;
    }

    /** In the app: on when {@value #PROPERTY} is true, logging every stall over 50 ms with its stack; else null. */
    public static FxStallMonitor fromSystemProperty() {
        if (!Boolean.getBoolean(PROPERTY)) return null;
        LOG.info("FX stall monitor on: every block of the FX thread over 50 ms is logged with its stack");
        return start(50, s -> LOG.warn("FX thread blocked {} ms{}", s.millis(), s.where(25)));
    }

    private void watch() {
        while (running) {
            long posted = System.nanoTime();
            long ticket = posted;
            Platform.runLater(() -> {
                fxThread = Thread.currentThread();
                answeredAt = System.nanoTime();
                answered.set(ticket);
            });
            StackTraceElement[] stack = null;
            while (running && answered.get() != ticket) {
                pause(5);
                Thread fx = fxThread;
                if (stack == null && fx != null && System.nanoTime() - posted > thresholdNanos)
                    stack = fx.getStackTrace();
            }
            // measured on the FX side: a watcher that was itself descheduled for a while must not report a stall
            long waited = answeredAt - posted;
            if (running && waited > thresholdNanos) {
                Stall s = new Stall(waited / 1_000_000L, stack == null ? List.of() : List.of(stack));
                synchronized (stalls) {
                    stalls.add(s);
                }
                sink.accept(s);
            }
            pause(5);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The stalls seen so far, oldest first. */
    public List<Stall> stalls() {
        synchronized (stalls) {
            return List.copyOf(stalls);
        }
    }

    /** The longest stall seen so far in ms, 0 when none passed the threshold. */
    public long longestMillis() {
        return stalls().stream().mapToLong(Stall::millis).max().orElse(0);
    }

    @Override
    public void close() {
        running = false;
        watcher.interrupt();
    }
}
