package dev.shadowbench.core.report;

import dev.shadowbench.core.chart.Palette;
import dev.shadowbench.core.chart.Plot;
import java.util.Locale;

/** Writes a {@link Plot} as inline SVG: the same shapes the window paints, each tip as a hover title. */
public final class PlotSvg {
    private PlotSvg() {}

    /**
     * A standalone SVG file of {@code p} (an export): the inline form with the SVG namespace, which a file needs and
     * the report leaves out (the report names no address at all).
     */
    public static String file(Plot p, boolean dark) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + render(p, dark).replaceFirst("<svg ", "<svg xmlns=\"" + "http://www.w3.org/2000/svg" + "\" ");
    }

    /** The inline SVG of {@code p} in the light or the dark palette; the summary is its accessible title and description. */
    public static String render(Plot p, boolean dark) {
        StringBuilder sb = new StringBuilder(16_384);
        sb.append(String.format(
                Locale.ROOT,
                "<svg role=\"img\" width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" "
                        + "font-family=\"system-ui,sans-serif\" font-size=\"11\"><title>%s</title><desc>%s</desc>"
                        + "<rect width=\"100%%\" height=\"100%%\" fill=\"%s\"/>",
                p.width(),
                p.height(),
                p.width(),
                p.height(),
                Escape.html(p.caption()),
                Escape.html(p.summary()),
                Palette.background(dark)));
        for (Plot.Shape s : p.shapes()) {
            if (s instanceof Plot.Rect r) {
                sb.append(String.format(
                        Locale.ROOT,
                        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\" fill-opacity=\"%.2f\">",
                        r.x(),
                        r.y(),
                        Math.max(r.w(), 0),
                        Math.max(r.h(), 0),
                        Palette.hex(r.role(), dark),
                        r.opacity()));
                if (r.tip() != null)
                    sb.append("<title>").append(Escape.html(r.tip())).append("</title>");
                sb.append("</rect>");
            } else if (s instanceof Plot.Line l) {
                sb.append(String.format(
                        Locale.ROOT,
                        "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"%s/>",
                        l.x1(),
                        l.y1(),
                        l.x2(),
                        l.y2(),
                        Palette.hex(l.role(), dark),
                        l.dashed() ? " stroke-dasharray=\"6 4\" stroke-width=\"1.5\"" : ""));
            } else if (s instanceof Plot.Text t) {
                sb.append(String.format(
                        Locale.ROOT,
                        "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" fill=\"%s\"%s>%s</text>",
                        t.x(),
                        t.y(),
                        t.anchor(),
                        Palette.hex(t.role(), dark),
                        t.bold() ? " font-weight=\"bold\"" : "",
                        Escape.html(t.text())));
            } else if (s instanceof Plot.Dot d) {
                sb.append(String.format(
                        Locale.ROOT,
                        "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\">",
                        d.x(),
                        d.y(),
                        d.r(),
                        Palette.hex(d.role(), dark)));
                if (d.tip() != null)
                    sb.append("<title>").append(Escape.html(d.tip())).append("</title>");
                sb.append("</circle>");
            }
        }
        return sb.append("</svg>").toString();
    }
}
