package dev.shadowbench.core.decide;

/** How a model version is named on the lifecycle board and in decisions. */
public final class ModelVersionKey {
    private ModelVersionKey() {}

    public static String of(String model, String version) {
        return (model == null ? "(no model)" : model) + " " + (version == null ? "(no version)" : version);
    }
}
