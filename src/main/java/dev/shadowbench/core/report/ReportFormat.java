package dev.shadowbench.core.report;

import dev.shadowbench.core.BadInputException;
import dev.shadowbench.core.workspace.OutputFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/** The report formats, each with its renderer and file extension. */
public enum ReportFormat {
    HTML("html"),
    MD("md"),
    JSON("json");

    private final String extension;

    ReportFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    public String render(ReportContent r) {
        return switch (this) {
            case HTML -> HtmlReport.render(r);
            case MD -> MarkdownReport.render(r);
            case JSON -> JsonReport.render(r);
        };
    }

    /** Writes the report through {@link OutputFile}: atomically, never over a folder or a DuckDB database. */
    public void write(ReportContent r, Path file) {
        write(r, file, null);
    }

    /** As {@link #write(ReportContent, Path)}, also refusing {@code openWorkspace} (null for none) by identity. */
    public void write(ReportContent r, Path file, Path openWorkspace) {
        OutputFile.check(file, openWorkspace);
        byte[] bytes = render(r).getBytes(StandardCharsets.UTF_8);
        OutputFile.write(file, openWorkspace, out -> out.write(bytes));
    }

    public static ReportFormat parse(String s) {
        String v = s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
        for (ReportFormat f : values()) if (f.extension.equals(v) || (f == MD && v.equals("markdown"))) return f;
        throw new BadInputException("Unknown report format '" + s + "': use html, md or json");
    }
}
