package dev.shadowbench.core.baseline;

import dev.shadowbench.core.BadInputException;
import dev.shadowbench.core.compare.Side;
import java.time.LocalDate;

/**
 * What to build: a baseline named {@code name} (the variant its rows carry) answering every request {@code candidate}
 * answered, of {@code kind}; {@code value} for a constant (a number, a class, or items separated by commas),
 * {@code n} for top-n, and the days whose labels it is fitted on ({@code from}..{@code to}, both null = every label).
 */
public record BaselineRequest(
        String name, Side candidate, BaselineKind kind, String value, Integer n, LocalDate from, LocalDate to) {

    /** The name a baseline gets when none is given: a word that marks the baseline side of a comparison. */
    public static final String DEFAULT_NAME = "baseline";

    public static final int DEFAULT_N = 10;

    public BaselineRequest {
        if (name == null || name.isBlank()) name = DEFAULT_NAME;
        name = name.strip();
        if (candidate == null) throw new BadInputException("Name the candidate whose requests the baseline answers");
        if (kind == null)
            throw new BadInputException("Name the kind of baseline (constant, mean, median, majority, top-n)");
        if (kind == BaselineKind.CONSTANT && (value == null || value.isBlank())) {
            throw new BadInputException("A constant baseline needs its value (--value)");
        }
        if (kind != BaselineKind.CONSTANT && value != null) {
            throw new BadInputException(
                    "--value goes with --kind constant; a " + kind + " baseline is fitted on labels");
        }
        if (n != null && kind != BaselineKind.TOP_N) throw new BadInputException("--n goes with --kind top-n");
        if (n != null && n < 1) throw new BadInputException("--n must be at least 1, not " + n);
        if ((from == null) != (to == null)) throw new BadInputException("Give both days of the fitting period");
        if (from != null && to.isBefore(from)) {
            throw new BadInputException("The fitting period ends (" + to + ") before it starts (" + from + ")");
        }
        if (from != null && kind == BaselineKind.CONSTANT) {
            throw new BadInputException("A constant baseline is not fitted: --from-days goes with the other kinds");
        }
        if (name.equals(candidate.variant())) {
            throw new BadInputException("The baseline cannot take the candidate's variant name '" + name + "'");
        }
    }

    /** The N of a top-n baseline (default {@value #DEFAULT_N}). */
    public int topN() {
        return n == null ? DEFAULT_N : n;
    }

    /** Parses a fitting period {@code DAY..DAY} (or one day); null for null. */
    public static LocalDate[] days(String text) {
        if (text == null) return null;
        String[] p = text.strip().split("\\.\\.", -1);
        try {
            if (p.length == 1) return new LocalDate[] {LocalDate.parse(p[0]), LocalDate.parse(p[0])};
            if (p.length == 2) return new LocalDate[] {LocalDate.parse(p[0].strip()), LocalDate.parse(p[1].strip())};
        } catch (java.time.format.DateTimeParseException e) {
            throw new BadInputException("--from-days: '" + text + "' is not DAY..DAY (YYYY-MM-DD..YYYY-MM-DD)", e);
        }
        throw new BadInputException("--from-days: '" + text + "' is not DAY..DAY (YYYY-MM-DD..YYYY-MM-DD)");
    }
}
