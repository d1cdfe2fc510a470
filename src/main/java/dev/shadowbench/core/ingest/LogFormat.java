package dev.shadowbench.core.ingest;

import dev.shadowbench.core.BadInputException;
import java.nio.file.Path;
import java.util.Locale;

/** The log layouts Shadowbench reads. */
public enum LogFormat {
    JSONL,
    CSV,
    PARQUET,
    SAGEMAKER,
    KSERVE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format named on the command line; null for "auto". */
    public static LogFormat fromOption(String s) {
        if (s == null || s.isBlank() || s.equalsIgnoreCase("auto")) return null;
        for (LogFormat f : values()) if (f.id().equalsIgnoreCase(s.strip())) return f;
        if (s.equalsIgnoreCase("json") || s.equalsIgnoreCase("ndjson")) return JSONL;
        throw new BadInputException("Unknown format '" + s + "': use auto, jsonl, csv, parquet, sagemaker or kserve");
    }

    /** The container format a file's name says (jsonl, csv or parquet, also .gz), or null when it says nothing. */
    public static LogFormat fromFileName(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".gz")) n = n.substring(0, n.length() - 3);
        if (n.endsWith(".jsonl") || n.endsWith(".json") || n.endsWith(".ndjson")) return JSONL;
        if (n.endsWith(".csv") || n.endsWith(".tsv") || n.endsWith(".txt")) return CSV;
        if (n.endsWith(".parquet") || n.endsWith(".pq")) return PARQUET;
        return null;
    }
}
