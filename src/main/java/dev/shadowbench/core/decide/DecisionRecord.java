package dev.shadowbench.core.decide;

/** One recorded decision as stored: its place in the chain, the content, and the hashes linking it. */
public record DecisionRecord(
        long seq,
        String decidedAt,
        String decision,
        String reviewer,
        String comparisonKey,
        String model,
        String version,
        String stage,
        Double trafficShare,
        String evidenceJson,
        String note,
        String prevHash,
        String hash) {

    /** "model version", or null when the decision named no version. */
    public String versionKey() {
        return model == null && version == null ? null : ModelVersionKey.of(model, version);
    }
}
