package dev.shadowbench.core.canary;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads the stored feedback text as "complained: yes/no" at query time, so a rule change needs no re-import.
 * The import keeps the column's value as text (a JSON boolean becomes {@code true}/{@code false}, a CSV number
 * {@code 0}/{@code 1}/{@code 4.0}); the rule, in order:
 * <ol>
 *   <li>no feedback (null or blank) is not a complaint;</li>
 *   <li>in an import whose mapping took the feedback from a rating column (its name contains one of
 *       {@link #RATING_NAMES}), a number is a rating: a complaint when it is at most 40% of the scale's top, the
 *       top being the import's highest rating or 5 if none is higher (1-2 of 5 stars, 1-4 of 10);</li>
 *   <li>one of {@link #NOT_A_COMPLAINT} (false, no, 0, thumbs_up, ...) is not a complaint;</li>
 *   <li>any other number is a complaint when above 0 (a 0/1 flag, a count of complaints);</li>
 *   <li>any other text (true, yes, thumbs_down, or a written comment) is a complaint: a feedback channel's text is
 *       what a user sends when something is wrong.</li>
 * </ol>
 */
public final class ComplaintSql {
    private ComplaintSql() {}

    /** Substrings of a mapped column name that make its numbers a rating (high = good). */
    public static final List<String> RATING_NAMES = List.of("rating", "stars", "score", "satisfaction", "csat");
    /** Feedback values (lower-cased, trimmed) that say "no complaint". */
    public static final List<String> NOT_A_COMPLAINT = List.of(
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
    /** A rating at or below this share of the scale's top is a complaint. */
    public static final double RATING_COMPLAINT_SHARE = 0.4;
    /** The scale's top assumed when no rating above it was seen (5 stars). */
    public static final double MIN_RATING_TOP = 5;

    /**
     * A query (no parameters) giving, for every import whose feedback is a rating, {@code import_id} and {@code top}
     * (the scale's top). Joined on import_id; other imports get no row.
     */
    public static String ratingScales() {
        // the names are plain words: joined with | they are a regular expression matching any of them
        return "SELECT p.import_id, greatest(" + MIN_RATING_TOP + ", max(TRY_CAST(p.feedback AS DOUBLE))) AS top "
                + "FROM predictions p SEMI JOIN (SELECT import_id FROM import_files WHERE regexp_matches(lower(coalesce("
                + "json_extract_string(mapping_json, '$.feedback'), '')), '" + String.join("|", RATING_NAMES) + "')) r "
                + "ON r.import_id = p.import_id WHERE p.feedback IS NOT NULL GROUP BY p.import_id";
    }

    /**
     * SQL boolean (never null): whether the feedback text {@code feedback} is a complaint, given {@code ratingTop}
     * (the import's rating scale top from {@link #ratingScales()}, null when the feedback is not a rating).
     */
    public static String complained(String feedback, String ratingTop) {
        String v = "lower(trim(" + feedback + "))";
        String num = "TRY_CAST(trim(" + feedback + ") AS DOUBLE)";
        String no = NOT_A_COMPLAINT.stream()
                .map(w -> "'" + w.toLowerCase(Locale.ROOT) + "'")
                .collect(Collectors.joining(", "));
        return "(CASE WHEN " + feedback + " IS NULL OR trim(" + feedback + ") = '' THEN false "
                + "WHEN " + ratingTop + " IS NOT NULL AND " + num + " IS NOT NULL THEN " + num + " <= "
                + RATING_COMPLAINT_SHARE
                + " * " + ratingTop + " "
                + "WHEN " + v + " IN (" + no + ") THEN false "
                + "WHEN " + num + " IS NOT NULL THEN " + num + " > 0 "
                + "ELSE true END)";
    }
}
