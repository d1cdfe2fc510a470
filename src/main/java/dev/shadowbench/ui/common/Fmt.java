package dev.shadowbench.ui.common;

import java.util.Locale;

/** Number formatting for screens: fixed, readable, and a dash for what is missing. */
public final class Fmt {
    private Fmt() {}

    public static String num(Double v) {
        if (v == null || v.isNaN()) return "—";
        double a = Math.abs(v);
        if (a != 0 && (a < 0.001 || a >= 1e7)) return String.format(Locale.ROOT, "%.3g", v);
        if (a >= 1000) return String.format(Locale.ROOT, "%,.0f", v);
        if (a >= 100) return String.format(Locale.ROOT, "%.1f", v);
        return String.format(Locale.ROOT, "%.3f", v);
    }

    public static String count(long n) { return String.format(Locale.ROOT, "%,d", n); }

    public static String pct(Double share) {
        if (share == null || share.isNaN()) return "—";
        return String.format(Locale.ROOT, share != 0 && Math.abs(share) < 0.001 ? "%.3f%%" : "%.1f%%", share * 100);
    }

    public static String ms(Double v) {
        if (v == null || v.isNaN()) return "—";
        if (v == Math.rint(v) && Math.abs(v) < 1e7) return String.format(Locale.ROOT, "%,.0f ms", v);
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%,.0f ms" : "%.1f ms", v);
    }

    /** A p-value as scientists read it: tiny ones as "< 1e-12". */
    public static String p(Double v) {
        if (v == null || v.isNaN()) return "—";
        if (v < 1e-12) return "< 1e-12";
        return String.format(Locale.ROOT, v < 0.001 ? "%.2e" : "%.4f", v);
    }
}
