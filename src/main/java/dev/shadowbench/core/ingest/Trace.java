package dev.shadowbench.core.ingest;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Step timings logged with -Dshadowbench.trace=true, for finding where an import spends its time. */
final class Trace {
    private static final boolean ON = Boolean.getBoolean("shadowbench.trace");
    private static final Logger LOG = LoggerFactory.getLogger("dev.shadowbench.trace.import");
    private static long last = System.nanoTime();

    private Trace() {}

    static void mark(String step) {
        long now = System.nanoTime();
        if (ON) LOG.info(String.format(Locale.ROOT, "%-40s %.3f s", step, (now - last) / 1e9));
        last = now;
    }
}
