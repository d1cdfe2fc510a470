package dev.shadowbench.core.decide;

import java.time.LocalDateTime;
import java.util.List;

/** A distinct model/version seen in the predictions, with the variants it was logged under and when. */
public record ModelVersion(
        String model,
        String version,
        List<String> variants,
        long rows,
        LocalDateTime firstSeen,
        LocalDateTime lastSeen) {
    public String key() {
        return ModelVersionKey.of(model, version);
    }
}
