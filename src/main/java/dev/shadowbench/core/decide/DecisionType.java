package dev.shadowbench.core.decide;

import dev.shadowbench.core.BadInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a reviewer decided about a model version. */
public enum DecisionType {
    PROMOTE,
    HOLD,
    ROLLBACK,
    ADVANCE,
    RETIRE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * True when this decision goes against the gates' {@code r}: moving the candidate forward (promote, advance) when
     * they do not recommend promote, or rolling back when they do. Holding and retiring never go against them.
     */
    public boolean against(Recommendation r) {
        return switch (this) {
            case PROMOTE, ADVANCE -> r != Recommendation.PROMOTE;
            case ROLLBACK -> r == Recommendation.PROMOTE;
            default -> false;
        };
    }

    public static DecisionType parse(String s) {
        for (DecisionType t : values()) if (t.id().equalsIgnoreCase(s == null ? "" : s.strip())) return t;
        throw new BadInputException("Unknown decision '" + s + "': use one of "
                + Arrays.stream(values()).map(DecisionType::id).collect(Collectors.joining(", ")));
    }
}
