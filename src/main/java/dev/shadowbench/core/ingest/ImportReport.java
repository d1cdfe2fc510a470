package dev.shadowbench.core.ingest;

import java.util.Locale;

/**
 * The accounting of one import: lines read = imported + quarantined + blank. {@code predictionsStored} and
 * {@code labelsStored} count the rows written: a line may store more than one (a response answering several instances:
 * one row per instance, {@code multiInstanceLines} of them; a prediction logged with its label) or none of its own (a
 * KServe request joined to its response: {@code joinedLines} of them). {@code notes} say how a file was read when that was not the way asked (a labels
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
        long predictionsStored,
        long labelsStored,
        long multiInstanceLines,
        long joinedLines,
        java.util.List<String> notes) {
    public ImportReport {
        notes = java.util.List.copyOf(notes);
    }

    /** An import where every imported line is one stored prediction. */
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
                0,
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

    /** Rows written: predictions plus labels. */
    public long rowsStored() {
        return predictionsStored + labelsStored;
    }

    /** What the imported lines became, when that is not one row a line. */
    private String storedPart() {
        if (rowsStored() == rowsImported && multiInstanceLines == 0 && joinedLines == 0) return "";
        StringBuilder why = new StringBuilder();
        if (joinedLines > 0) why.append(joinedLines).append(" request line(s) joined to their response");
        if (multiInstanceLines > 0) {
            if (why.length() > 0) why.append(", ");
            why.append(multiInstanceLines).append(" line(s) answering several instances, one row per instance");
        }
        return String.format(
                Locale.ROOT,
                "; stored %d prediction(s) and %d label(s)%s",
                predictionsStored,
                labelsStored,
                why.length() == 0 ? "" : " (" + why + ")");
    }
}
