package dev.shadowbench.core.ingest;

/** Step timings on stderr with -Dshadowbench.trace=true, for finding where an import spends its time. */
final class Trace {
    private static final boolean ON = Boolean.getBoolean("shadowbench.trace");
    private static long last = System.nanoTime();

    private Trace() {}

    static void mark(String step) {
        long now = System.nanoTime();
        if (ON) System.err.printf("[trace] %-40s %.3f s%n", step, (now - last) / 1e9);
        last = now;
    }
}
