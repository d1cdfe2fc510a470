package dev.shadowbench.ui.dashboard;

import dev.shadowbench.core.compare.Summary;
import dev.shadowbench.core.format.Change;
import dev.shadowbench.core.format.FigureFormat;
import dev.shadowbench.core.review.PairVerdict;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The headline cards of the dashboard, one per area; each names what is missing instead of failing. */
final class DashboardCards {
    private DashboardCards() {}

    static VBox coverage(Summary s) {
        Summary.Counts c = s.counts();
        return card(
                "card-coverage",
                "Coverage",
                FigureFormat.count(c.paired()) + " pairs",
                FigureFormat.pct(c.pairedShare()) + " of request ids paired",
                "baseline only",
                FigureFormat.count(c.baselineOnly()),
                "candidate only",
                FigureFormat.count(c.candidateOnly()),
                "duplicate rows",
                FigureFormat.count(c.duplicateRows()),
                "quarantined rows",
                FigureFormat.count(c.quarantinedRows()));
    }

    static VBox divergence(Summary s) {
        Summary.Divergence d = s.divergence();
        if (d == null)
            return card(
                    "card-divergence", "Divergence", "—", s.unavailable().getOrDefault("divergence", "not available"));
        if ("classification".equals(d.kind())) {
            return card(
                    "card-divergence",
                    "Divergence · classification",
                    FigureFormat.pct(d.disagreementRate()) + " disagree",
                    "labels differ on " + FigureFormat.pct(d.disagreementRate()) + " of pairs",
                    "mean |score diff|",
                    FigureFormat.num(d.meanAbs()),
                    "p95 |score diff|",
                    FigureFormat.num(d.p95Abs()),
                    "max",
                    FigureFormat.num(d.maxAbs()));
        }
        if ("ranking".equals(d.kind())) {
            return card(
                    "card-divergence",
                    "Divergence · ranking",
                    FigureFormat.pct(d.meanTopKOverlap()) + " overlap",
                    "mean top-" + d.topK() + " overlap",
                    "median",
                    FigureFormat.num(d.medianAbs()),
                    "p95",
                    FigureFormat.num(d.p95Abs()));
        }
        return card(
                "card-divergence",
                "Divergence · " + d.kind(),
                FigureFormat.num(d.meanAbs()) + " mean |diff|",
                "|candidate − baseline| per pair, in prediction units; " + FigureFormat.count(d.pairsWithValue())
                        + " pairs"
                        + (d.pairsWithoutValue() > 0
                                ? ", " + FigureFormat.count(d.pairsWithoutValue()) + " without a value"
                                : ""),
                "median |diff|",
                FigureFormat.num(d.medianAbs()),
                "p95 |diff|",
                FigureFormat.num(d.p95Abs()),
                "max |diff|",
                FigureFormat.num(d.maxAbs()),
                "median relative",
                FigureFormat.pct(d.medianRelative()));
    }

    static VBox latency(Summary s) {
        Summary.LatencyPair l = s.latencyMs();
        if (l.baseline() == null && l.candidate() == null) {
            return card("card-latency", "Latency", "not recorded", "latency not recorded in these logs");
        }
        Summary.Latency b = l.baseline(), c = l.candidate();
        String head = c == null ? "candidate: not recorded" : "p99 " + FigureFormat.ms(c.p99());
        return card(
                "card-latency",
                "Latency · budget " + FigureFormat.ms(l.budgetMs()),
                head,
                "per request: baseline → candidate (change)",
                "p50",
                lower(b == null ? null : b.p50(), c == null ? null : c.p50(), FigureFormat::ms),
                "p95",
                lower(b == null ? null : b.p95(), c == null ? null : c.p95(), FigureFormat::ms),
                "p99",
                lower(b == null ? null : b.p99(), c == null ? null : c.p99(), FigureFormat::ms),
                "over budget",
                lower(
                        b == null ? null : b.overBudgetShare(),
                        c == null ? null : c.overBudgetShare(),
                        FigureFormat::pct));
    }

    /** A figure where less is better (errors, latency), baseline → candidate with the change. */
    private static Change lower(Double b, Double c, java.util.function.Function<Double, String> format) {
        return Change.of(
                b, c, v -> format.apply(v).equals(FigureFormat.MISSING) ? "not recorded" : format.apply(v), true);
    }

    /** A figure where more is better (accuracy, precision, recall). */
    private static Change higher(Double b, Double c, java.util.function.Function<Double, String> format) {
        return Change.of(b, c, format, false);
    }

