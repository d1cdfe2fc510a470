package dev.shadowbench.ui.dashboard;

import dev.shadowbench.core.compare.Summary;
import dev.shadowbench.core.review.Verdict;
import dev.shadowbench.ui.common.Fmt;
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
        return card("card-coverage", "Coverage", Fmt.count(c.paired()) + " pairs", Fmt.pct(c.pairedShare()) + " of request ids paired",
                "baseline only", Fmt.count(c.baselineOnly()),
                "candidate only", Fmt.count(c.candidateOnly()),
                "duplicate rows", Fmt.count(c.duplicateRows()),
                "quarantined rows", Fmt.count(c.quarantinedRows()));
    }

    static VBox divergence(Summary s) {
        Summary.Divergence d = s.divergence();
        if (d == null) return card("card-divergence", "Divergence", "—", s.unavailable().getOrDefault("divergence", "not available"));
        if ("classification".equals(d.kind())) {
            return card("card-divergence", "Divergence · classification", Fmt.pct(d.disagreementRate()) + " disagree",
                    "labels differ on " + Fmt.pct(d.disagreementRate()) + " of pairs",
                    "mean |score diff|", Fmt.num(d.meanAbs()), "p95 |score diff|", Fmt.num(d.p95Abs()), "max", Fmt.num(d.maxAbs()));
        }
        if ("ranking".equals(d.kind())) {
            return card("card-divergence", "Divergence · ranking", Fmt.pct(d.meanTopKOverlap()) + " overlap",
                    "mean top-" + d.topK() + " overlap", "median", Fmt.num(d.medianAbs()), "p95", Fmt.num(d.p95Abs()));
        }
        return card("card-divergence", "Divergence · " + d.kind(), Fmt.num(d.meanAbs()) + " mean |diff|",
                Fmt.count(d.pairsWithValue()) + " pairs" + (d.pairsWithoutValue() > 0 ? ", " + Fmt.count(d.pairsWithoutValue()) + " without a value" : ""),
                "median |diff|", Fmt.num(d.medianAbs()), "p95 |diff|", Fmt.num(d.p95Abs()), "max |diff|", Fmt.num(d.maxAbs()),
                "median relative", Fmt.pct(d.medianRelative()));
    }

    static VBox latency(Summary s) {
        Summary.LatencyPair l = s.latencyMs();
        if (l.baseline() == null && l.candidate() == null) {
            return card("card-latency", "Latency", "not recorded", "latency not recorded in these logs");
        }
        Summary.Latency b = l.baseline(), c = l.candidate();
        String head = c == null ? "candidate: not recorded" : "p99 " + Fmt.ms(c.p99());
        return card("card-latency", "Latency · budget " + Fmt.ms(l.budgetMs()), head, "baseline  |  candidate",
                "p50", side(b == null ? null : b.p50(), c == null ? null : c.p50()),
                "p95", side(b == null ? null : b.p95(), c == null ? null : c.p95()),
                "p99", side(b == null ? null : b.p99(), c == null ? null : c.p99()),
                "over budget", (b == null ? "not recorded" : Fmt.pct(b.overBudgetShare())) + "  |  "
                        + (c == null ? "not recorded" : Fmt.pct(c.overBudgetShare())));
    }

    private static String side(Double b, Double c) {
        return (b == null ? "not recorded" : Fmt.ms(b)) + "  |  " + (c == null ? "not recorded" : Fmt.ms(c));
    }

    static VBox labels(Summary s) {
        Summary.Labels l = s.labels();
        if (l == null || l.labelledPairs() == 0) {
            return card("card-labels", "Labels", "none", s.unavailable().getOrDefault("labels", "no ground truth for these pairs yet"));
        }
        Summary.LabelFigures b = l.baseline(), c = l.candidate();
        if (b.mae() != null) {
            return card("card-labels", "Labels · " + Fmt.count(l.labelledPairs()) + " pairs", "MAE " + Fmt.num(c.mae()),
                    "baseline  |  candidate", "MAE", Fmt.num(b.mae()) + "  |  " + Fmt.num(c.mae()),
                    "RMSE", Fmt.num(b.rmse()) + "  |  " + Fmt.num(c.rmse()));
        }
        return card("card-labels", "Labels · " + Fmt.count(l.labelledPairs()) + " pairs", "accuracy " + Fmt.pct(c.accuracy()),
                "baseline  |  candidate", "accuracy", Fmt.pct(b.accuracy()) + "  |  " + Fmt.pct(c.accuracy()),
                "precision", Fmt.pct(b.precision()) + "  |  " + Fmt.pct(c.precision()),
                "recall", Fmt.pct(b.recall()) + "  |  " + Fmt.pct(c.recall()),
                "log loss", Fmt.num(b.logLoss()) + "  |  " + Fmt.num(c.logLoss()));
    }

    static VBox tests(Summary s) {
        Summary.Tests t = s.tests();
        return card("card-tests", "Distribution tests", t.predictionPsi() == null ? "—" : "PSI " + Fmt.num(t.predictionPsi()),
                "PSI < 0.1 stable · 0.1–0.25 shifting · > 0.25 shifted",
                "KS D (predictions)", t.predictionKs() == null ? "—" : Fmt.num(t.predictionKs().statistic()),
                "KS p", t.predictionKs() == null ? "—" : Fmt.p(t.predictionKs().pValue()),
                "Mann–Whitney p (latency)", t.latencyMannWhitney() == null ? "not recorded" : Fmt.p(t.latencyMannWhitney().pValue()));
    }

    static VBox review(Map<Verdict, Long> v) {
        long total = v.values().stream().mapToLong(Long::longValue).sum();
        return card("card-review", "Sample review", Fmt.count(total) + " reviewed",
                total == 0 ? "mark pairs on the Sample screen" : "verdicts on sampled pairs",
                "ok", Fmt.count(v.get(Verdict.OK)), "suspicious", Fmt.count(v.get(Verdict.SUSPICIOUS)),
                "wrong", Fmt.count(v.get(Verdict.WRONG)));
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
