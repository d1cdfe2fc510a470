package dev.shadowbench.core.task;

/**
 * Where long core work reports progress and learns it was cancelled. The UI adapts a
 * javafx.concurrent.Task to it; the command line prints to stderr; tests use {@link #NONE}.
 */
public interface ProgressSink {
    void progress(long done, long total, String message);

    boolean isCancelled();

    ProgressSink NONE = new ProgressSink() {
        @Override
        public void progress(long done, long total, String message) {}

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /** Throws {@link CancelledException} when cancel was asked for. */
    default void checkCancelled() {
        if (isCancelled()) throw new CancelledException();
    }
}
