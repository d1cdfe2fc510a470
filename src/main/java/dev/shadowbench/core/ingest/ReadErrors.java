package dev.shadowbench.core.ingest;

import dev.shadowbench.core.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A file DuckDB could not read, said for a person: which file, what is wrong with it, what to do. DuckDB's own words
 * ("Error when sniffing file ...") are kept at the end, for a bug report.
 */
public final class ReadErrors {
    /** Bytes looked at for the line endings: enough for thousands of lines, cheap on a file of any size. */
    static final int SCANNED = 1 << 20;

    private ReadErrors() {}

    /** How many lines end in CR LF, in LF alone and in CR alone among the first {@link #SCANNED} bytes. */
    public record LineEndings(long crlf, long lf, long cr) {
        public boolean mixed() {
            return (crlf > 0 ? 1 : 0) + (lf > 0 ? 1 : 0) + (cr > 0 ? 1 : 0) > 1;
        }
    }

    /** The line endings of the start of {@code file} (gzip is not unpacked: a compressed file says nothing here). */
    public static LineEndings lineEndings(Path file) {
        long crlf = 0, lf = 0, cr = 0;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] b = in.readNBytes(SCANNED);
            for (int i = 0; i < b.length; i++) {
                if (b[i] == '\r') {
                    if (i + 1 < b.length && b[i + 1] == '\n') {
                        crlf++;
                        i++;
                    } else if (i + 1 < b.length) cr++;
                } else if (b[i] == '\n') lf++;
            }
        } catch (IOException e) {
            return new LineEndings(0, 0, 0);
        }
        return new LineEndings(crlf, lf, cr);
    }

    /**
     * {@code file} could not be read as {@code as} ("csv", "jsonl", ...): a typed error naming the file, the fault in
     * words where it is known (mixed line endings, a layout DuckDB could not work out) and what to do.
     */
    public static BadInputException cannotRead(Path file, String as, Exception e) {
        String raw = SourceProbe.firstLine(e.getMessage());
        String name = file.getFileName() == null
                ? file.toString()
                : file.getFileName().toString();
        LineEndings le = name.toLowerCase(Locale.ROOT).endsWith(".gz") ? null : lineEndings(file);
        String what;
        if (le != null && le.mixed()) {
            what = String.format(
                    Locale.ROOT,
                    "%s cannot be read: its lines end in different ways (%s). Save it with one kind of line ending "
                            + "(for example with `dos2unix %s`, or \"Save as\" CSV again) and import it again.",
                    name,
                    endings(le),
                    name);
        } else if (raw.contains("sniffing")) {
            what = name + " cannot be read as " + as + ": its layout (separator, quoting, header) could not be worked"
                    + " out from its first lines. Check that it is a " + as + " file with one header line and the same"
                    + " number of fields on every line, or choose its format in the Format box.";
        } else {
            what = name + " cannot be read as " + as + ". Check that the file is complete and really " + as
                    + ", or choose its format in the Format box.";
        }
        return new BadInputException(what + " (" + file + "; DuckDB said: " + raw + ")", e);
    }

    private static String endings(LineEndings le) {
        StringBuilder sb = new StringBuilder();
        if (le.crlf() > 0) sb.append(String.format(Locale.ROOT, "%,d with CR LF (Windows)", le.crlf()));
        if (le.lf() > 0)
            sb.append(sb.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%,d with LF only (Unix)", le.lf()));
        if (le.cr() > 0)
            sb.append(sb.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%,d with CR only", le.cr()));
        return sb.toString();
    }
}
