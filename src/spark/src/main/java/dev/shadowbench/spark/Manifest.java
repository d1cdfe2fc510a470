package dev.shadowbench.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/** The extract's manifest.json (EXTRACT.md, "manifest.json"), written last: an extract without one is unfinished. */
final class Manifest {
    private Manifest() {}

    static final String VERSION = "0.1.0";

    static Map<String, Object> content(
            JobOptions o,
            List<String> days,
            int digits,
            int sampleSize,
            int extremes,
            int topK,
            long rowsRead,
            long unreadable,
            Map<String, Long> tables) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", "shadowbench-extract");
        m.put("version", 1);
        m.put("baseline", side(o.baseline()));
        m.put("candidate", side(o.candidate()));
        m.put("from", o.from() == null ? null : o.from().toString());
        m.put("to", o.to() == null ? null : o.to().toString());
        m.put("days", days);
        m.put("precision", Map.of("significant_digits", digits));
        m.put("sample", ordered("seed", o.seed(), "size", sampleSize, "extremes", extremes));
        m.put("top_k", topK);
        m.put("outliers", Map.of("computed_by", "none"));
        m.put(
                "job",
                ordered(
                        "name",
                        "shadowbench-spark",
                        "version",
                        VERSION,
                        "created_at",
                        Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()));
        m.put("input", ordered("rows_read", rowsRead, "rows_unreadable", unreadable));
        Map<String, Object> t = new LinkedHashMap<>();
        tables.forEach((k, v) -> t.put(k, Map.of("rows", v)));
        m.put("tables", t);
        return m;
    }

    static void write(
            SparkSession spark,
            JobOptions o,
            List<String> days,
            int digits,
            int sampleSize,
            int extremes,
            int topK,
            long rowsRead,
            long unreadable,
            Map<String, Long> tables) {
        Map<String, Object> m = content(o, days, digits, sampleSize, extremes, topK, rowsRead, unreadable, tables);
        Path p = new Path(o.out(), "manifest.json");
        try {
            FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
            try (OutputStream out = fs.create(p, false)) {
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out, m);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> side(JobOptions.Side s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("variant", s.variant());
        m.put("model", s.model());
        m.put("version", s.version());
        return m;
    }

    private static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }
}
