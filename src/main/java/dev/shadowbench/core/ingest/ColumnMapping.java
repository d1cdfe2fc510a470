package dev.shadowbench.core.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shadowbench.core.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Which source column feeds which {@link Field}; stored as JSON like {"request_id":"corr_id", ...}. */
public record ColumnMapping(Map<Field, String> columns) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public ColumnMapping {
        EnumMap<Field, String> m = new EnumMap<>(Field.class);
        columns.forEach((k, v) -> {
            if (v != null && !v.isBlank()) m.put(k, v);
        });
        columns = java.util.Collections.unmodifiableMap(m);
    }

    public String column(Field f) {
        return columns.get(f);
    }

    public boolean has(Field f) {
        return columns.containsKey(f);
    }

    public ColumnMapping with(Field f, String column) {
        EnumMap<Field, String> m = new EnumMap<>(Field.class);
        m.putAll(columns);
        if (column == null || column.isBlank()) m.remove(f);
        else m.put(f, column);
        return new ColumnMapping(m);
    }

    /**
     * Proposes a mapping from column names (exact common names first, then names containing them) and types
     * (a list-typed prediction is a ranking, a text-only prediction a class).
     */
    public static ColumnMapping detect(List<SourceColumn> cols, ImportRequest.Kind kind) {
        EnumMap<Field, String> m = new EnumMap<>(Field.class);
        List<String> taken = new ArrayList<>();
        List<Field> order = kind == ImportRequest.Kind.LABELS
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
        if (kind == ImportRequest.Kind.LABELS && !m.containsKey(Field.LABEL)) {
            // a two-column file: id plus whatever the other column is
            cols.stream()
                    .map(SourceColumn::name)
                    .filter(n -> !taken.contains(n))
                    .findFirst()
                    .ifPresent(n -> m.put(Field.LABEL, n));
        }
        return new ColumnMapping(m);
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

    public String toJson() {
        Map<String, String> m = new LinkedHashMap<>();
        columns.forEach((k, v) -> m.put(k.key(), v));
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads mapping JSON; {@code where} names its origin for the error message. */
    public static ColumnMapping fromJson(String json, String where) {
        Map<String, String> raw;
        try {
            raw = JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {});
        } catch (IOException e) {
            throw new BadInputException(where + ": not a column mapping (a JSON object of field -> column): "
                    + e.getMessage().strip().lines().findFirst().orElse(""));
        }
        EnumMap<Field, String> m = new EnumMap<>(Field.class);
        for (var e : raw.entrySet()) {
            Field f = null;
            for (Field x : Field.values()) if (x.key().equalsIgnoreCase(e.getKey())) f = x;
            if (f == null) {
                throw new BadInputException(where + ": unknown field '" + e.getKey() + "' (known: "
                        + java.util.Arrays.stream(Field.values())
                                .map(Field::key)
                                .toList() + ")");
            }
            m.put(f, e.getValue());
        }
        return new ColumnMapping(m);
    }

    public static ColumnMapping read(Path file) {
        try {
            return fromJson(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new BadInputException("Cannot read mapping file " + file + ": " + e.getMessage());
        }
    }
}
