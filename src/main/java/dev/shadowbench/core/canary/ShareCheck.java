package dev.shadowbench.core.canary;

import dev.shadowbench.core.format.FigureFormat;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Whether a day's observed candidate share agrees with the configured (planned) one. Routing is binomial: each request
 * goes to the candidate with the configured probability. A day is flagged when the configured share lies outside the
 * 99.9% Wilson interval of the observed share (chance alone flags a correct day about once in a thousand) and the two
 * differ by more than {@link #MIN_GAP} or a tenth of the configured share, whichever is larger (so a huge day does not
 * flag 20.1% against 20%).
 */
public final class ShareCheck {
    private ShareCheck() {}

    /** norm.ppf(0.9995): the two-sided 99.9% normal quantile. */
    public static final double Z999 = 3.2905267314919255;
    /** Smallest absolute gap flagged: half a percentage point. */
    public static final double MIN_GAP = 0.005;
    /** Smallest gap flagged relative to the configured share. */
    public static final double RELATIVE_GAP = 0.1;

    /** A day whose observed share is off the configured one. */
    public record Deviation(
            LocalDate day,
            double configured,
            double observed,
            long candidateRequests,
            long requests,
            double ciLow,
            double ciHigh) {
        /** E.g. "2026-11-20: configured 1%, observed 9.4% (1,128 of 12,000 requests): routing misconfigured?". */
        public String detail() {
            return String.format(
                    Locale.ROOT,
                    "%s: configured %s, observed %s (%,d of %,d requests): routing misconfigured?",
                    day,
                    FigureFormat.share(configured),
                    FigureFormat.share(observed),
                    candidateRequests,
                    requests);
        }
    }

    /** The deviation of one day, or null when the day agrees with the plan (or has no plan or no requests). */
    public static Deviation check(LocalDate day, Double configured, long candidateRequests, long requests) {
        if (configured == null || requests <= 0) return null;
        double observed = (double) candidateRequests / requests;
        double[] ci = ComplaintStats.wilson(candidateRequests, requests, Z999);
        boolean outside = configured < ci[0] || configured > ci[1];
        boolean far = Math.abs(observed - configured) > Math.max(MIN_GAP, RELATIVE_GAP * configured);
        return outside && far
                ? new Deviation(day, configured, observed, candidateRequests, requests, ci[0], ci[1])
                : null;
    }
}
