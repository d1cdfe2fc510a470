package dev.shadowbench.core.review;

import java.util.Locale;

/** A reviewer's verdict on one sampled pair (ok, suspicious, wrong); the gates' outcome is {@code decide.Verdict}. */
public enum PairVerdict {
    OK,
    SUSPICIOUS,
    WRONG;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PairVerdict parse(String s) {
        for (PairVerdict v : values()) if (v.code().equalsIgnoreCase(s)) return v;
        throw new IllegalArgumentException("A verdict is ok, suspicious or wrong, not '" + s + "'");
    }
}
