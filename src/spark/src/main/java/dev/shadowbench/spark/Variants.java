package dev.shadowbench.spark;

/**
 * The variant of a log without a variant column, from its path as the desk reads it (core/ingest/TabularSource
 * variantFor): a variant word in the file's name, else in its folder's; shadow, canary or live, and production or
 * baseline for live.
 */
final class Variants {
    private Variants() {}

    /** SQL giving the variant for the path {@code pathExpr}, or null when neither name says one. */
    static String fromPath(String pathExpr) {
        String parts = "split(" + pathExpr + ", '/')";
        return "coalesce(" + word("lower(try_element_at(" + parts + ", -1))") + ", "
                + word("lower(try_element_at(" + parts + ", -2))") + ")";
    }

    private static String word(String name) {
        return "CASE WHEN contains(" + name + ", 'shadow') THEN 'shadow' WHEN contains(" + name
                + ", 'canary') THEN 'canary' WHEN contains(" + name + ", 'live') THEN 'live' WHEN contains(" + name
                + ", 'production') OR contains(" + name + ", 'baseline') THEN 'live' END";
    }

    /**
     * Fails, as the desk does, when a log has no variant column and neither its name nor its folder's says the variant.
     */
    static void requireFromPaths(org.apache.spark.sql.SparkSession spark, String[] files) {
        var df = spark.createDataset(java.util.List.of(files), org.apache.spark.sql.Encoders.STRING())
                .toDF("path");
        var unknown = df.where("(" + fromPath("path") + ") IS NULL").limit(3).collectAsList();
        if (!unknown.isEmpty()) {
            throw new JobOptions.BadOptionException(unknown.get(0).getString(0)
                    + ": cannot tell which variant these predictions are from: there is no variant column and the name "
                    + "says neither live, shadow nor canary. Give --mapping with a variant column.");
        }
    }
}