    static VBox labels(Summary s) {
        Summary.Labels l = s.labels();
        if (l == null || l.labelledPairs() == 0) {
            return card(
                    "card-labels",
                    "Labels",
                    "none",
                    s.unavailable().getOrDefault("labels", "no ground truth for these pairs yet"));
        }
        Summary.LabelFigures b = l.baseline(), c = l.candidate();
        if (b.mae() != null) {
            Change mae = lower(b.mae(), c.mae(), FigureFormat::num),
                    rmse = lower(b.rmse(), c.rmse(), FigureFormat::num);
            // the headline names the worse of the two when they disagree: an RMSE that triples is not hidden
            // behind a better MAE
            Change head = rmse.direction() == Change.Direction.WORSE ? rmse : mae;
            return card(
                    "card-labels",
                    "Labels · " + FigureFormat.count(l.labelledPairs()) + " pairs",
                    headline(head == rmse ? "RMSE " : "MAE ", head),
                    "error against the labels, in prediction units: baseline → candidate (change)",
                    "MAE",
                    mae,
                    "RMSE",
                    rmse);
        }
        Change accuracy = higher(b.accuracy(), c.accuracy(), FigureFormat::pct);
        return card(
                "card-labels",
                "Labels · " + FigureFormat.count(l.labelledPairs()) + " pairs",
                headline("accuracy ", accuracy),
                "baseline → candidate (change)",
                "accuracy",
                accuracy,
                "precision",
                higher(b.precision(), c.precision(), FigureFormat::pct),
                "recall",
                higher(b.recall(), c.recall(), FigureFormat::pct),
                "log loss",
                lower(b.logLoss(), c.logLoss(), FigureFormat::num));
    }

    static VBox tests(Summary s) {
        Summary.Tests t = s.tests();
        return card(
                "card-tests",
                "Distribution tests",
                t.predictionPsi() == null ? "—" : "PSI " + FigureFormat.num(t.predictionPsi()),
                "PSI < 0.1 stable · 0.1–0.25 shifting · > 0.25 shifted",
                "KS D (predictions)",
                t.predictionKs() == null
                        ? "—"
                        : FigureFormat.num(t.predictionKs().statistic()),
                "KS p",
                t.predictionKs() == null ? "—" : FigureFormat.p(t.predictionKs().pValue()),
                "Mann–Whitney p (latency)",
                t.latencyMannWhitney() == null
                        ? "not recorded"
                        : FigureFormat.p(t.latencyMannWhitney().pValue()));
    }

    static VBox review(Map<PairVerdict, Long> v) {
        long total = v.values().stream().mapToLong(Long::longValue).sum();
        return card(
                "card-review",
                "Sample review",
                FigureFormat.count(total) + " reviewed",
                total == 0 ? "mark pairs on the Sample screen" : "verdicts on sampled pairs",
                "ok",
                FigureFormat.count(v.get(PairVerdict.OK)),
                "suspicious",
                FigureFormat.count(v.get(PairVerdict.SUSPICIOUS)),
                "wrong",
                FigureFormat.count(v.get(PairVerdict.WRONG)));
    }

    /**
     * A card: title, headline figure, caption, then label/value rows. A headline or value may be a {@link Change}:
     * its text says better or worse, and the theme's success or danger colour says it again.
     */
    private static VBox card(String id, String title, Object headline, String caption, Object... rows) {
        Label t = new Label(title);
        t.getStyleClass().add("card-title");
        Label h = headline instanceof Change hc ? new Label(hc.text()) : value(headline);
        if (headline instanceof Change hc)
            h.getStyleClass().add("change-" + hc.direction().name().toLowerCase(java.util.Locale.ROOT));
        h.setWrapText(true);
        h.getStyleClass().add("card-headline");
        h.setId(id + "-headline");
        Label c = new Label(caption);
        c.getStyleClass().add("text-muted");
        c.setWrapText(true);
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(2);
        for (int i = 0; i + 1 < rows.length; i += 2) {
            Label k = new Label(String.valueOf(rows[i]));
            k.setMinWidth(Region.USE_PREF_SIZE);
            k.getStyleClass().add("text-muted");
            Label v = value(rows[i + 1]);
            v.setId(id + "-" + String.valueOf(rows[i]).replace(' ', '-'));
            grid.addRow(i / 2, k, v);
        }
        VBox box = new VBox(4, t, h, c, grid);
        box.setId(id);
        box.getStyleClass().add("card");
        box.setPadding(new Insets(12));
        box.setPrefWidth(290);
        box.setMinWidth(260);
        return box;
    }

    /** A headline change: the figures and the word, "RMSE 5.94 → 27.4, worse" (the rows have the difference). */
    private static Change headline(String name, Change c) {
        String word = c.direction().word();
        return new Change(name + c.figures() + (word.isEmpty() ? "" : ", " + word), c.direction());
    }

    /**
     * A value's label; a {@link Change} gets the style of its direction ({@code change-better}, ...) and shows its
     * difference on a second line, so a narrow card cuts nothing.
     */
    static Label value(Object v) {
        if (v instanceof Change c) {
            Label l = new Label(c.delta().isEmpty() ? c.figures() : c.figures() + "\n" + c.delta());
            l.getStyleClass().add("change-" + c.direction().name().toLowerCase(java.util.Locale.ROOT));
            return l;
        }
        return new Label(String.valueOf(v));
    }
}
