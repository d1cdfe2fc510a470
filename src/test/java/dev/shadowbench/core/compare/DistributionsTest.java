package dev.shadowbench.core.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shadowbench.core.stats.Distributions;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The p-value functions against scipy 1.17.1 (reference command next to each table). */
public class DistributionsTest {

    public static void assertRel(double expected, double actual, double rel, String what) {
        if (expected == 0) {
            assertTrue(actual < 1e-300, what + ": expected 0, got " + actual);
            return;
        }
        assertTrue(
                Math.abs(actual - expected) <= rel * Math.abs(expected),
                what + ": expected " + expected + ", got " + actual + " (rel "
                        + Math.abs(actual - expected) / Math.abs(expected) + ")");
    }

    // python3 -c "from scipy.stats import kstwo; print(repr(float(kstwo.sf(x, n))))" for each row
    @ParameterizedTest
    @CsvSource({
        "50, 0.002, 1.0",
        "50, 0.01, 1.0",
        "50, 0.03, 0.9999999991521389",
        "50, 0.08, 0.880839701941023",
        "50, 0.2, 0.03143877776953241",
        "50, 0.6, 9.634070456142374e-18",
        "141, 0.03, 0.9992107601012719",
        "141, 0.08, 0.31084170879264117",
        "141, 0.2, 2.0276784223976912e-05",
        "141, 0.6, 4.550154415759682e-49",
        "1000, 0.01, 0.9999496745370611",
        "1000, 0.03, 0.3226902143914636",
        "1000, 0.08, 5.154189384789824e-06",
        "1000, 0.2, 1.5528629204250538e-35",
        "1000, 0.6, 0.0",
        "5000, 0.01, 0.6954557253913853",
        "5000, 0.03, 0.00024159234422666817",
        "5000, 0.08, 2.7832218159269087e-28",
        "5000, 0.2, 9.004289573855005e-176",
        "200000, 0.002, 0.39995085369038097",
        "200000, 0.01, 8.433125699870092e-18",
        "200000, 0.03, 8.226548921917665e-157",
        "200000, 0.08, 0.0"
    })
    void kolmogorovSurvivalMatchesScipyKstwo(int n, double x, double expected) {
        assertRel(expected, Distributions.kstwoSf(n, x), 1e-6, "kstwo.sf(" + x + ", " + n + ")");
    }

    // python3 -c "from scipy import stats; print(repr(float(stats.norm.sf(z))))"
    @ParameterizedTest
    @CsvSource({
        "0.0, 0.5",
        "0.5, 0.3085375387259869",
        "1.3, 0.09680048458561036",
        "2.5, 0.006209665325776132",
        "5.0, 2.866515718791933e-07",
        "9.0, 1.1285884059538324e-19",
        "20.0, 2.7536241186061556e-89",
        "-1.3, 0.9031995154143897"
    })
    void normalSurvivalMatchesScipy(double z, double expected) {
        assertRel(expected, Distributions.normalSf(z), 1e-10, "norm.sf(" + z + ")");
    }

    // Equal sizes 50/50 with D = 0.14 (7/50): scipy.stats.ks_2samp(...) method 'exact' -> 0.7166468440414822
    @Test
    void exactKsForEqualSizes() {
        var ks = TwoSampleTests.ksFromStatistic(0.14, 50, 50);
        assertEquals("exact", ks.method());
        assertRel(0.7166468440414822, ks.pValue(), 1e-9, "exact p");
    }

    // Unequal sizes up to 10,000 are exact too (scipy's inside method):
    // python3 -c "import math; from scipy.stats._stats_py import _attempt_exact_2kssamp as f; print(f(n1, n2,
    // math.gcd(n1, n2), d, 'two-sided'))"
    @ParameterizedTest
    @CsvSource({
        "50, 60, 0.12, 0.7809732629396259",
        "100, 37, 0.3, 0.011564990484658099",
        "5000, 4963, 0.05, 7.410722749001812e-06",
        "300, 200, 0.12, 0.05956426587666751",
        "9000, 10000, 0.12, 7.461411563201725e-60"
    })
    void exactKsForUnequalSizes(int n1, int n2, double d, double expected) {
        var ks = TwoSampleTests.ksFromStatistic(d, n1, n2);
        assertEquals("exact", ks.method());
        assertRel(expected, ks.pValue(), 1e-9, "exact p " + n1 + "/" + n2);
    }

    @Test
    void mannWhitneyWithoutTiesIsSymmetric() {
        // x = {1,2,3,...,10}, y = {11..20}: R1 = 55, no ties. scipy: mannwhitneyu(range(1,11), range(11,21),
        // method='asymptotic')
        // -> statistic 0.0, pvalue 0.00018267179110955002
        var mw = TwoSampleTests.mannWhitney(10, 10, BigInteger.valueOf(110), BigInteger.ZERO);
        assertEquals(0.0, mw.u());
        assertRel(0.00018267179110955002, mw.pValue(), 1e-6, "mwu p");
    }
}
