package dev.shadowbench.core.baseline;

import dev.shadowbench.core.BadInputException;
import java.util.Arrays;
import java.util.Locale;

/** What a synthetic baseline answers, and for which task it is meant. */
public enum BaselineKind {
    /** The user's value: a number, a class, or a list of items for a ranking. */
    CONSTANT("constant"),
    /** The mean of the numeric labels (regression). */
    MEAN("mean"),
    /** The median of the numeric labels (regression). */
    MEDIAN("median"),
    /** The most frequent label class (classification). */
    MAJORITY("majority"),
    /** The N most clicked items (ranking). */
    TOP_N("top-n");

    private final String id;

    BaselineKind(String id) {
        this.id = id;
    }

    /** The name on the command line and in the recipe. */
    public String id() {
        return id;
    }

    /** Whether this kind can answer for a candidate doing {@code task}. */
    public boolean fits(Task task) {
        return switch (this) {
            case CONSTANT -> true;
            case MEAN, MEDIAN -> task == Task.REGRESSION;
            case MAJORITY -> task == Task.CLASSIFICATION;
            case TOP_N -> task == Task.RANKING;
        };
    }

    public static BaselineKind parse(String s) {
        for (BaselineKind k : values()) {
            if (k.id.equalsIgnoreCase(s.strip()) || k.name().equalsIgnoreCase(s.strip())) return k;
        }
        throw new BadInputException("Unknown baseline kind '" + s + "': use one of "
                + Arrays.stream(values()).map(BaselineKind::id).toList());
    }

    @Override
    public String toString() {
        return id;
    }

    /** What the candidate answers, read from its records: a ranking, a class, or a number. */
    public enum Task {
        REGRESSION,
        CLASSIFICATION,
        RANKING;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
