package dev.shadowbench.core.ingest;

import java.util.Locale;

/** The accounting of one import: lines read = imported + quarantined + blank. */
public record ImportReport(
        long importId,
        int files,
        int filesSkippedAsDuplicate,
        long linesRead,
        long rowsImported,
        long rowsQuarantined,
        long linesBlank) {
    public String summaryLine() {
        return String.format(
                Locale.ROOT,
                "%d file(s), %d line(s) read: %d imported, %d quarantined, %d blank%s",
                files,
                linesRead,
                rowsImported,
                rowsQuarantined,
                linesBlank,
                filesSkippedAsDuplicate > 0 ? ", " + filesSkippedAsDuplicate + " file(s) already imported" : "");
    }
}
