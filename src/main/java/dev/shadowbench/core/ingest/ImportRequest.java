package dev.shadowbench.core.ingest;

import java.nio.file.Path;
import java.util.List;

/** What to import: files/folders/globs, what they hold, their format, and an optional fixed variant. */
public record ImportRequest(List<Path> paths, Kind kind, String format, String variantOverride) {
    public enum Kind { PREDICTIONS, LABELS }

    public static ImportRequest predictions(List<Path> paths, String variant) {
        return new ImportRequest(paths, Kind.PREDICTIONS, "auto", variant);
    }

    public static ImportRequest labels(List<Path> paths) {
        return new ImportRequest(paths, Kind.LABELS, "auto", null);
    }
}
