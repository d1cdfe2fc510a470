package dev.shadowbench.spark;

import dev.shadowbench.core.canary.ComplaintSql;
import dev.shadowbench.core.ingest.ColumnMapping;
import dev.shadowbench.core.ingest.Field;
import dev.shadowbench.core.ingest.ImportRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;

/**
 * The Spark job: reads prediction logs where they lie, pairs them by request id as the desk does, and writes the
 * extract the desk imports with {@code import --extract DIR} (EXTRACT.md; src/site/markdown/spark.md). Exit codes as
 * the desk's: 0 done, 2 bad usage or input, 1 anything else.
 */
public final class ExtractJob {
    /** What a run wrote: the extract's folder, its tables' row counts and the input rows read. */
    public record Result(String out, Map<String, Long> tables, long rowsRead, long rowsUnreadable) {}

    /** The desk's sample size and extremes per day kept in the extract, and the ranking depth. */
    static final int SAMPLE_SIZE = 1000, EXTREMES = 10, TOP_K = 10;

    private ExtractJob() {}

    public static void main(String[] args) {
        JobOptions o;
        try {
            o = JobOptions.parse(args);
        } catch (JobOptions.BadOptionException e) {
            System.err.println(e.getMessage());
            System.err.println(JobOptions.USAGE);
            System.exit(2);
            return;
        }
        SparkSession.Builder b = SparkSession.builder().appName("shadowbench-extract");
        if (o.master() != null) b = b.master(o.master());
        SparkSession spark = b.getOrCreate();
        int code = 0;
        try {
            Result r = run(spark, o);
            System.out.println("extract written to " + r.out() + ": " + r.tables());
        } catch (dev.shadowbench.core.BadInputException e) {
            // an option, a mapping file or the logs' columns the user can fix
            System.err.println(e.getMessage());
            code = 2;
        } finally {
            spark.stop();
        }
        System.exit(code);
    }

    /** Runs the job on {@code spark} (the caller owns the session). */
    public static Result run(SparkSession spark, JobOptions o) {
        // the desk reads timestamps without an offset as UTC and takes a record's day in UTC
        spark.conf().set("spark.sql.session.timeZone", "UTC");
        // Sort-based aggregation for the grouping by request id: the object-hash aggregation (collect_set makes the
        // planner pick it) falls back to sorting after 128 keys and then builds a new buffer per group, which on Spark
        // 4.2 copies the system properties each time (SQLConf.get in SpecificInternalRow): on 10M requests it had not
        // finished its first stage after 9 CPU minutes.
        spark.conf().set("spark.sql.execution.useObjectHashAggregateExec", "false");
        if (o.partitions() > 0) spark.conf().set("spark.sql.shuffle.partitions", String.valueOf(o.partitions()));
        refuseExisting(spark, o.out());

        LogSource logs = LogSource.read(spark, o.logs(), o.format());
        ColumnMapping m = o.mapping() != null
                ? ColumnMapping.read(java.nio.file.Path.of(o.mapping()))
                : ColumnMapping.detect(SparkTypes.columns(logs.declared()), ImportRequest.Kind.PREDICTIONS);
        if (!m.has(Field.VARIANT)) Variants.requireFromPaths(spark, logs.rows().inputFiles());
        Observation input = new Observation("input");
        Dataset<Row> typed = Typed.predictions(logs, m)
                .observe(
                        input,
                        functions.count(functions.lit(1)).as("rows"),
                        functions.count_if(functions.col("bad")).as("bad"));
        Dataset<Row> records = typed.where("NOT bad");
        records.createOrReplaceTempView("records");

        Observation labelInput = new Observation("labels");
        Dataset<Row> labels = labelRows(spark, o, labelInput);
        labels.createOrReplaceTempView("label_rows");

        String feedbackColumn = m.column(Field.FEEDBACK);
        Map<String, Double> tops = new LinkedHashMap<>();
        if (feedbackColumn != null && Complaints.isRating(feedbackColumn)) {
            for (String s : List.of("b", "c"))
                tops.put(s, ratingTop(spark, s.equals("b") ? o.baseline() : o.candidate()));
        }
        Dataset<Row> requests = Pairing.requests(
                        spark,
                        o.baseline(),
                        o.candidate(),
                        o.from(),
                        o.to(),
                        m.has(Field.LABEL),
                        s -> Complaints.complained("feedback", tops.get(s)))
                .persist(StorageLevel.MEMORY_AND_DISK());
        requests.createOrReplaceTempView("requests");

        Map<String, Long> counts = new LinkedHashMap<>();
        for (var t : Tables.all(spark, o.precision(), TOP_K).entrySet())
            counts.put(t.getKey(), write(spark, t.getValue(), o.out(), t.getKey()));
        long rowsRead = metric(input, "rows");
        long bad = metric(input, "bad") + (o.labels().isEmpty() ? 0 : metric(labelInput, "bad"));

        Sample.Chosen chosen = Sample.choose(spark, o.seed(), SAMPLE_SIZE, EXTREMES);
        counts.put("pairs", write(spark, PairRows.of(spark, chosen), o.out(), "pairs"));
        List<String> days = new ArrayList<>();
        for (Row r : spark.read()
                .parquet(o.out() + "/side_days")
                .selectExpr("CAST(day AS STRING)")
                .distinct()
                .orderBy("day")
                .collectAsList()) days.add(r.isNullAt(0) ? null : r.getString(0));
        Manifest.write(spark, o, days, o.precision(), SAMPLE_SIZE, EXTREMES, TOP_K, rowsRead, bad, counts);
        requests.unpersist();
        return new Result(o.out(), counts, rowsRead, bad);
    }

