package dev.shadowbench.core.ingest;

import java.nio.file.Path;
import java.util.List;

/**
 * What to import: files/folders/globs, what they hold, their format ("auto", "jsonl", "csv", "parquet",
 * "sagemaker", "kserve"), an optional fixed variant, and an optional column mapping (null: the one remembered
 * for the source, else auto-detected).
 */
public record ImportRequest(List<Path> paths, Kind kind, String format, String variantOverride, ColumnMapping mapping) {
    public enum Kind {
        PREDICTIONS,
        LABELS
    }

    public ImportRequest {
        paths = List.copyOf(paths);
        format = format == null || format.isBlank() ? "auto" : format;
        variantOverride = variantOverride == null || variantOverride.isBlank() ? null : variantOverride.strip();
    }

    public ImportRequest(List<Path> paths, Kind kind, String format, String variantOverride) {
        this(paths, kind, format, variantOverride, null);
    }

    public static ImportRequest predictions(List<Path> paths, String variant) {
        return new ImportRequest(paths, Kind.PREDICTIONS, "auto", variant, null);
    }

    public static ImportRequest labels(List<Path> paths) {
        return new ImportRequest(paths, Kind.LABELS, "auto", null, null);
    }

    public ImportRequest withFormat(String f) {
        return new ImportRequest(paths, kind, f, variantOverride, mapping);
    }

    /** The same request for files that hold {@code k} (a labels file found among prediction logs). */
    public ImportRequest withKind(Kind k) {
        return new ImportRequest(paths, k, format, k == Kind.LABELS ? null : variantOverride, mapping);
    }

    public ImportRequest withMapping(ColumnMapping m) {
        return new ImportRequest(paths, kind, format, variantOverride, m);
    }
}
