package dev.shadowbench.spark;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shadowbench.core.ingest.Field;
import dev.shadowbench.core.ingest.SourceColumn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which source column feeds which {@link Field}: the desk's rules (core/ingest/ColumnMapping), on the columns Spark
 * reads. Detection tries the desk's names of each field (exact first, then contained in a column's name for the id,
 * prediction, latency and time), in the desk's order of fields; a mapping file is the desk's JSON, {@code
 * {"request_id": "corr_id", ...}}, and replaces detection.
 */
public record Mapping(Map<Field, String> columns) {
    /** Prediction logs or label files: they detect different fields. */
    public enum Kind {
        PREDICTIONS,
        LABELS
    }

    public Mapping {
        EnumMap<Field, String> m = new EnumMap<>(Field.class);
        columns.forEach((k, v) -> {
            if (v != null && !v.isBlank()) m.put(k, v);
        });
        columns = Collections.unmodifiableMap(m);
    }

    public String column(Field f) {
        return columns.get(f);
    }

    public boolean has(Field f) {
        return columns.containsKey(f);
    }

    /** The desk's detection (ColumnMapping.detect) over the columns as typed by {@link SparkTypes}. */
    public static Mapping detect(List<SourceColumn> cols, Kind kind) {
        EnumMap<Field, String> m = new EnumMap<>(Field.class);
        List<String> taken = new ArrayList<>();
        List<Field> order = kind == Kind.LABELS
                ? List.of(Field.REQUEST_ID, Field.LABEL, Field.TIMESTAMP)
                : List.of(
                        Field.REQUEST_ID,
                        Field.TIMESTAMP,
                        Field.VERSION,
                        Field.MODEL,
                        Field.VARIANT,
                        Field.PREDICTED_CLASS,
                        Field.PREDICTION,
                        Field.LATENCY,
                        Field.SEGMENT,
                        Field.FEEDBACK,
                        Field.LABEL);
        for (Field f : order) {
            String c = best(f, cols, taken);
            if (c != null) {
                m.put(f, c);
                taken.add(c);
            }
        }
        if (kind == Kind.LABELS && !m.containsKey(Field.LABEL)) {
            // a two-column file: the id plus whatever the other column is
            cols.stream()
                    .map(SourceColumn::name)
                    .filter(n -> !taken.contains(n))
                    .findFirst()
                    .ifPresent(n -> m.put(Field.LABEL, n));
        }
        return new Mapping(m);
    }

    private static String best(Field f, List<SourceColumn> cols, List<String> taken) {
        for (String name : f.commonNames()) {
            for (SourceColumn c : cols) {
                if (!taken.contains(c.name()) && norm(c.name()).equals(name) && typeFits(f, c)) return c.name();
            }
        }
        if (f == Field.REQUEST_ID || f == Field.PREDICTION || f == Field.LATENCY || f == Field.TIMESTAMP) {
            for (String name : f.commonNames()) {
                if (name.length() < 4) continue; // "id", "ts": too short to match inside other names
                for (SourceColumn c : cols) {
                    if (!taken.contains(c.name()) && norm(c.name()).contains(name) && typeFits(f, c)) return c.name();
                }
            }
        }
        return null;
    }

    private static boolean typeFits(Field f, SourceColumn c) {
        return switch (f) {
            case LATENCY ->
                c.isNumeric()
                        || c.type().equalsIgnoreCase("VARCHAR")
                        || c.type().equalsIgnoreCase("JSON");
            case TIMESTAMP -> !c.isList();
            case REQUEST_ID -> !c.isList() && !c.type().startsWith("STRUCT");
            default -> true;
        };
    }

    private static String norm(String s) {
        return s.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    }

    /** Reads the desk's mapping JSON (a JSON object of field -> column); {@code where} names it in errors. */
    public static Mapping fromJson(String json, String where) {
        Map<String, String> raw;
        try {
            raw = new ObjectMapper().readValue(json, new TypeReference<LinkedHashMap<String, String>>() {});
        } catch (IOException e) {
            throw new JobOptions.BadOptionException(
                    where + ": not a column mapping (a JSON object of field -> column): "
                            + e.getMessage().lines().findFirst().orElse(""));
        }
        EnumMap<Field, String> m = new EnumMap<>(Field.class);
        for (var e : raw.entrySet()) {
            Field f = Arrays.stream(Field.values())
                    .filter(x -> x.key().equalsIgnoreCase(e.getKey()))
                    .findFirst()
                    .orElseThrow(() -> new JobOptions.BadOptionException(where + ": unknown field '" + e.getKey()
                            + "' (known: "
                            + Arrays.stream(Field.values()).map(Field::key).toList() + ")"));
            m.put(f, e.getValue());
        }
        return new Mapping(m);
    }

    /** Reads a mapping file from the local file system. */
    public static Mapping read(Path file) {
        try {
            return fromJson(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new JobOptions.BadOptionException("Cannot read mapping file " + file + ": " + e.getMessage());
        }
    }
}
