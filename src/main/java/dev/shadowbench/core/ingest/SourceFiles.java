package dev.shadowbench.core.ingest;

import dev.shadowbench.core.BadInputException;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Turns what the user named (files, folders, globs) into the sorted list of log files to read. */
public final class SourceFiles {
    private SourceFiles() {}

    public static List<Path> expand(List<Path> given) {
        Set<Path> out = new LinkedHashSet<>();
        for (Path p : given) {
            String s = p.toString();
            if (isGlob(s)) {
                List<Path> hits = glob(s);
                if (hits.isEmpty()) throw new BadInputException(s + ": no file matches this pattern");
                out.addAll(hits);
            } else if (Files.isDirectory(p)) {
                List<Path> hits = walk(p, null);
                if (hits.isEmpty()) throw new BadInputException(p + ": the folder holds no .jsonl, .json, .csv or .parquet file");
                out.addAll(hits);
            } else if (Files.isRegularFile(p)) {
                out.add(p.toAbsolutePath().normalize());
            } else {
                throw new BadInputException(p + ": no such file or folder");
            }
        }
        return List.copyOf(out);
    }

    static boolean isGlob(String s) {
        return s.contains("*") || s.contains("?") || s.contains("[") || s.contains("{");
    }

    private static List<Path> glob(String pattern) {
        Path abs = Path.of(pattern).toAbsolutePath();
        Path base = abs.getRoot();
        for (Path part : abs.getRoot().relativize(abs)) {
            if (isGlob(part.toString())) break;
            base = base.resolve(part);
        }
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + abs.toString().replace("\\", "\\\\"));
        if (!Files.isDirectory(base)) return List.of();
        return walk(base, m);
    }

    private static List<Path> walk(Path dir, PathMatcher matcher) {
        try (Stream<Path> s = Files.walk(dir)) {
            List<Path> files = new ArrayList<>(s.filter(Files::isRegularFile)
                    .map(q -> q.toAbsolutePath().normalize())
                    .filter(q -> !q.getFileName().toString().startsWith("."))
                    .filter(q -> matcher != null ? matcher.matches(q) : LogFormat.fromFileName(q) != null)
                    .toList());
            files.sort(null);
            return files;
        } catch (IOException e) {
            throw new BadInputException(dir + ": cannot list the folder: " + e.getMessage());
        }
    }
}
