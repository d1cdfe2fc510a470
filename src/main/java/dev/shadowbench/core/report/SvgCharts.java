package dev.shadowbench.core.report;

import static dev.shadowbench.core.report.ReportContent.NOT_RECORDED;

import dev.shadowbench.core.compare.Summary;
import dev.shadowbench.core.format.FigureFormat;
import java.util.List;
import java.util.Locale;

/** Small inline SVG charts for the HTML report: no JavaFX, no scripts, nothing loaded from the network. */
public final class SvgCharts {
    private static final int W = 640, H = 220, LEFT = 56, RIGHT = 12, TOP = 24, BOTTOM = 36;

    private SvgCharts() {}

    /** A histogram from {@code edges} (n+1) and {@code counts} (n); null when the shapes do not fit. */
    public static String histogram(Summary.Histogram histogram, String title, String unit) {
        if (histogram == null) return null;
        List<Double> edges = histogram.edges();
        List<Long> counts = histogram.counts();
        if (edges == null || counts == null || counts.isEmpty() || edges.size() != counts.size() + 1) return null;
        int n = counts.size();
        double max = 0;
        for (long c : counts) max = Math.max(max, c);
        StringBuilder sb = open(title);
        double plotW = W - LEFT - RIGHT, plotH = H - TOP - BOTTOM, bw = plotW / n;
        for (int i = 0; i < n; i++) {
            double v = counts.get(i);
            double h = max == 0 ? 0 : v / max * plotH;
            sb.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#4c78a8\"><title>%s</title></rect>",
                    LEFT + i * bw + 0.5,
                    TOP + plotH - h,
                    Math.max(bw - 1, 0.5),
                    h,
                    Escape.html("[" + FigureFormat.num(edges.get(i), NOT_RECORDED) + ", "
                            + FigureFormat.num(edges.get(i + 1), NOT_RECORDED) + ") " + unit + ": "
                            + FigureFormat.num(v, NOT_RECORDED))));
        }
        axes(sb, plotW, plotH, max);
        for (int i : new int[] {0, n / 2, n}) {
            sb.append(label(LEFT + i * bw, H - BOTTOM + 14, "middle", FigureFormat.num(edges.get(i), NOT_RECORDED)));
        }
        sb.append(label(LEFT + plotW / 2, H - 4, "middle", unit));
        return sb.append("</svg>").toString();
    }

    private static final List<String> PERCENTILES = List.of("p50", "p95", "p99", "max");

    /** Grouped bars: p50, p95, p99 and max of baseline and candidate; null when neither side recorded any. */
    public static String latencyPercentiles(Summary.LatencyPair latency) {
        if (latency == null) return null;
        Summary.Latency b = latency.baseline(), c = latency.candidate();
        List<String> keys = PERCENTILES;
        double max = 0;
        for (String k : keys) {
            max = Math.max(max, value(b, k));
            max = Math.max(max, value(c, k));
        }
        if (max == 0) return null;
        StringBuilder sb = open("Latency percentiles (ms): baseline vs candidate");
        double plotW = W - LEFT - RIGHT, plotH = H - TOP - BOTTOM, gw = plotW / keys.size();
        for (int i = 0; i < keys.size(); i++) {
            String k = keys.get(i);
            double[] vals = {value(b, k), value(c, k)};
            String[] fill = {"#4c78a8", "#f58518"};
            String[] side = {"baseline", "candidate"};
            for (int s = 0; s < 2; s++) {
                double h = vals[s] / max * plotH;
                sb.append(String.format(
                        Locale.ROOT,
                        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s</title></rect>",
                        LEFT + i * gw + gw * 0.15 + s * gw * 0.35,
                        TOP + plotH - h,
                        gw * 0.33,
                        h,
                        fill[s],
                        Escape.html(side[s] + " " + k + ": " + FigureFormat.num(vals[s], NOT_RECORDED) + " ms")));
            }
            sb.append(label(LEFT + i * gw + gw / 2, H - BOTTOM + 14, "middle", k));
        }
        axes(sb, plotW, plotH, max);
        sb.append(String.format(
                        Locale.ROOT, "<rect x=\"%d\" y=\"6\" width=\"10\" height=\"10\" fill=\"#4c78a8\"/>", W - 190))
                .append(label(W - 176, 15, "start", "baseline"))
                .append(String.format(
                        Locale.ROOT, "<rect x=\"%d\" y=\"6\" width=\"10\" height=\"10\" fill=\"#f58518\"/>", W - 100))
                .append(label(W - 86, 15, "start", "candidate"));
        return sb.append("</svg>").toString();
    }

    private static double value(Summary.Latency side, String k) {
        if (side == null) return 0;
        return switch (k) {
            case "p50" -> side.p50();
            case "p95" -> side.p95();
            case "p99" -> side.p99();
            default -> side.max();
        };
    }

    private static StringBuilder open(String title) {
        StringBuilder sb = new StringBuilder(4096);
        sb.append("<svg role=\"img\" width=\"")
                .append(W)
                .append("\" height=\"")
                .append(H)
                .append("\" viewBox=\"0 0 ")
                .append(W)
                .append(' ')
                .append(H)
                .append("\"><title>")
                .append(Escape.html(title))
                .append("</title>")
                .append(label(LEFT, 15, "start", title));
        return sb;
    }

    private static void axes(StringBuilder sb, double plotW, double plotH, double max) {
        sb.append(String.format(
                Locale.ROOT,
                "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#333\"/>",
                LEFT,
                TOP + plotH,
                LEFT + plotW,
                TOP + plotH));
        sb.append(String.format(
                Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%.1f\" stroke=\"#333\"/>",
                LEFT,
                TOP,
                LEFT,
                TOP + plotH));
        sb.append(label(LEFT - 4, TOP + 8, "end", FigureFormat.num(max, NOT_RECORDED)));
        sb.append(label(LEFT - 4, TOP + plotH, "end", "0"));
    }

    private static String label(double x, double y, String anchor, String text) {
        return String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"%s\">%s</text>",
                x,
                y,
                anchor,
                Escape.html(text));
    }
}
