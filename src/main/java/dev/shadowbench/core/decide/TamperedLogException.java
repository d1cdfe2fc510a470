package dev.shadowbench.core.decide;

/**
 * The decision log's chain or head does not verify: it was altered, inserted into, cut short or erased outside
 * Shadowbench. Nothing is appended to such a log; the command line exits with code 3 on it.
 */
public class TamperedLogException extends RuntimeException {
    private final transient Verification verification;

    public TamperedLogException(String message, Verification verification) {
        super(message);
        this.verification = verification;
    }

    /** What the verification found. */
    public Verification verification() {
        return verification;
    }
}
