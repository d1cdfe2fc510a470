package dev.shadowbench.core.decide;

import java.util.Locale;

/** What the gates recommend for the candidate. */
public enum Recommendation {
    PROMOTE,
    /** A canary: raise the candidate's share to the next step ({@link Verdict#advice()} names it). */
    ADVANCE,
    HOLD,
    ROLLBACK;

    @com.fasterxml.jackson.annotation.JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
