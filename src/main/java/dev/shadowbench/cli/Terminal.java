package dev.shadowbench.cli;

import java.util.Locale;

/**
 * The command line's printing edge: text that came from a log, a reviewer or a note is printed through here, so an
 * ANSI escape sequence, a carriage return or a bidi override in it is shown as visible text (ESC as {@code \e},
 * others as {@code \\u001b}-style escapes), never run by the terminal.
 */
public final class Terminal {
    private Terminal() {}

    /** {@code s} with every control character made visible; line breaks are kept (for multi-line messages). */
    public static String safe(String s) {
        return escape(s, true);
    }

    /** {@code s} on one line: every control character made visible, line breaks too (one field of a listing). */
    public static String line(String s) {
        return escape(s, false);
    }

    private static String escape(String s, boolean keepNewlines) {
        if (s == null) return null;
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            boolean hostile = (Character.isISOControl(ch) && !(keepNewlines && ch == '\n')) || isBidiControl(ch);
            if (!hostile) {
                if (b != null) b.append(ch);
                continue;
            }
            if (b == null) b = new StringBuilder(s.length() + 8).append(s, 0, i);
            switch (ch) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case 0x1b -> b.append("\\e");
                default -> b.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
            }
        }
        return b == null ? s : b.toString();
    }

    /** Unicode's explicit direction controls, which reorder what a terminal shows (Trojan Source). */
    private static boolean isBidiControl(char ch) {
        return (ch >= '\u202a' && ch <= '\u202e')
                || (ch >= '\u2066' && ch <= '\u2069')
                || ch == '\u200e'
                || ch == '\u200f'
                || ch == '\u061c';
    }
}
