package dev.shadowbench.core.report;

import java.util.Locale;

/** Number formatting shared by the report renderers; a missing figure reads "not recorded". */
final class Fmt {
    static final String MISSING = "not recorded";

    private Fmt() {}

    static String num(Double v) {
        if (v == null || v.isNaN()) return MISSING;
        double a = Math.abs(v);
        if (v == Math.rint(v) && a < 1e15) return String.format(Locale.ROOT, "%,d", v.longValue());
        if (a >= 100) return String.format(Locale.ROOT, "%,.1f", v);
        if (a >= 0.01) return String.format(Locale.ROOT, "%.3g", v);
        return String.format(Locale.ROOT, "%.2e", v);
    }

    static String pct(Double v) {
        return v == null || v.isNaN() ? MISSING : String.format(Locale.ROOT, "%.2f%%", v * 100);
    }

    /** A gate value in its unit ("%" means the value is a fraction). */
    static String gateValue(Double v, String unit) {
        if (v == null) return "no data";
        if ("%".equals(unit)) return pct(v);
        return num(v) + ("ms".equals(unit) ? " ms" : "");
    }
}
