package dev.shadowbench.spark;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Whether a record's feedback is a complaint: the desk's rule (core/canary/ComplaintSql) in Spark SQL. No feedback is
 * none; a number in a rating column (its name says rating, stars, score, satisfaction or csat) is a complaint at or
 * below 40% of the scale's top (the side's highest rating, at least 5); a word of {@link #NOT_A_COMPLAINT} is none; any
 * other number is one above 0; any other text is one.
 */
final class Complaints {
    private Complaints() {}

    static final List<String> RATING_NAMES = List.of("rating", "stars", "score", "satisfaction", "csat");
    static final List<String> NOT_A_COMPLAINT = List.of(
            "false",
            "f",
            "no",
            "n",
            "0",
            "0.0",
            "none",
            "null",
            "n/a",
            "na",
            "thumbs_up",
            "thumbsup",
            "up",
            "positive",
            "good",
            "ok",
            "like",
            "no_complaint");
    static final double RATING_COMPLAINT_SHARE = 0.4;
    static final double MIN_RATING_TOP = 5;

    /** Whether the mapped feedback column holds ratings (high = good). */
    static boolean isRating(String column) {
        String c = column == null ? "" : column.toLowerCase(Locale.ROOT);
        return RATING_NAMES.stream().anyMatch(c::contains);
    }

    /** SQL for the scale's top of a rating column: the greatest of 5 and the highest number seen. */
    static String ratingTop(String feedback) {
        return "greatest(" + MIN_RATING_TOP + ", max(try_cast(trim(" + feedback + ") AS DOUBLE)))";
    }

    /** SQL boolean (never null) for {@code feedback}; {@code ratingTop} is a number, or null when no rating column. */
    static String complained(String feedback, Double ratingTop) {
        String v = "lower(trim(" + feedback + "))";
        String num = "try_cast(trim(" + feedback + ") AS DOUBLE)";
        String no = NOT_A_COMPLAINT.stream().map(w -> "'" + w + "'").collect(Collectors.joining(", "));
        return "(CASE WHEN " + feedback + " IS NULL OR trim(" + feedback + ") = '' THEN false "
                + (ratingTop == null
                        ? ""
                        : "WHEN " + num + " IS NOT NULL THEN " + num + " <= " + RATING_COMPLAINT_SHARE + " * "
                                + ratingTop + " ")
                + "WHEN " + v + " IN (" + no + ") THEN false "
                + "WHEN " + num + " IS NOT NULL THEN " + num + " > 0 "
                + "ELSE true END)";
    }
}
