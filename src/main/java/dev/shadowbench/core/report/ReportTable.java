package dev.shadowbench.core.report;

import dev.shadowbench.core.format.FigureFormat;
import java.util.List;

/**
 * One table of a report, said once and rendered as HTML or Markdown, so the two formats cannot drift apart. Cells
 * are already formatted text (numbers through {@link FigureFormat}); the renderers escape them. A table with more
 * than {@link #COLLAPSE_AFTER} rows is folded in HTML under a {@code <details>} whose summary gives the count.
 *
 * @param title   the section heading
 * @param empty   what the section says when there are no rows
 * @param headers column headings
 * @param rows    the rows shown (already capped)
 * @param total   how many there were before the cap
 */
public record ReportTable(String title, String empty, List<String> headers, List<List<String>> rows, long total) {
    /** Longer tables are collapsed in HTML, with their count in the summary line. */
    public static final int COLLAPSE_AFTER = 10;

    /** The sentence above a capped table: "20 of 31 dismissed flags shown." (empty when nothing was cut). */
    String shownLine(String noun) {
        return rows.size() < total
                ? FigureFormat.count(rows.size()) + " of " + FigureFormat.count(total) + " " + noun + " shown."
                : "";
    }

    public String html(String noun) {
        StringBuilder b = new StringBuilder("\n<h2>").append(Escape.html(title)).append("</h2>\n");
        if (rows.isEmpty())
            return b.append("<p class=\"muted\">")
                    .append(Escape.html(empty))
                    .append("</p>\n")
                    .toString();
        boolean fold = rows.size() > COLLAPSE_AFTER;
        if (fold)
            b.append("<details><summary>")
                    .append(FigureFormat.count(total))
                    .append(' ')
                    .append(Escape.html(noun))
                    .append("</summary>\n");
        String shown = shownLine(noun);
        if (!shown.isEmpty()) b.append("<p>").append(shown).append("</p>");
        b.append("<table><tr>");
        for (String h : headers) b.append("<th>").append(Escape.html(h)).append("</th>");
        b.append("</tr>");
        for (List<String> row : rows) {
            b.append("<tr>");
            for (String cell : row) b.append("<td>").append(Escape.html(cell)).append("</td>");
            b.append("</tr>");
        }
        b.append("</table>");
        if (fold) b.append("</details>");
        return b.append('\n').toString();
    }

    public String markdown(String noun) {
        StringBuilder b = new StringBuilder("\n## ").append(Escape.md(title)).append("\n\n");
        if (rows.isEmpty()) return b.append(Escape.md(empty)).append('\n').toString();
        String shown = shownLine(noun);
        if (!shown.isEmpty()) b.append(shown).append("\n\n");
        b.append('|');
        for (String h : headers) b.append(' ').append(Escape.md(h)).append(" |");
        b.append("\n|");
        for (int i = 0; i < headers.size(); i++) b.append("---|");
        b.append('\n');
        for (List<String> row : rows) {
            b.append('|');
            for (String cell : row) b.append(' ').append(Escape.md(cell)).append(" |");
            b.append('\n');
        }
        return b.toString();
    }
}
