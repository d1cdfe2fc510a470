package dev.shadowbench.core.canary;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Complaint rates per arm and day, each with its interval, and the arms compared per day and over the window. */
public final class CanaryFeedback {
    private CanaryFeedback() {}

    /** One arm on one day: requests, feedback, complaints, the rate and its 95% Wilson interval (null without requests). */
    public record ArmDay(
            long requests, long withFeedback, long complaints, Double complaintRate, Double ciLow, Double ciHigh) {
        static ArmDay of(ComplaintCounts.Day d) {
            if (d == null || d.requests() == 0) return new ArmDay(0, 0, 0, null, null, null);
            double[] w = d.arm().wilson();
            return new ArmDay(
                    d.requests(), d.withFeedback(), d.complaints(), d.arm().rate(), w[0], w[1]);
        }
    }

    /** Both arms on one day and their comparison (null when an arm served nothing that day). */
    public record Day(LocalDate day, ArmDay baseline, ArmDay candidate, ComplaintStats.Comparison comparison) {}

    /** The days either arm served, oldest first (records without a day last). */
    public static List<Day> byDay(List<ComplaintCounts.Day> baseline, List<ComplaintCounts.Day> candidate) {
        Map<LocalDate, ComplaintCounts.Day[]> days =
                new TreeMap<>(java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()));
        for (ComplaintCounts.Day d : baseline) days.computeIfAbsent(d.day(), k -> new ComplaintCounts.Day[2])[0] = d;
        for (ComplaintCounts.Day d : candidate) days.computeIfAbsent(d.day(), k -> new ComplaintCounts.Day[2])[1] = d;
        List<Day> out = new ArrayList<>();
        days.forEach((day, arms) ->
                out.add(new Day(day, ArmDay.of(arms[0]), ArmDay.of(arms[1]), compare(arms[0], arms[1]))));
        return out;
    }

    /** The arms over the whole window; null when an arm served nothing. */
    public static ComplaintStats.Comparison overall(
            List<ComplaintCounts.Day> baseline, List<ComplaintCounts.Day> candidate) {
        return compare(ComplaintCounts.total(baseline), ComplaintCounts.total(candidate));
    }

    private static ComplaintStats.Comparison compare(ComplaintCounts.Day b, ComplaintCounts.Day c) {
        if (b == null || c == null) return null;
        return ComplaintStats.compare(b.arm(), c.arm());
    }
}
