package dev.shadowbench.core.ingest;

/** The accounting of one import: lines read = imported + quarantined + blank. */
public record ImportReport(long importId, int files, int filesSkippedAsDuplicate, long linesRead,
                           long rowsImported, long rowsQuarantined, long linesBlank) {
    public String summaryLine() {
        return String.format("%d file(s), %d line(s) read: %d imported, %d quarantined, %d blank%s",
                files, linesRead, rowsImported, rowsQuarantined, linesBlank,
                filesSkippedAsDuplicate > 0 ? ", " + filesSkippedAsDuplicate + " file(s) already imported" : "");
    }
}
