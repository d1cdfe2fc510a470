package dev.shadowbench.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** The extract's {@code pairs} table: every value of the sampled, extreme and flagged pairs (EXTRACT.md). */
final class PairRows {
    private PairRows() {}

    static Dataset<Row> of(SparkSession spark, Sample.Chosen chosen) {
        List<String> ids = new ArrayList<>(chosen.sampled());
        for (String id : chosen.extremes()) if (!chosen.sampled().contains(id)) ids.add(id);
        spark.createDataset(ids, Encoders.STRING()).toDF("request_id").createOrReplaceTempView("chosen_ids");
        spark.createDataset(new ArrayList<>(chosen.sampled()), Encoders.STRING())
                .toDF("request_id")
                .createOrReplaceTempView("sampled_ids");
        return spark.sql("SELECT /*+ BROADCAST(k) */ p.request_id, coalesce(p.b_ts, p.c_ts) AS ts, p.day, p.segment, "
                + "p.b_prediction, p.c_prediction, p.b_class, p.c_class, p.b_ranking, p.c_ranking, "
                + "p.b_latency, p.c_latency, p.b_feedback, p.c_feedback, p.label, p.label_class, "
                + "p.request_id IN (SELECT request_id FROM sampled_ids) AS sampled, "
                + "NOT (p.request_id IN (SELECT request_id FROM sampled_ids)) AS extreme, false AS flagged "
                + "FROM " + Tables.pairs() + " p LEFT SEMI JOIN chosen_ids k ON p.request_id = k.request_id");
    }
}
