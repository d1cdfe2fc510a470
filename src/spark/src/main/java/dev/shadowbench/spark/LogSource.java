package dev.shadowbench.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The files of a lake as Spark reads them in place: Parquet (partitioned by {@code day=}/{@code variant=} or not),
 * JSON Lines or CSV, gzip by name. The format comes from {@code --format}, else the paths' names, else the first data
 * file under a folder. {@code columns()} are the types the desk's rules look at; {@code rows()} the values.
 */
record LogSource(String format, Dataset<Row> rows, StructType declared) {

    /** Reads {@code paths} (files, folders or globs) in {@code format} (null: guess). */
    static LogSource read(SparkSession spark, List<String> paths, String format) {
        String f = format != null ? format : guess(spark, paths.get(0));
        String[] p = paths.toArray(new String[0]);
        DataFrameReader r = spark.read();
        String base = basePath(paths);
        if (base != null) r = r.option("basePath", base);
        return switch (f) {
            case "parquet" -> {
                Dataset<Row> d = r.parquet(p);
                yield new LogSource(f, d, d.schema());
            }
            case "jsonl" -> {
                // Timestamps stay text (inferTimestamp is off), converted as the desk converts them; malformed lines
                // come back as rows without an id, so they are counted as quarantined, as on the desk.
                Dataset<Row> d = r.option("mode", "PERMISSIVE").json(p);
                yield new LogSource(f, d, d.schema());
            }
            case "csv" -> {
                // As the desk: the types are sniffed (they decide what a prediction column holds), the values read as
                // text and converted one by one, so a bad value quarantines its row, never fails the file.
                StructType sniffed = spark.read()
                        .options(base == null ? java.util.Map.of() : java.util.Map.of("basePath", base))
                        .option("header", "true")
                        .option("inferSchema", "true")
                        .option("samplingRatio", "0.1")
                        .csv(p)
                        .schema();
                Dataset<Row> d =
                        r.option("header", "true").schema(allText(sniffed)).csv(p);
                yield new LogSource(f, d, sniffed);
            }
            default -> throw new JobOptions.BadOptionException("unknown format " + f);
        };
    }

    private static StructType allText(StructType sniffed) {
        List<StructField> fs = new ArrayList<>();
        for (StructField s : sniffed.fields())
            fs.add(DataTypes.createStructField(s.name(), DataTypes.StringType, true));
        return DataTypes.createStructType(fs);
    }

    /** parquet, jsonl or csv from a name ({@code .gz} ignored), else null. */
    static String formatOfName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".gz")) n = n.substring(0, n.length() - 3);
        if (n.endsWith(".parquet") || n.endsWith(".pq")) return "parquet";
        if (n.endsWith(".jsonl") || n.endsWith(".json") || n.endsWith(".ndjson")) return "jsonl";
        if (n.endsWith(".csv") || n.endsWith(".tsv") || n.endsWith(".txt")) return "csv";
        return null;
    }

    private static String guess(SparkSession spark, String path) {
        String byName = formatOfName(path);
        if (byName != null) return byName;
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        try {
            Path p = new Path(path);
            FileSystem fs = p.getFileSystem(conf);
            FileStatus[] matched = fs.globStatus(p);
            if (matched != null) {
                for (FileStatus m : matched) {
                    RemoteIterator<LocatedFileStatus> it = fs.listFiles(m.getPath(), true);
                    while (it.hasNext()) {
                        String n = it.next().getPath().getName();
                        if (n.startsWith("_") || n.startsWith(".")) continue;
                        String f = formatOfName(n);
                        if (f != null) return f;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new JobOptions.BadOptionException(
                path + ": cannot tell the logs' format from their names; give --format parquet, jsonl or csv");
    }

    /**
     * The folder above a glob's first wildcard, so Spark still reads {@code day=}/{@code variant=} folders below it as
     * columns; null when no path has a wildcard or the paths disagree.
     */
    static String basePath(List<String> paths) {
        String base = null;
        for (String p : paths) {
            int w = firstWildcard(p);
            if (w < 0) return null;
            int slash = p.lastIndexOf('/', w);
            if (slash <= 0) return null;
            String b = p.substring(0, slash);
            if (base != null && !base.equals(b)) return null;
            base = b;
        }
        return base;
    }

    private static int firstWildcard(String p) {
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '{') return i;
        }
        return -1;
    }
}
