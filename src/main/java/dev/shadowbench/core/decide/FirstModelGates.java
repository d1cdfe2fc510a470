package dev.shadowbench.core.decide;

import static dev.shadowbench.core.format.FigureFormat.count;
import static dev.shadowbench.core.format.FigureFormat.pct;

import dev.shadowbench.core.compare.BaselineRecipe;
import dev.shadowbench.core.compare.Summary;

/**
 * The gates of a first model, compared with a synthetic baseline: the labels gate reads "beats the baseline by at
 * least X" ({@link GateSettings#baselineMinImprovement()}), and the gates that measure how far the candidate moved
 * from the baseline's answers or latency (divergence, distribution tests, latency shift) do not apply: a constant
 * has no latency and no spread, so moving away from it is the point, not a risk.
 */
final class FirstModelGates {
    private FirstModelGates() {}

    static boolean isSynthetic(Summary s) {
        return recipe(s) != null;
    }

    private static BaselineRecipe recipe(Summary s) {
        return s.comparison() == null ? null : s.comparison().baselineRecipe();
    }

    /** {@code g} itself against a real baseline; against a synthetic one, no data with the reason why. */
    static GateResult notApplicable(Summary s, GateResult g) {
        BaselineRecipe r = recipe(s);
        if (r == null) return g;
        return new GateResult(
                g.name(),
                g.label(),
                GateStatus.NO_DATA,
                null,
                g.unit(),
                g.threshold(),
                g.critical(),
                "not applicable: the baseline is synthetic (" + r.description() + ")");
    }

    /** The candidate makes at least {@code baselineMinImprovement} less error than the synthetic baseline. */
    static GateResult beatsBaseline(Summary sum, GateSettings s) {
        String name = "beats_baseline",
                label = "Beats the baseline by at least " + pct(s.baselineMinImprovement()),
                threshold =
                        "≥ " + pct(s.baselineMinImprovement()) + " less error than "
                                + recipe(sum).description();
        Summary.Labels l = sum.labels();
        Summary.VersusBaseline v = l == null ? null : l.versusBaseline();
        if (v == null || v.errorReduction() == null || !Double.isFinite(v.errorReduction())) {
            return new GateResult(
                    name,
                    label,
                    GateStatus.NO_DATA,
                    null,
                    "%",
                    threshold,
                    true,
                    v == null ? "no labels yet" : "the baseline makes no error on the labelled requests");
        }
        double r = v.errorReduction();
        return new GateResult(
                name,
                label,
                r >= s.baselineMinImprovement() - 1e-12 ? GateStatus.PASS : GateStatus.FAIL,
                r,
                "%",
                threshold,
                true,
                v.detail() + " on " + count(l.labelledPairs()) + " labelled pairs",
                s.baselineMinImprovement());
    }
}
