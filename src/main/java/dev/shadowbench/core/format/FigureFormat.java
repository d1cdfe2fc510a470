package dev.shadowbench.core.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * The one way a figure is printed, on screens, in reports, outlier reasons, gate texts and the command line
 * (Locale.ROOT throughout, so a figure reads the same on every machine):
 * <ul>
 * <li>figures: 3 significant digits, trailing zeros dropped (0.5, 0.0812, 39.8); whole numbers and figures
 *     from 1,000 up with thousands separators and no decimals (12,345); 100 to 1,000 with one decimal at most
 *     (812.4); below 0.001 or from 1e15 in scientific notation (1.23e-05);</li>
 * <li>counts: thousands separators (12,345);</li>
 * <li>percentages (of a share): fixed decimals, one from 1% up (46.2%), two below (0.46%), two significant digits
 *     below 0.01% (0.0012%), 0% for nothing;</li>
 * <li>durations: milliseconds as a figure below 100 ms (65.4 ms), whole from 100 ms (1,234 ms);</li>
 * <li>p-values: "&lt; 1e-12" below that, else 3 significant digits as a figure (0.0123, 4.56e-05);</li>
 * <li>a value beside the threshold it is compared with ({@link #pctAgainst}, {@link #numAgainst}) gets the digits
 *     that show which side it is on (0.46% beside 0.50%, 0.501% beside 0.50%).</li>
 * </ul>
 * A missing figure (null or NaN) prints as {@link #MISSING} unless the caller names its own word.
 */
public final class FigureFormat {
    /** What a missing figure reads on a screen. */
    public static final String MISSING = "—";

    private static final int MAX_EXTRA_DIGITS = 6;

    private FigureFormat() {}

    /** A figure; "—" when missing. */
    public static String num(Double v) {
        return num(v, MISSING);
    }

    /** A figure; {@code missing} when null or NaN. */
    public static String num(Double v, String missing) {
        if (v == null || v.isNaN()) return missing;
        return sig(v, 3);
    }

    /** A count with thousands separators. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A share (0.0046) as a percentage ("0.46%"); "—" when missing. */
    public static String pct(Double share) {
        return pct(share, MISSING);
    }

    /** A share as a percentage; {@code missing} when null or NaN. */
    public static String pct(Double share, String missing) {
        if (share == null || share.isNaN()) return missing;
        if (share.isInfinite()) return infinite(share) + "%";
        double p = share * 100;
        if (p == 0) return "0%";
        double a = Math.abs(p);
        if (a >= 1) return fixed(p, 1) + "%";
        if (a >= 0.01) return fixed(p, 2) + "%";
        return new BigDecimal(p)
                        .round(new MathContext(2, RoundingMode.HALF_UP))
                        .stripTrailingZeros()
                        .toPlainString() + "%";
    }

    /** A planned or observed traffic share, up to 3 significant digits without trailing zeros: 1%, 9.4%, 0.25%, 33.3%. */
    public static String share(double share) {
        String s = String.format(Locale.ROOT, "%.3g", 100 * share);
        if (s.contains(".") && !s.contains("e")) s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        return s + "%";
    }

    /** A share beside the threshold it is compared with, at the decimals that show which side of it it is on. */
    public static String pctAgainst(double share, double limit) {
        String shown = pct(share);
        if (!Double.isFinite(share) || !Double.isFinite(limit) || share == limit || share == 0) return shown;
        int start = Math.max(decimalsOf(shown), decimalsOf(pct(limit)));
        for (int d = start; d <= start + MAX_EXTRA_DIGITS; d++) {
            // Rounding is monotonic, so once the texts differ they also show the right order.
            String v = fixed(share * 100, d);
            if (!v.equals(fixed(limit * 100, d))) return d == decimalsOf(shown) ? shown : v + "%";
        }
        return shown;
    }

    /** A figure beside the threshold it is compared with, with the significant digits that show which side it is on. */
    public static String numAgainst(Double v, Double limit) {
        if (v == null || v.isNaN()) return MISSING;
        if (limit == null || !Double.isFinite(v) || !Double.isFinite(limit) || v.equals(limit)) return sig(v, 3);
        for (int digits = 3; digits <= 3 + MAX_EXTRA_DIGITS; digits++) {
            String a = sig(v, digits);
            if (!a.equals(sig(limit, digits))) return a;
        }
        return sig(v, 3);
    }

    /** A duration in milliseconds ("65.4 ms", "1,234 ms"); "—" when missing. */
    public static String ms(Double v) {
        return ms(v, MISSING);
    }

    /** A duration in milliseconds; {@code missing} when null or NaN. */
    public static String ms(Double v, String missing) {
        if (v == null || v.isNaN()) return missing;
        if (Double.isFinite(v) && Math.abs(v) >= 100 && Math.abs(v) < 1e15)
            return String.format(Locale.ROOT, "%,.0f ms", v);
        return sig(v, 3) + " ms";
    }

    /** A p-value: "&lt; 1e-12" for tiny ones, else 3 significant digits; "—" when missing. */
    public static String p(Double v) {
        if (v == null || v.isNaN()) return MISSING;
        return v < 1e-12 ? "< 1e-12" : sig(v, 3);
    }

    /** "p = 0.566" in a sentence, or "p < 1e-12" (never "p = < 1e-12"). */
    public static String pIs(Double v) {
        String p = p(v);
        return p.startsWith("<") ? "p " + p : "p = " + p;
    }

    /** A figure with its sign always shown ("+1.5", "-0.25"). */
    public static String signed(Double v, String missing) {
        if (v == null || v.isNaN()) return missing;
        return (v >= 0 ? "+" : "") + sig(v, 3);
    }

    /** A figure at exactly {@code decimals} decimals (e.g. a label at the decimals it was logged with). */
    public static String fixed(double v, int decimals) {
        if (!Double.isFinite(v)) return infinite(v);
        return new BigDecimal(v).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** A value in a gate's unit ("%" means a share, "ms" a duration, "" a plain figure), beside its limit if any. */
    public static String inUnit(Double v, String unit, Double limit, String missing) {
        if (v == null || v.isNaN()) return missing;
        if ("%".equals(unit)) return limit == null ? pct(v) : pctAgainst(v, limit);
        if ("ms".equals(unit) && limit == null) return ms(v);
        String n = limit == null ? sig(v, 3) : numAgainst(v, limit);
        return unit == null || unit.isEmpty() ? n : n + " " + unit;
    }

    private static String sig(double v, int digits) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return infinite(v);
        if (v == 0) return "0";
        double a = Math.abs(v);
        if (a >= 1e15 || a < 0.001) return String.format(Locale.ROOT, "%." + (digits - 1) + "e", v);
        int exponent = (int) Math.floor(Math.log10(a));
        int decimals = Math.max(0, digits - 1 - exponent) + (exponent == 2 ? 1 : 0);
        String s = String.format(Locale.ROOT, "%,." + decimals + "f", v);
        if (decimals == 0) return s;
        int end = s.length();
        while (s.charAt(end - 1) == '0') end--;
        if (s.charAt(end - 1) == '.') end--;
        return s.substring(0, end);
    }

    private static String infinite(double v) {
        return v > 0 ? "infinity" : "-infinity";
    }

    private static int decimalsOf(String pct) {
        int dot = pct.indexOf('.');
        return dot < 0 ? 0 : pct.length() - dot - 2;
    }
}
