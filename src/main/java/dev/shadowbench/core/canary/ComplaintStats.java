package dev.shadowbench.core.canary;

import dev.shadowbench.core.stats.Distributions;

/**
 * Compares two arms' complaint rates: the difference (candidate - baseline), its 95% Newcombe hybrid score interval
 * (Newcombe 1998, method 10: built from each arm's Wilson score interval; it stays inside [-1, 1] and keeps its
 * coverage with 0 complaints, where the Wald interval collapses to a point) and a two-sided p-value: Fisher's exact
 * test as scipy.stats.fisher_exact computes it when any expected cell of the 2x2 table is below 5, else the pooled
 * two-proportion z-test through the normal distribution.
 */
public final class ComplaintStats {
    private ComplaintStats() {}

    /** norm.ppf(0.975). */
    static final double Z95 = 1.959963984540054;
    /** Expected cell count below which the z-test's normal approximation is not trusted (Cochran's rule). */
    public static final double MIN_EXPECTED = 5;
    /** Significance level of {@link Reading}. */
    public static final double ALPHA = 0.05;
    /** Interval name, as written in the JSON. */
    public static final String INTERVAL = "newcombe_hybrid_score";

    public static final String FISHER = "fisher_exact";
    public static final String Z_TEST = "two_proportion_z_pooled";

    /** Requests an arm served and how many of them drew a complaint. */
    public record Arm(long requests, long complaints) {
        public Arm {
            if (requests < 0 || complaints < 0 || complaints > requests) {
                throw new IllegalArgumentException("complaints " + complaints + " of " + requests + " requests");
            }
        }

        /** Complaints per request; null without requests. */
        public Double rate() {
            return requests == 0 ? null : (double) complaints / requests;
        }

        /** The 95% Wilson score interval of the rate; null without requests. */
        public double[] wilson() {
            return requests == 0 ? null : ComplaintStats.wilson(complaints, requests);
        }
    }

    /** What a comparison says about the candidate, in the words the review uses. */
    public enum Reading {
        WORSE("worse"),
        BETTER("better"),
        NO_DIFFERENCE("no difference seen"),
        NOT_ENOUGH_TRAFFIC("not enough traffic to tell");

        private final String label;

        Reading(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** The JSON value: worse, better, no_difference, not_enough_traffic. */
        @com.fasterxml.jackson.annotation.JsonValue
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * The two arms compared. {@code method} names the test behind the p-value ({@link #FISHER} or {@link #Z_TEST}),
     * {@code interval} the interval; {@code minExpected} is the smallest expected cell count of the 2x2 table.
     */
    public record Comparison(
            double baselineRate,
            double candidateRate,
            double difference,
            double ciLow,
            double ciHigh,
            double pValue,
            String method,
            String interval,
            double minExpected,
            Reading reading) {}

    /**
     * Compares the arms; null when an arm served no request. The reading: a significant increase (p < 0.05) is
     * "worse" whatever the counts; otherwise, when an arm's expected complaints under the pooled rate (its requests
     * times the pooled rate) is below 5, "not enough traffic to tell": e.g. 0 complaints on 239 requests against a
     * 2% baseline expects 4.7, and seeing none is not evidence of "better". Else a significant decrease is "better"
     * and the rest "no difference seen".
     */
    public static Comparison compare(Arm baseline, Arm candidate) {
        if (baseline.requests() == 0 || candidate.requests() == 0) return null;
        long bx = baseline.complaints(),
                bn = baseline.requests(),
                cx = candidate.complaints(),
                cn = candidate.requests();
        double pb = (double) bx / bn, pc = (double) cx / cn, d = pc - pb;
        double[] wb = wilson(bx, bn), wc = wilson(cx, cn);
        double lo = d - Math.sqrt(sq(pc - wc[0]) + sq(wb[1] - pb));
        double hi = d + Math.sqrt(sq(wc[1] - pc) + sq(pb - wb[0]));
        long n = bn + cn, complaints = bx + cx;
        double minExpected =
                Math.min(Math.min(bn, cn) * (double) complaints, Math.min(bn, cn) * (double) (n - complaints)) / n;
        String method;
        double p;
        if (minExpected < MIN_EXPECTED) {
            method = FISHER;
            p = fisherTwoSided(bx, bn - bx, cx, cn - cx);
        } else {
            method = Z_TEST;
            double pool = (double) complaints / n;
            double se = Math.sqrt(pool * (1 - pool) * (1.0 / bn + 1.0 / cn));
            p = se == 0 ? 1.0 : Math.min(1.0, 2 * Distributions.normalSf(Math.abs(d) / se));
        }
        double expectedComplaints = Math.min(bn, cn) * (double) complaints / n;
        Reading reading = p < ALPHA && d > 0
                ? Reading.WORSE
                : expectedComplaints < MIN_EXPECTED
                        ? Reading.NOT_ENOUGH_TRAFFIC
                        : p < ALPHA && d < 0 ? Reading.BETTER : Reading.NO_DIFFERENCE;
        return new Comparison(pb, pc, d, Math.max(-1, lo), Math.min(1, hi), p, method, INTERVAL, minExpected, reading);
    }

    /** The 95% Wilson score interval of x successes in n trials, as scipy's binomtest(...).proportion_ci(method='wilson'). */
    static double[] wilson(long x, long n) {
        return wilson(x, n, Z95);
    }

    /** The Wilson score interval of x successes in n trials for the two-sided normal quantile {@code z}. */
    public static double[] wilson(long x, long n, double z) {
        double z2 = z * z, p = (double) x / n;
        double denom = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denom;
        double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denom;
        return new double[] {x == 0 ? 0 : Math.max(0, centre - half), x == n ? 1 : Math.min(1, centre + half)};
    }

    /**
     * Two-sided Fisher exact p-value of the table [[a, b], [c, d]]: the probability, given the margins, of every table
     * no more likely than the observed one (relative tolerance 1e-7, as R and scipy allow for rounding). The
     * hypergeometric probabilities come from the ratio of successive terms, summed from the mode in logs, so large
     * tables neither overflow nor need a log-gamma.
     */
    static double fisherTwoSided(long a, long b, long c, long d) {
        long row1 = a + b, col1 = a + c, n = a + b + c + d;
        long lo = Math.max(0, row1 + col1 - n), hi = Math.min(row1, col1);
        int size = Math.toIntExact(hi - lo + 1);
        double[] logw = new double[size];
        // log of the ratio pmf(k+1)/pmf(k) = (col1-k)(row1-k) / ((k+1)(n-col1-row1+k+1))
        for (int i = 1; i < size; i++) {
            long k = lo + i - 1;
            logw[i] = logw[i - 1]
                    + Math.log((double) (col1 - k) * (row1 - k))
                    - Math.log((double) (k + 1) * (n - col1 - row1 + k + 1));
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double w : logw) max = Math.max(max, w);
        double observed = logw[Math.toIntExact(a - lo)];
        double total = 0, tail = 0;
        for (double w : logw) {
            double pw = Math.exp(w - max);
            total += pw;
            if (w <= observed + 1e-7) tail += pw;
        }
        return Math.min(1.0, tail / total);
    }

    private static double sq(double x) {
        return x * x;
    }
}
