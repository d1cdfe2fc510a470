package dev.shadowbench.core.report;

import dev.shadowbench.core.BadInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/** The report formats, each with its renderer and file extension. */
public enum ReportFormat {
    HTML("html"), MD("md"), JSON("json");

    private final String extension;

    ReportFormat(String extension) { this.extension = extension; }

    public String extension() { return extension; }

    public String render(ReportContent r) {
        return switch (this) {
            case HTML -> HtmlReport.render(r);
            case MD -> MarkdownReport.render(r);
            case JSON -> JsonReport.render(r);
        };
    }

    /** Writes the report atomically (a temp file moved into place), so a failure never leaves half a report. */
    public void write(ReportContent r, Path file) throws IOException {
        Path abs = file.toAbsolutePath();
        if (abs.getParent() != null) Files.createDirectories(abs.getParent());
        Path tmp = abs.resolveSibling(abs.getFileName() + ".partial");
        Files.writeString(tmp, render(r), StandardCharsets.UTF_8);
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static ReportFormat parse(String s) {
        String v = s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
        for (ReportFormat f : values()) if (f.extension.equals(v) || (f == MD && v.equals("markdown"))) return f;
        throw new BadInputException("Unknown report format '" + s + "': use html, md or json");
    }
}
