package dev.shadowbench.ui.dashboard;

import dev.shadowbench.core.decide.GateResult;
import dev.shadowbench.core.decide.GateStatus;
import dev.shadowbench.core.decide.Recommendation;
import dev.shadowbench.core.decide.Verdict;
import dev.shadowbench.core.format.FigureFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The answer first: the gates' recommendation, the failed and missing gates by name, and why, in one banner. */
final class VerdictBanner extends HBox {
    private final Label badge = new Label();
    private final Label gates = new Label();
    private final Label why = new Label();

    VerdictBanner() {
        super(14);
        setId("verdict-banner");
        getStyleClass().add("verdict-banner");
        badge.setId("verdict-recommendation");
        badge.getStyleClass().add("verdict-badge");
        badge.setMinWidth(Region.USE_PREF_SIZE); // ROLLBACK in full, however long the gates' line is
        badge.setPrefWidth(Region.USE_COMPUTED_SIZE);
        badge.setAlignment(Pos.CENTER);
        gates.setId("verdict-gates");
        gates.getStyleClass().add("verdict-gates");
        gates.setWrapText(true);
        why.setId("verdict-why");
        why.setWrapText(true);
        why.getStyleClass().add("text-muted");
        VBox text = new VBox(2, gates, why);
        getChildren().addAll(badge, text);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(10, 14, 10, 14));
    }

    /** Shows a verdict; null clears the banner (no figures yet). */
    void show(Verdict v) {
        getStyleClass().removeAll("verdict-promote", "verdict-hold", "verdict-rollback");
        if (v == null) {
            badge.setText("");
            gates.setText("");
            why.setText("");
            return;
        }
        getStyleClass().add("verdict-" + v.recommendation().id());
        badge.setText(v.recommendation().id().toUpperCase(Locale.ROOT));
        gates.setText(gatesLine(v));
        why.setText(whyLine(v));
    }

    /** "Failed: p95 latency (critical), … · No data: label error" or that every gate passed. */
    static String gatesLine(Verdict v) {
        String failed = names(v.gates(), GateStatus.FAIL), missing = names(v.gates(), GateStatus.NO_DATA);
        if (failed.isEmpty() && missing.isEmpty()) return "All " + v.gates().size() + " gates passed";
        StringBuilder sb = new StringBuilder();
        if (!failed.isEmpty()) sb.append("Failed: ").append(failed);
        if (!missing.isEmpty())
            sb.append(sb.isEmpty() ? "" : "  ·  ").append("No data: ").append(missing);
        return sb.toString();
    }

    /** Why the gates recommend it: the first failed critical gate's detail, else the score. */
    static String whyLine(Verdict v) {
        GateResult first = v.gates().stream()
                .filter(g -> g.status() == GateStatus.FAIL)
                .sorted((a, b) -> Boolean.compare(b.critical(), a.critical()))
                .findFirst()
                .orElse(null);
        String score =
                v.score() == null ? "no gate had data" : FigureFormat.pct(v.score()) + " of the gates with data passed";
        String rule = v.recommendation() == Recommendation.ROLLBACK
                ? "a critical gate failed"
                : v.recommendation() == Recommendation.HOLD
                        ? "too few gates passed to promote, or a critical gate has no data"
                        : "enough gates passed and no critical gate failed";
        return "Why: " + rule + " (" + score + ")"
                + (first == null ? "" : ". " + first.label() + ": " + first.detail());
    }

    private static String names(List<GateResult> gates, GateStatus s) {
        return gates.stream()
                .filter(g -> g.status() == s)
                .map(g -> g.label() + (s == GateStatus.FAIL && g.critical() ? " (critical)" : ""))
                .collect(Collectors.joining(", "));
    }
}
