package dev.shadowbench.core.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.shadowbench.core.json.Json;
import dev.shadowbench.core.workspace.WorkspaceSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the user imported from, as named (files, folders, globs, made absolute) with the request's kind, format and
 * fixed variant, kept in the workspace's settings (key {@value #KEY}) so that {@code import --new} and File > Import
 * new logs can read the same places again the next morning. A mapping given with {@code --mapping} is not kept here:
 * it is remembered per folder by {@link MappingStore}, so new files in the folder get it too.
 */
public final class ImportSources {
    static final String KEY = "import.sources";

    private ImportSources() {}

    /** One place imported from. */
    public record Source(String kind, List<String> paths, String format, String variant) {
        public Source {
            paths = List.copyOf(paths);
        }

        ImportRequest.Kind requestKind() {
            return ImportRequest.Kind.valueOf(kind.toUpperCase(Locale.ROOT));
        }
    }

    /** The sources remembered, oldest first; empty for a workspace that never recorded one. */
    public static List<Source> all(Connection c) throws SQLException {
        String json = WorkspaceSettings.get(c, KEY);
        if (json == null || json.isBlank()) return List.of();
        try {
            return Json.mapper().readValue(json, new TypeReference<List<Source>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "The workspace setting " + KEY + " is not readable: " + e.getOriginalMessage(), e);
        }
    }

    /** Remembers the request's paths (part of the import's transaction); an identical source is kept once. */
    static void remember(Connection c, ImportRequest req) throws SQLException {
        Source s = of(req);
        List<Source> list = new ArrayList<>(all(c));
        if (list.contains(s)) return;
        list.add(s);
        WorkspaceSettings.put(c, KEY, Json.write(list));
    }

    static Source of(ImportRequest req) {
        List<String> paths = req.paths().stream()
                .map(p -> p.toAbsolutePath().normalize().toString())
                .toList();
        return new Source(req.kind().name().toLowerCase(Locale.ROOT), paths, req.format(), req.variantOverride());
    }

    /**
     * For a workspace imported before sources were remembered: the folders its files came from, with each import's
     * kind and fixed variant, read in the format detected then.
     */
    static List<Source> fromImportedFiles(Connection c) throws SQLException {
        List<Source> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT i.kind, i.variant_override, f.path FROM imports i "
                        + "JOIN import_files f USING (import_id) ORDER BY i.import_id, f.path");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Path folder = Path.of(rs.getString(3)).toAbsolutePath().getParent();
                if (folder == null) continue;
                Source s = new Source(rs.getString(1), List.of(folder.toString()), "auto", rs.getString(2));
                if (!out.contains(s)) out.add(s);
            }
        }
        return out;
    }
}
