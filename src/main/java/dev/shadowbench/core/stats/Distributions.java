package dev.shadowbench.core.stats;

/**
 * P-values for the two-sample tests, ported from scipy.stats 1.17 so Shadowbench and a notebook agree:
 * the normal survival function (Mann–Whitney), the exact two-sample KS probability (lattice paths), and
 * the one-sample Kolmogorov distribution {@code kstwo.sf(d, n)} that scipy's ks_2samp uses as its
 * asymptotic method.
 */
public final class Distributions {
    private Distributions() {}

    private static final double LOG_SQRT_PI = 0.5 * Math.log(Math.PI);
    private static final double SQRT2PI = Math.sqrt(2 * Math.PI);
    private static final double PI2 = Math.PI * Math.PI;
    private static final double PI4 = PI2 * PI2;
    private static final double PI6 = PI4 * PI2;

    /** P(Z > z) for a standard normal Z, accurate to ~1e-14 relative even far in the tail. */
    public static double normalSf(double z) {
        if (Double.isNaN(z)) return Double.NaN;
        double x = z / Math.sqrt(2);
        return x >= 0 ? 0.5 * erfcPositive(x) : 1 - 0.5 * erfcPositive(-x);
    }

    /** erfc(x) for x >= 0 as the regularized upper incomplete gamma Q(1/2, x^2). */
    private static double erfcPositive(double x) {
        return x == 0 ? 1 : gammaQ(0.5, x * x);
    }

