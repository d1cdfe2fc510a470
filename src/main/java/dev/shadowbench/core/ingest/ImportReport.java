package dev.shadowbench.core.ingest;

import java.util.Locale;

/**
 * The accounting of one import: lines read = imported + quarantined + blank. {@code rowsStored} counts the
 * predictions (or labels) written: a line may store more than one (a response answering several instances: one row
 * per instance, {@code multiInstanceLines} of them) or none of its own (a KServe request joined to its response:
 * {@code joinedLines} of them). {@code notes} say how a file was read when that was not the way asked (a labels
 * file among prediction logs, a file of neither skipped).
 */
public record ImportReport(
        long importId,
        int files,
        int filesSkippedAsDuplicate,
        long linesRead,
        long rowsImported,
        long rowsQuarantined,
        long linesBlank,
        long rowsStored,
        long multiInstanceLines,
        long joinedLines,
        boolean labels,
        java.util.List<String> notes) {
    public ImportReport {
        notes = java.util.List.copyOf(notes);
    }

    /** An import where every imported line is one stored row. */
    public ImportReport(
            long importId,
            int files,
            int filesSkippedAsDuplicate,
            long linesRead,
            long rowsImported,
            long rowsQuarantined,
            long linesBlank) {
        this(
                importId,
                files,
                filesSkippedAsDuplicate,
                linesRead,
                rowsImported,
                rowsQuarantined,
                linesBlank,
                rowsImported,
                0,
                0,
                false,
                java.util.List.of());
    }

    public String summaryLine() {
        return String.format(
                Locale.ROOT,
                "%d file(s), %d line(s) read: %d imported, %d quarantined, %d blank%s%s%s",
                files,
                linesRead,
                rowsImported,
                rowsQuarantined,
                linesBlank,
                storedPart(),
                filesSkippedAsDuplicate > 0 ? ", " + filesSkippedAsDuplicate + " file(s) already imported" : "",
                notes.isEmpty() ? "" : "; " + String.join("; ", notes));
    }

    /** What the imported lines became, when that is not one row a line. */
    private String storedPart() {
        if (rowsStored == rowsImported && multiInstanceLines == 0 && joinedLines == 0) return "";
        StringBuilder why = new StringBuilder();
        if (joinedLines > 0) why.append(joinedLines).append(" request line(s) joined to their response");
        if (multiInstanceLines > 0) {
            if (why.length() > 0) why.append(", ");
            why.append(multiInstanceLines).append(" line(s) answering several instances, one row per instance");
        }
        return String.format(
                Locale.ROOT,
                "; %d %s stored%s",
                rowsStored,
                labels ? "label(s)" : "prediction(s)",
                why.length() == 0 ? "" : " (" + why + ")");
    }
}