    /** The good rows of the {@code --labels} files (none: an empty table). */
    private static Dataset<Row> labelRows(SparkSession spark, JobOptions o, Observation obs) {
        if (o.labels().isEmpty()) {
            return spark.sql("SELECT CAST(NULL AS STRING) AS request_id, CAST(NULL AS DOUBLE) AS label, "
                    + "CAST(NULL AS STRING) AS label_class WHERE false");
        }
        LogSource src = LogSource.read(spark, o.labels(), null);
        ColumnMapping lm = ColumnMapping.detect(SparkTypes.columns(src.declared()), ImportRequest.Kind.LABELS);
        return Typed.labels(src, lm)
                .observe(
                        obs,
                        functions.count(functions.lit(1)).as("rows"),
                        functions.count_if(functions.col("bad")).as("bad"))
                .where("NOT bad")
                .selectExpr("request_id", "label", "label_class");
    }

    private static Double ratingTop(SparkSession spark, JobOptions.Side side) {
        List<String> where = new ArrayList<>();
        Map<String, Object> args = new LinkedHashMap<>();
        if (side.variant() != null) {
            where.add("variant = :v");
            args.put("v", side.variant());
        }
        if (side.model() != null) {
            where.add("model = :m");
            args.put("m", side.model());
        }
        if (side.version() != null) {
            where.add("version = :ver");
            args.put("ver", side.version());
        }
        Row r = spark.sql(
                        "SELECT " + Complaints.ratingTop("feedback") + " FROM records WHERE "
                                + (where.isEmpty() ? "TRUE" : String.join(" AND ", where)),
                        args)
                .first();
        return r.isNullAt(0) ? ComplaintSql.MIN_RATING_TOP : r.getDouble(0);
    }

    private static long write(SparkSession spark, Dataset<Row> table, String out, String name) {
        String dir = out + "/" + name;
        table.write().parquet(dir);
        return spark.read().parquet(dir).count();
    }

    private static long metric(Observation o, String name) {
        try {
            return ((Number) o.getAsJava().get(name)).longValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the input counts", e);
        }
    }

    /** The desk never writes over a folder: neither does the job. */
    private static void refuseExisting(SparkSession spark, String out) {
        try {
            Path p = new Path(out);
            FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (fs.exists(p) && (!fs.getFileStatus(p).isDirectory() || fs.listStatus(p).length > 0))
                throw new JobOptions.BadOptionException(out + " exists and is not empty: give a new folder to --out");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
