package dev.shadowbench.core.decide;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The decision log's head: the last record's seq and hash ("seq 0" with the genesis hash for an empty log). */
public record Head(long seq, String hash) {
    private static final Pattern TEXT = Pattern.compile("(\\d{1,18}) ([0-9a-f]{64})");

    /** The head of an empty log. */
    public static final Head EMPTY = new Head(0, DecisionLog.GENESIS);

    /** A head text that is not "SEQ HASH": named, never a NumberFormatException. */
    public static final class MalformedHeadException extends RuntimeException {
        MalformedHeadException(String message) {
            super(message);
        }
    }

    /** Parses "SEQ HASH" (as stored); {@code where} names the place it came from for the message. */
    public static Head parse(String text, String where) {
        Matcher m = text == null ? null : TEXT.matcher(text.strip());
        if (m == null || !m.matches()) {
            throw new MalformedHeadException("the decision log " + where + " is malformed: "
                    + (text == null ? "missing" : "'" + abbreviate(text) + "'")
                    + " (expected the last seq and its 64-digit hex hash, e.g. '3 " + "ab".repeat(4) + "...')");
        }
        return new Head(Long.parseLong(m.group(1)), m.group(2));
    }

    /** As stored: "SEQ HASH". */
    public String text() {
        return seq + " " + hash;
    }

    /** For reports: "seq 3, hash 8c525b7f24edc946…". */
    public String display() {
        return seq == 0
                ? "seq 0 (empty log)"
                : String.format(Locale.ROOT, "seq %d, hash %s…", seq, hash.substring(0, 16));
    }

    private static String abbreviate(String s) {
        String one = s.replaceAll("\\p{Cntrl}", "?");
        return one.length() > 80 ? one.substring(0, 80) + "…" : one;
    }
}
