package dev.shadowbench.core.decide;

/** Where a model version stands in the shadow -> canary -> production -> retirement path. */
public enum Stage {
    SHADOW("shadow", 0.0),
    CANARY_1("canary 1%", 0.01),
    CANARY_20("canary 20%", 0.20),
    CANARY_50("canary 50%", 0.50),
    CANARY_100("canary 100%", 1.0),
    PRODUCTION("production", 1.0),
    INACTIVE("inactive (kept for rollback)", 0.0),
    RETIRED("retired", 0.0),
    /** A first model rolled back with no earlier version to restore: the feature it serves is switched off. */
    SWITCHED_OFF("switched off (feature off)", 0.0);

    private final String label;
    private final double share;

    Stage(String label, double share) {
        this.label = label;
        this.share = share;
    }

    public String label() {
        return label;
    }

    /** The share of real traffic the version serves at this stage. */
    public double trafficShare() {
        return share;
    }

    /** The next canary step (shadow -> 1% -> 20% -> 50% -> 100%), or null when there is none. */
    public Stage nextStep() {
        return switch (this) {
            case SHADOW -> CANARY_1;
            case CANARY_1 -> CANARY_20;
            case CANARY_20 -> CANARY_50;
            case CANARY_50 -> CANARY_100;
            default -> null;
        };
    }

    /** The canary step serving {@code share}: the largest of 1%, 20%, 50%, 100% not above it (at least 1%). */
    public static Stage canaryAt(double share) {
        if (share >= 0.995) return CANARY_100;
        if (share >= 0.5) return CANARY_50;
        if (share >= 0.2) return CANARY_20;
        return CANARY_1;
    }

    /** Whether this is a canary step. */
    public boolean isCanary() {
        return this == CANARY_1 || this == CANARY_20 || this == CANARY_50 || this == CANARY_100;
    }

    public static Stage fromLabel(String s) {
        for (Stage st : values()) if (st.label.equalsIgnoreCase(s) || st.name().equalsIgnoreCase(s)) return st;
        return null;
    }
}
