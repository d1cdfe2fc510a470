package dev.shadowbench.spark;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/** Writes JSON Lines logs as a data lake would hold them: Parquet, partitioned by day= and variant=. */
final class Lakes {
    private Lakes() {}

    /** The logs under {@code jsonl} (a glob) as Parquet under {@code lake}, timestamps as Parquet timestamps. */
    static void partitioned(SparkSession spark, String jsonl, Path lake) {
        spark.read()
                .json(jsonl)
                .selectExpr("*", "substr(timestamp, 1, 10) AS day")
                .withColumn("timestamp", org.apache.spark.sql.functions.expr("CAST(timestamp AS TIMESTAMP)"))
                .repartition(2)
                .write()
                .partitionBy("day", "variant")
                .parquet(lake.toString());
    }
}
