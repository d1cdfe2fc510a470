package dev.shadowbench.core.compare;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a variant's name says it is: the model serving traffic (live, production, default, AllTraffic, primary ...),
 * a model under test (shadow, canary, Shadow-01, ShadowTraffic, challenger, candidate), or neither (variant-1).
 * Read from the words of the name, so {@code ShadowTraffic}, {@code shadow_prod} and {@code Shadow-01} are candidates.
 */
enum VariantRole {
    BASELINE,
    CANDIDATE,
    NEUTRAL;

    /** Words that mark a model under test; they win over a baseline word in the same name ("shadow-prod"). */
    private static final Set<String> CANDIDATE_WORDS =
            Set.of("shadow", "canary", "challenger", "candidate", "experiment");

    private static final Set<String> BASELINE_WORDS = Set.of(
            "live",
            "production",
            "prod",
            "default",
            "alltraffic",
            "primary",
            "champion",
            "stable",
            "control",
            "baseline");

    static VariantRole of(String variant) {
        List<String> words = words(variant);
        if (words.stream().anyMatch(CANDIDATE_WORDS::contains)) return CANDIDATE;
        // "AllTraffic" is one word to SageMaker: both its spelling as one and as two words count
        String joined = String.join("", words);
        if (words.stream().anyMatch(BASELINE_WORDS::contains) || BASELINE_WORDS.contains(joined)) return BASELINE;
        return NEUTRAL;
    }

    /** The lower-case words of a name: split at anything not a letter or digit, at lower-to-upper case and letter-digit changes. */
    static List<String> words(String name) {
        if (name == null) return List.of();
        String spaced = name.replaceAll("([a-z])([A-Z])", "$1 $2")
                .replaceAll("([A-Za-z])([0-9])", "$1 $2")
                .replaceAll("([0-9])([A-Za-z])", "$1 $2");
        return List.of(spaced.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")).stream()
                .filter(w -> !w.isEmpty())
                .toList();
    }
}
