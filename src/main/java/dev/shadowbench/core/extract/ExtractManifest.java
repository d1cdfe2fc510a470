package dev.shadowbench.core.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shadowbench.core.BadInputException;
import dev.shadowbench.core.compare.Side;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An extract's {@code manifest.json}: what it compares, over which days, at what precision, and how many rows each
 * table holds. A malformed manifest is a {@link BadInputException} naming the file and the field.
 */
public record ExtractManifest(
        int version,
        Side baseline,
        Side candidate,
        LocalDate from,
        LocalDate to,
        List<LocalDate> days,
        int significantDigits,
        long seed,
        int sampleSize,
        int extremes,
        int topK,
        String jobName,
        String jobVersion,
        long rowsUnreadable,
        String outliersBy,
        Map<String, Long> tableRows,
        String json,
        String digest) {
    /** One reader for every manifest (thread-safe once configured). */
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The manifest's file name in an extract folder. */
    public static final String FILE = "manifest.json";

    /** Whether {@code dir} is an extract folder: it holds a manifest.json whose "format" is an extract's. */
    public static boolean isExtract(Path dir) {
        Path m = dir.resolve(FILE);
        if (!Files.isDirectory(dir) || !Files.isRegularFile(m)) return false;
        try {
            JsonNode n = JSON.readTree(m.toFile());
            return n != null && ExtractTables.FORMAT.equals(n.path("format").asText(null));
        } catch (IOException e) {
            return false;
        }
    }

    /** Reads and checks {@code dir/manifest.json}. */
    public static ExtractManifest read(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) throw new BadInputException(dir + ": not an extract folder (no " + FILE + ")");
        byte[] bytes;
        JsonNode n;
        try {
            bytes = Files.readAllBytes(file);
            n = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new BadInputException(file + ": not valid JSON: " + e.getMessage(), e);
        }
        if (n == null || !n.isObject()) throw new BadInputException(file + ": not a JSON object");
        Fields f = new Fields(file, n);
        String format = f.text("format", true);
        if (!ExtractTables.FORMAT.equals(format))
            throw new BadInputException(
                    file + ": field format is '" + format + "', not '" + ExtractTables.FORMAT + "'");
        int version = (int) f.integer(n, "version", 1, Integer.MAX_VALUE);
        if (version > ExtractTables.VERSION)
            throw new BadInputException(file + ": field version is " + version + "; this Shadowbench reads extracts "
                    + "up to version " + ExtractTables.VERSION + " (update Shadowbench)");
        JsonNode precision = f.object("precision");
        JsonNode sample = f.object("sample");
        JsonNode job = f.object("job");
        JsonNode tables = f.object("tables");
        Map<String, Long> rows = new LinkedHashMap<>();
        for (var it = tables.fields(); it.hasNext(); ) {
            var e = it.next();
            JsonNode r = e.getValue().path("rows");
            if (!r.canConvertToLong() || r.asLong() < 0)
                throw new BadInputException(
                        file + ": field tables." + e.getKey() + ".rows must be a count (a whole number from 0)");
            rows.put(e.getKey(), r.asLong());
        }
        List<LocalDate> days = new ArrayList<>();
        JsonNode d = n.get("days");
        if (d == null || !d.isArray() || d.isEmpty())
            throw new BadInputException(file + ": field days must be a list of the days the extract covers");
        for (int i = 0; i < d.size(); i++) days.add(f.day(d.get(i), "days[" + i + "]"));
        JsonNode input = n.path("input");
        long unreadable = input.path("rows_unreadable").isMissingNode()
                        || input.path("rows_unreadable").isNull()
                ? 0
                : f.integer(input, "input.rows_unreadable", "rows_unreadable", 0, Long.MAX_VALUE);
        return new ExtractManifest(
                version,
                f.side("baseline"),
                f.side("candidate"),
                f.day(n.get("from"), "from"),
                f.day(n.get("to"), "to"),
                List.copyOf(days.stream().filter(java.util.Objects::nonNull).toList()),
                (int) f.integer(precision, "precision.significant_digits", "significant_digits", 1, 17),
                f.integer(sample, "sample.seed", "seed", Long.MIN_VALUE, Long.MAX_VALUE),
                (int) f.integer(sample, "sample.size", "size", 0, 100_000),
                (int) f.integer(sample, "sample.extremes", "extremes", 0, 10_000),
                (int) f.integer(n, "top_k", 1, 10_000),
                textOf(file, job, "job.name", "name"),
                textOf(file, job, "job.version", "version"),
                unreadable,
                n.path("outliers").path("computed_by").asText("none"),
                Map.copyOf(rows),
                new String(bytes, java.nio.charset.StandardCharsets.UTF_8),
                sha256(bytes));
    }

    private static String textOf(Path file, JsonNode parent, String field, String key) {
        JsonNode v = parent.get(key);
        if (v == null || !v.isTextual() || v.asText().isBlank())
            throw new BadInputException(file + ": field " + field + " is missing (a text)");
        return v.asText();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads fields of the manifest, each error naming the file and the field. */
    private record Fields(Path file, JsonNode root) {
        String text(String key, boolean required) {
            JsonNode v = root.get(key);
            if (v == null || v.isNull()) {
                if (required) throw new BadInputException(file + ": field " + key + " is missing");
                return null;
            }
            if (!v.isTextual()) throw new BadInputException(file + ": field " + key + " must be a text");
            return v.asText();
        }

        JsonNode object(String key) {
            JsonNode v = root.get(key);
            if (v == null || !v.isObject())
                throw new BadInputException(file + ": field " + key + " is missing (an object)");
            return v;
        }

        long integer(JsonNode parent, String key, long min, long max) {
            return integer(parent, key, key, min, max);
        }

        long integer(JsonNode parent, String field, String key, long min, long max) {
            JsonNode v = parent.get(key);
            if (v == null || !v.isIntegralNumber() || !v.canConvertToLong())
                throw new BadInputException(file + ": field " + field + " is missing (a whole number)");
            long x = v.asLong();
            if (x < min || x > max)
                throw new BadInputException(file + ": field " + field + " is " + x + ", outside " + min + ".." + max);
            return x;
        }

        LocalDate day(JsonNode v, String field) {
            if (v == null || v.isNull()) return null;
            if (!v.isTextual()) throw new BadInputException(file + ": field " + field + " must be a day (YYYY-MM-DD)");
            try {
                return LocalDate.parse(v.asText());
            } catch (DateTimeParseException e) {
                throw new BadInputException(
                        file + ": field " + field + " is '" + v.asText() + "', not a day (YYYY-MM-DD)", e);
            }
        }

        Side side(String key) {
            JsonNode v = object(key);
            String[] parts = new String[3];
            String[] names = {"variant", "model", "version"};
            for (int i = 0; i < 3; i++) {
                JsonNode p = v.get(names[i]);
                if (p != null && !p.isNull() && !p.isTextual())
                    throw new BadInputException(file + ": field " + key + "." + names[i] + " must be a text or null");
                parts[i] = p == null
                                || p.isNull()
                                || p.asText().isEmpty()
                                || p.asText().equals("*")
                        ? null
                        : p.asText();
            }
            if (parts[0] == null && parts[1] == null && parts[2] == null)
                throw new BadInputException(
                        file + ": field " + key + " names no variant, model or version (it would match every record)");
            return new Side(parts[0], parts[1], parts[2]);
        }
    }
}