    /**
     * The regularized upper incomplete gamma function Q(a, y) = Γ(a, y) / Γ(a) for a > 0, y >= 0: a series for
     * P = 1 - Q when y < a + 1, else a continued fraction (modified Lentz). The chi-square survival function is
     * Q(k/2, x/2).
     */
    public static double gammaQ(double a, double y) {
        if (y <= 0) return 1;
        double logPrefix = -y + a * Math.log(y) - logGamma(a);
        if (y < a + 1) {
            // series for P(a, y); Q = 1 - P is not small here, so no cancellation
            double ap = a, sum = 1 / a, del = sum;
            for (int i = 0; i < 10_000; i++) {
                ap += 1;
                del *= y / ap;
                sum += del;
                if (Math.abs(del) < Math.abs(sum) * 1e-17) break;
            }
            return 1 - sum * Math.exp(logPrefix);
        }
        double fpmin = 1e-300;
        double b = y + 1 - a, c = 1 / fpmin, d = 1 / b, h = d;
        for (int i = 1; i < 10_000; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.abs(d) < fpmin) d = fpmin;
            c = b + an / c;
            if (Math.abs(c) < fpmin) c = fpmin;
            d = 1 / d;
            double del = d * c;
            h *= del;
            if (Math.abs(del - 1) < 1e-16) break;
        }
        return Math.exp(logPrefix) * h;
    }

    private static final double[] LANCZOS = {
        0.99999999999980993,
        676.5203681218851,
        -1259.1392167224028,
        771.32342877765313,
        -176.61502916214059,
        12.507343278686905,
        -0.13857109526572012,
        9.9843695780195716e-6,
        1.5056327351493116e-7
    };

    /** log Γ(a) for a > 0 (Lanczos, g = 7, about 15 digits; Γ(1/2) = √π exactly, so the normal tail is unchanged). */
    public static double logGamma(double a) {
        if (a == 0.5) return LOG_SQRT_PI;
        if (a < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * a)) - logGamma(1 - a);
        double x = a - 1, s = LANCZOS[0], t = x + 7.5;
        for (int i = 1; i < LANCZOS.length; i++) s += LANCZOS[i] / (x + i);
        return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(s);
    }

    /**
     * Exact two-sided P(D_{n,n} >= h/n) for two samples of equal size n (scipy {@code _compute_prob_outside_square}).
     */
    public static double ksExactEqualSizes(int n, int h) {
        if (h <= 0) return 1.0;
        double p = 0.0;
        int k = n / h;
        while (k >= 0) {
            double p1 = 1.0;
            for (int j = 0; j < h; j++) p1 = (n - (double) k * h - j) * p1 / (n + (double) k * h + j + 1);
            p = p1 * (1.0 - p);
            k--;
        }
        return clip(2 * p);
    }

    /**
     * Exact two-sided P(D_{m,n} >= h / lcm(m, n)) for any sizes: Hodges' inside method computing 1 - p directly
     * (Viehmann 2021), as scipy's {@code _compute_outer_prob_inside_method}. Cost O(m * window).
     */
    public static double ksExactInside(int m, int n, int h) {
        if (m < n) {
            int t = m;
            m = n;
            n = t;
        }
        int g = gcd(m, n);
        long mg = m / g, ng = n / g;
        int minj = 0, maxj = (int) Math.min((long) Math.ceil((double) h / mg), n + 1L);
        int curlen = maxj - minj;
        int lenA = Math.min(2 * maxj + 2, n + 1);
        double[] a = new double[Math.max(lenA, n + 1)];
        java.util.Arrays.fill(a, 1.0);
        for (int j = minj; j < maxj; j++) a[j] = 0.0;
        for (int i = 1; i <= m; i++) {
            int lastminj = minj, lastlen = curlen;
            minj = (int) Math.max(Math.floorDiv(ng * i - h, mg) + 1, 0);
            minj = Math.min(minj, n);
            maxj = (int) Math.min(ceilDiv(ng * i + h, mg), n + 1L);
            if (maxj <= minj) return 1.0;
            double val = minj == 0 ? 0.0 : 1.0;
            for (int jj = 0; jj < maxj - minj; jj++) {
                int j = jj + minj;
                val = (a[jj + minj - lastminj] * i + val * j) / (i + j);
                a[jj] = val;
            }
            curlen = maxj - minj;
            if (lastlen > curlen) {
                for (int k = maxj - minj; k < maxj - minj + (lastlen - curlen); k++) a[k] = 1.0;
            }
        }
        return clip(a[maxj - minj - 1]);
    }

    private static long ceilDiv(long x, long y) {
        return -Math.floorDiv(-x, y);
    }

    public static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /** Survival function of the two-sided one-sample KS statistic D_n, as scipy {@code kstwo.sf(x, n)}. */
    public static double kstwoSf(int n, double x) {
        if (x >= 1.0) return 0.0;
        if (x <= 0.0) return 1.0;
        double t = n * x;
        if (t <= 1.0) { // Ruben-Gambino
            if (t <= 0.5) return 1.0;
            double prob;
            if (n <= 140) {
                prob = 1.0;
                for (int i = 1; i <= n; i++) prob *= i * (1.0 / n) * (2 * t - 1);
            } else {
                prob = Math.exp(logNFactorialDivNPowN(n) + n * Math.log(2 * t - 1));
            }
            return clip(1.0 - prob);
        }
        if (t >= n - 1) return clip(2 * Math.pow(1.0 - x, n));
        if (x >= 0.5) return clip(2 * smirnov(n, x));
        double nx2 = t * x;
        if (n <= 140) {
            // scipy uses Pomeranz for 0.754693 < n x^2 <= 4; Durbin's matrix computes the same exact CDF.
            if (nx2 <= 4) return clip(1.0 - durbinCdf(n, x));
            return clip(2 * smirnov(n, x));
        }
        if (nx2 >= 370.0) return 0.0;
        if (nx2 >= 2.2) return clip(2 * smirnov(n, x));
        double cdf;
        if (n <= 100_000 && n * Math.pow(x, 1.5) <= 1.4) cdf = durbinCdf(n, x);
        else cdf = pelzGoodCdf(n, x);
        return clip(1.0 - cdf);
    }

    /** One-sided exact Smirnov P(D+_n >= x) by the Birnbaum–Tingey sum, term by term in log space. */
    static double smirnov(int n, double x) {
        if (x <= 0) return 1.0;
        if (x >= 1) return 0.0;
        int jmax = (int) Math.floor(n * (1 - x));
        double sum = 0.0, logBinom = 0.0; // log C(n, j)
        for (int j = 0; j <= jmax; j++) {
            if (j > 0) logBinom += Math.log((double) (n - j + 1)) - Math.log(j);
            double a = 1 - x - (double) j / n, b = x + (double) j / n;
            if (a <= 0 && n - j > 0) continue;
            double logTerm = logBinom + (n - j) * Math.log(a) + (j - 1) * Math.log(b);
            sum += Math.exp(logTerm);
        }
        return clip(x * sum);
    }

    private static double logNFactorialDivNPowN(int n) {
        double[] stirling = {
            -2.955065359477124183e-2,
            6.4102564102564102564e-3,
            -1.9175269175269175269e-3,
            8.4175084175084175084e-4,
            -5.952380952380952381e-4,
            7.9365079365079365079e-4,
            -2.7777777777777777778e-3,
            8.3333333333333333333e-2
        };
        double rn = 1.0 / n, u = rn / n, poly = 0;
        for (double c : stirling) poly = poly * u + c;
        return Math.log(n) / 2 - n + Math.log(2 * Math.PI) / 2 + rn * poly;
    }

    /** Durbin matrix algorithm (Marsaglia–Tsang–Wang) for P(D_n <= d); exact, cost O(m^3 log n) with m = 2 ceil(nd) - 1. */
    static double durbinCdf(int n, double d) {
        if (d >= 1.0) return 1.0;
        double nd = n * d;
        if (nd <= 0.5) return 0.0;
        int k = (int) Math.ceil(nd);
        double h = k - nd;
        int m = 2 * k - 1;
        double[][] hm = new double[m][m];
        double[] v = new double[m], w = new double[m];
        double fac = 1.0;
        for (int j = 1; j <= m; j++) {
            v[j - 1] = 1.0 - Math.pow(h, j);
            w[j - 1] = fac;
            fac /= j;
            v[j - 1] *= fac;
        }
        double tt = Math.pow(Math.max(2 * h - 1.0, 0), m) - 2 * Math.pow(h, m);
        v[m - 1] = (1.0 + tt) * fac;
        for (int i = 1; i < m; i++) for (int r = i - 1; r < m; r++) hm[r][i] = w[r - (i - 1)];
        for (int r = 0; r < m; r++) hm[r][0] = v[r];
        for (int c = 0; c < m; c++) hm[m - 1][c] = v[m - 1 - c];

        double[][] pw = new double[m][m];
        for (int i = 0; i < m; i++) pw[i][i] = 1.0;
        long nn = n;
        int expnt = 0, hExpnt = 0;
        while (nn > 0) {
            if (nn % 2 == 1) {
                pw = mul(pw, hm);
                expnt += hExpnt;
            }
            hm = mul(hm, hm);
            hExpnt *= 2;
            if (Math.abs(hm[k - 1][k - 1]) > 0x1p128) {
                scale(hm, 0x1p-128);
                hExpnt += 128;
            }
            nn /= 2;
        }
        double p = pw[k - 1][k - 1];
        for (int i = 1; i <= n; i++) {
            p = i * p / n;
            if (Math.abs(p) < 0x1p-128) {
                p *= 0x1p128;
                expnt -= 128;
            }
        }
        if (expnt != 0) p = Math.scalb(p, expnt);
        return clip(p);
    }

    private static double[][] mul(double[][] a, double[][] b) {
        int m = a.length;
        double[][] r = new double[m][m];
        for (int i = 0; i < m; i++)
            for (int l = 0; l < m; l++) {
                double ail = a[i][l];
                if (ail == 0) continue;
                for (int j = 0; j < m; j++) r[i][j] += ail * b[l][j];
            }
        return r;
    }

    private static void scale(double[][] a, double f) {
        for (double[] row : a) for (int j = 0; j < row.length; j++) row[j] *= f;
    }

    /** Pelz–Good asymptotic approximation of P(D_n <= x), scipy's choice for large n. */
    static double pelzGoodCdf(int n, double x) {
        if (x <= 0.0) return 0.0;
        if (x >= 1.0) return 1.0;
        double z = Math.sqrt(n) * x;
        double z2 = z * z, z3 = z2 * z, z4 = z2 * z2, z6 = z4 * z2;
        double qlog = -PI2 / 8 / z2;
        if (qlog < -708) return 0.0;
        double q = Math.exp(qlog);
        double k1a = -z2, k1b = PI2 / 4;
        double k2a = 6 * z6 + 2 * z4, k2b = (2 * z4 - 5 * z2) * PI2 / 4, k2c = PI4 * (1 - 2 * z2) / 16;
        double k3d = PI6 * (5 - 30 * z2) / 64, k3c = PI4 * (-60 * z2 + 212 * z4) / 16;
        double k3b = PI2 * (135 * z4 - 96 * z6) / 4, k3a = -30 * z6 - 90 * Math.pow(z, 8);
        double[] kk = new double[4];
        int maxk = (int) Math.ceil(16 * z / Math.PI);
        for (int k = maxk; k >= 1; k--) {
            double mm = 2.0 * k - 1, m2 = mm * mm, m4 = m2 * m2, m6 = m4 * m2;
            double qp = Math.pow(q, 8.0 * k);
            double[] coeffs = {1.0, k1a + k1b * m2, k2a + k2b * m2 + k2c * m4, k3a + k3b * m2 + k3c * m4 + k3d * m6};
            for (int i = 0; i < 4; i++) kk[i] = kk[i] * qp + coeffs[i];
        }
        double[] div = {z, 6 * z4, 72 * Math.pow(z, 7), 6480 * Math.pow(z, 10)};
        for (int i = 0; i < 4; i++) kk[i] = kk[i] * q * SQRT2PI / div[i];
        double q2 = Math.exp(-PI2 / 2 / z2);
        double sqrt3z = Math.sqrt(3) * z, k2extra = 0, k3extra = 0;
        for (int k = maxk; k >= 1; k--) {
            double ks2 = (double) k * k, qpw = Math.pow(q2, ks2), kspi = Math.PI * k;
            k2extra += ks2 * qpw;
            k3extra += (sqrt3z + kspi) * (sqrt3z - kspi) * ks2 * qpw;
        }
        kk[2] += k2extra * PI2 * SQRT2PI / (-36 * z3);
        kk[3] += k3extra * PI2 * SQRT2PI / (216 * z6);
        double sum = 0;
        for (int i = 0; i < 4; i++) sum += kk[i] / Math.pow(n, i / 2.0);
        return sum;
    }

    public static double clip(double p) {
        return Math.max(0.0, Math.min(1.0, p));
    }
}
