package dev.shadowbench.core.decide;

import static dev.shadowbench.core.format.FigureFormat.share;

import dev.shadowbench.core.canary.RampPlan;
import dev.shadowbench.core.compare.Summary;
import java.time.LocalDate;
import java.util.List;

/**
 * What to do with a canary's share: advance to {@code nextShare}, hold at {@code currentShare}, roll back, or (at
 * full traffic, every gate passed) promote. {@code currentShare} is the share of the window's last day: the ramp
 * plan's for that day, else the observed one; {@code text} says it in a sentence ("advance to 50%").
 */
public record CanaryAdvice(LocalDate day, Double currentShare, Double nextShare, String text) {

    /** The advice for a canary whose gates gave {@code gatesSay} (promote = every gate that matters passed). */
    static Advised of(Summary s, Recommendation gatesSay) {
        Summary.TrafficDay last = lastDay(s);
        LocalDate day = last == null ? null : last.day();
        Double current =
                last == null ? null : last.configuredShare() != null ? last.configuredShare() : last.candidateShare();
        List<RampPlan.Step> plan = s.traffic() == null ? List.of() : s.traffic().plan();
        Double next = current == null ? null : RampPlan.nextShare(plan, day, current);
        String at = current == null ? "" : " at " + share(current);
        return switch (gatesSay) {
            case ROLLBACK ->
                new Advised(
                        Recommendation.ROLLBACK,
                        new CanaryAdvice(day, current, null, "roll back: route all traffic to the baseline"));
            case HOLD ->
                new Advised(
                        Recommendation.HOLD,
                        new CanaryAdvice(day, current, null, "hold" + at + " until the gates pass"));
            default ->
                next == null
                        ? new Advised(
                                Recommendation.PROMOTE,
                                new CanaryAdvice(
                                        day,
                                        current,
                                        null,
                                        current == null
                                                ? "promote"
                                                : "promote: the candidate serves all traffic, retire the old version"))
                        : new Advised(
                                Recommendation.ADVANCE,
                                new CanaryAdvice(
                                        day,
                                        current,
                                        next,
                                        "advance to " + share(next)
                                                + (current == null ? "" : " (from " + share(current) + ")")));
        };
    }

    /** The window's last day the candidate served (else the last day). */
    private static Summary.TrafficDay lastDay(Summary s) {
        if (s.traffic() == null || s.traffic().byDay().isEmpty()) return null;
        Summary.TrafficDay last = null;
        for (Summary.TrafficDay d : s.traffic().byDay())
            if (d.day() != null && (d.candidateRows() > 0 || d.configuredShare() != null)) last = d;
        return last;
    }

    /** A recommendation with its advice. */
    record Advised(Recommendation recommendation, CanaryAdvice advice) {}
}
