package dev.shadowbench.core.ingest;

import dev.shadowbench.core.BadInputException;
import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The daily step: read again every place imported from before ({@link ImportSources}) and import only the files not
 * seen yet. A file already recorded at the same path with the same size is taken as seen without reading it (log
 * files of past days do not change); any other file goes through the importer, whose content hash still skips a copy
 * of a file imported before under another name.
 */
public final class NewLogs {
    private final Workspace workspace;

    public NewLogs(Workspace workspace) {
        this.workspace = workspace;
    }

    /** What {@code --new} would import: one request per source with new files, and the sources that are gone. */
    public record Plan(List<ImportRequest> requests, List<String> missing, int filesSeen, int sources) {
        public int newFiles() {
            return requests.stream().mapToInt(r -> r.paths().size()).sum();
        }
    }

    /** The outcome: the plan and one report per request imported. */
    public record Outcome(Plan plan, List<ImportReport> reports) {
        public String summaryLine() {
            StringBuilder sb = new StringBuilder();
            sb.append(plan.newFiles())
                    .append(" new file(s) in ")
                    .append(plan.sources())
                    .append(" source(s); ")
                    .append(plan.filesSeen())
                    .append(" seen before");
            if (!plan.missing().isEmpty()) sb.append("; gone: ").append(String.join(", ", plan.missing()));
            for (ImportReport r : reports) sb.append(System.lineSeparator()).append(r.summaryLine());
            return sb.toString();
        }
    }

    public Plan plan() throws SQLException {
        try (Connection c = workspace.connect()) {
            return plan(c);
        }
    }

    static Plan plan(Connection c) throws SQLException {
        List<ImportSources.Source> sources = ImportSources.all(c);
        if (sources.isEmpty()) sources = ImportSources.fromImportedFiles(c);
        if (sources.isEmpty())
            throw new BadInputException("Nothing was imported into this workspace yet, so there is no place to look "
                    + "for new logs: import files or folders first.");
        Set<String> known = knownFiles(c);
        Set<Path> taken = new HashSet<>();
        List<ImportRequest> requests = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        int seen = 0;
        for (ImportSources.Source s : sources) {
            Set<Path> fresh = new LinkedHashSet<>();
            for (String named : s.paths()) {
                List<Path> files;
                try {
                    files = SourceFiles.expand(List.of(Path.of(named)));
                } catch (BadInputException e) {
                    missing.add(named);
                    continue;
                }
                for (Path f : files) {
                    if (!taken.add(f)) continue;
                    if (known.contains(key(f.toString(), sizeOf(f)))) seen++;
                    else fresh.add(f);
                }
            }
            if (!fresh.isEmpty())
                requests.add(new ImportRequest(List.copyOf(fresh), s.requestKind(), s.format(), s.variant(), null));
        }
        return new Plan(List.copyOf(requests), List.copyOf(missing), seen, sources.size());
    }

    /** Imports every new file, one import (one transaction) per source. */
    public Outcome run(ProgressSink progress) throws SQLException {
        Plan plan = plan();
        List<ImportReport> reports = new ArrayList<>();
        LogImporter importer = new LogImporter(workspace, false);
        for (ImportRequest r : plan.requests()) reports.add(importer.run(r, progress));
        return new Outcome(plan, List.copyOf(reports));
    }

    private static Set<String> knownFiles(Connection c) throws SQLException {
        Set<String> out = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT path, size_bytes FROM import_files");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(key(rs.getString(1), rs.getLong(2)));
        }
        return out;
    }

    private static String key(String path, long size) {
        return size + ":" + path;
    }

    private static long sizeOf(Path f) {
        try {
            return Files.size(f);
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}
