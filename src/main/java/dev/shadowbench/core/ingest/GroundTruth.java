package dev.shadowbench.core.ingest;

/**
 * SageMaker Model Monitor ground truth: {@code {"groundTruthData": {"data", "encoding"}, "eventMetadata":
 * {"eventId"}}} per line, on its own (a labels file) or merged into a capture record. The data is read like a
 * response body (see {@link PayloadSql#predictions}), so a record labelling several instances gives one label each.
 */
final class GroundTruth {
    private GroundTruth() {}

    /** The labels of the record {@code doc} (VARCHAR[], one per instance), NULL when it has no groundTruthData. */
    static String labels(String doc) {
        String g = "json_extract_string(" + doc + ", ";
        return PayloadSql.predictions(
                PayloadSql.decode(g + "'$.groundTruthData.data')", g + "'$.groundTruthData.encoding')"));
    }
}
