package dev.shadowbench.core.task;

/** Long work stopped because the user cancelled it; everything it started was rolled back. */
public class CancelledException extends RuntimeException {
    public CancelledException() {
        super("Cancelled");
    }
}
