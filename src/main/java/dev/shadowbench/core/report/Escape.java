package dev.shadowbench.core.report;

/** Escaping for text that came from a log, so a report shows it as text and never as markup. */
public final class Escape {
    private Escape() {}

    /** HTML text and attribute values: &amp; &lt; &gt; &quot; &#39;. */
    public static String html(String s) {
        if (s == null) return "";
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }

    /**
     * Markdown inline text (also inside table cells): punctuation that starts emphasis, code, links, headings
     * or cells is backslash-escaped; &lt; &gt; &amp; become entities, since Markdown passes raw HTML through;
     * line breaks become spaces so a value cannot end a table row.
     */
    public static String md(String s) {
        if (s == null) return "";
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '\r', '\n' -> sb.append(' ');
                case '\\', '`', '*', '_', '[', ']', '|', '#', '(', ')', '!', '~', '{', '}' ->
                    sb.append('\\').append(ch);
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }
}
