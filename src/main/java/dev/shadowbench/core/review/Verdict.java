package dev.shadowbench.core.review;

import java.util.Locale;

/** A reviewer's judgement of one sampled pair. */
public enum Verdict {
    OK, SUSPICIOUS, WRONG;

    public String code() { return name().toLowerCase(Locale.ROOT); }

    public static Verdict parse(String s) {
        for (Verdict v : values()) if (v.code().equalsIgnoreCase(s)) return v;
        throw new IllegalArgumentException("A verdict is ok, suspicious or wrong, not '" + s + "'");
    }
}
