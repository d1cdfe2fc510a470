package dev.shadowbench.spark;

import dev.shadowbench.core.canary.ComplaintSql;
import java.util.Locale;

/**
 * Whether a record's feedback is a complaint: the desk's rule (core/canary/ComplaintSql) in Spark SQL. No feedback is
 * none; a number in a rating column (its name says rating, stars, score, satisfaction or csat) is a complaint at or
 * below 40% of the scale's top (the side's highest rating, at least 5); a word of {@link ComplaintSql#NOT_A_COMPLAINT} is none; any
 * other number is one above 0; any other text is one. The words and thresholds are ComplaintSql's.
 */
final class Complaints {
    private Complaints() {}

    /** Whether the mapped feedback column holds ratings (high = good). */
    static boolean isRating(String column) {
        String c = column == null ? "" : column.toLowerCase(Locale.ROOT);
        return ComplaintSql.RATING_NAMES.stream().anyMatch(c::contains);
    }

    /** SQL for the scale's top of a rating column: the greatest of 5 and the highest number seen. */
    static String ratingTop(String feedback) {
        return "greatest(" + ComplaintSql.MIN_RATING_TOP + ", max(try_cast(trim(" + feedback + ") AS DOUBLE)))";
    }

    /** SQL boolean (never null) for {@code feedback}; {@code ratingTop} is a number, or null when no rating column. */
    static String complained(String feedback, Double ratingTop) {
        // the desk's own expression: plain SQL that Spark reads as DuckDB does
        return ComplaintSql.complained(
                feedback, ratingTop == null ? "CAST(NULL AS DOUBLE)" : Double.toString(ratingTop));
    }
}
