package dev.shadowbench.ui.dashboard;

import dev.shadowbench.core.compare.Summary;
import dev.shadowbench.core.format.FigureFormat;
import dev.shadowbench.core.review.PairVerdict;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
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
                "per request, in ms: baseline  |  candidate",
                "p50",
                side(b == null ? null : b.p50(), c == null ? null : c.p50()),
                "p95",
                side(b == null ? null : b.p95(), c == null ? null : c.p95()),
                "p99",
                side(b == null ? null : b.p99(), c == null ? null : c.p99()),
                "over budget",
                (b == null ? "not recorded" : FigureFormat.pct(b.overBudgetShare())) + "  |  "
                        + (c == null ? "not recorded" : FigureFormat.pct(c.overBudgetShare())));
    }

    private static String side(Double b, Double c) {
        return (b == null ? "not recorded" : FigureFormat.ms(b)) + "  |  "
                + (c == null ? "not recorded" : FigureFormat.ms(c));
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
            return card(
                    "card-labels",
                    "Labels · " + FigureFormat.count(l.labelledPairs()) + " pairs",
                    "MAE " + FigureFormat.num(c.mae()),
                    "error against the labels, in prediction units: baseline  |  candidate",
                    "MAE",
                    FigureFormat.num(b.mae()) + "  |  " + FigureFormat.num(c.mae()),
                    "RMSE",
                    FigureFormat.num(b.rmse()) + "  |  " + FigureFormat.num(c.rmse()));
        }
        return card(
                "card-labels",
                "Labels · " + FigureFormat.count(l.labelledPairs()) + " pairs",
                "accuracy " + FigureFormat.pct(c.accuracy()),
                "baseline  |  candidate",
                "accuracy",
                FigureFormat.pct(b.accuracy()) + "  |  " + FigureFormat.pct(c.accuracy()),
                "precision",
                FigureFormat.pct(b.precision()) + "  |  " + FigureFormat.pct(c.precision()),
                "recall",
                FigureFormat.pct(b.recall()) + "  |  " + FigureFormat.pct(c.recall()),
                "log loss",
                FigureFormat.num(b.logLoss()) + "  |  " + FigureFormat.num(c.logLoss()));
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

    /** A card: title, headline figure, caption, then label/value rows. */
    private static VBox card(String id, String title, String headline, String caption, String... rows) {
        Label t = new Label(title);
        t.getStyleClass().add("card-title");
        Label h = new Label(headline);
        h.getStyleClass().add("card-headline");
        h.setId(id + "-headline");
        Label c = new Label(caption);
        c.getStyleClass().add("text-muted");
        c.setWrapText(true);
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(2);
        for (int i = 0; i + 1 < rows.length; i += 2) {
            Label k = new Label(rows[i]);
            k.getStyleClass().add("text-muted");
            grid.addRow(i / 2, k, new Label(rows[i + 1]));
        }
        VBox box = new VBox(4, t, h, c, grid);
        box.setId(id);
        box.getStyleClass().add("card");
        box.setPadding(new Insets(12));
        box.setPrefWidth(290);
        box.setMinWidth(260);
        return box;
    }
}
