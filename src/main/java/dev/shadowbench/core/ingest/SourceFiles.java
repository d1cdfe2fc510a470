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

/**
 * Turns what the user named (files, folders, globs) into the sorted list of log files to read. A name that exists
 * is exactly that file or folder, whatever characters it holds; only a name that does not exist and holds
 * * ? [ or { is a pattern. The files found are read as themselves (see {@link FileReaders#file}), never as patterns.
 */
public final class SourceFiles {
    private SourceFiles() {}

    public static List<Path> expand(List<Path> given) {
        Set<Path> out = new LinkedHashSet<>();
        for (Path p : given) {
            String s = p.toString();
            if (Files.isDirectory(p)) {
                List<Path> hits = walk(p, null);
                if (hits.isEmpty())
                    throw new BadInputException(p + ": the folder holds no .jsonl, .json, .csv or .parquet file");
                out.addAll(hits);
            } else if (Files.isRegularFile(p)) {
                out.add(p.toAbsolutePath().normalize());
            } else if (Files.exists(p)) {
                throw new BadInputException(
                        "not a regular file: " + p + " is " + kindOf(p) + "; give a log file or a folder");
            } else if (isGlob(s)) {
                List<Path> hits = glob(s);
                if (hits.isEmpty()) throw new BadInputException(s + ": no file matches this pattern");
                out.addAll(hits);
            } else {
                throw new BadInputException(p + ": no such file or folder");
            }
        }
        return List.copyOf(out);
    }

    /** What a path that is neither a regular file nor a folder is, in words ("a FIFO (named pipe)"...). */
    static String kindOf(Path p) {
        try {
            int mode = (Integer) Files.getAttribute(p, "unix:mode");
            return switch (mode & 0170000) {
                case 0010000 -> "a FIFO (named pipe)";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0140000 -> "a socket";
                default -> "not a regular file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return "a special file";
        }
    }

    static boolean isGlob(String s) {
        return s.contains("*") || s.contains("?") || s.contains("[") || s.contains("{");
    }

    /**
     * Files matching a typed pattern. The leading folders that exist as named are taken literally (so
     * 'my logs [v2]/*.jsonl' looks inside the folder "my logs [v2]"); the rest is matched as a glob.
     */
    private static List<Path> glob(String pattern) {
        Path abs = Path.of(pattern).toAbsolutePath();
        Path base = abs.getRoot();
        int used = 0;
        for (Path part : abs.getRoot().relativize(abs)) {
            Path next = base.resolve(part);
            if (!Files.isDirectory(next)) break;
            base = next;
            used++;
        }
        Path rest = abs.getRoot().relativize(abs).subpath(used, abs.getNameCount());
        PathMatcher m = FileSystems.getDefault()
                .getPathMatcher("glob:" + rest.toString().replace("\\", "\\\\"));
        Path dir = base;
        return walk(base, q -> m.matches(dir.relativize(q)));
    }

    private static List<Path> walk(Path dir, java.util.function.Predicate<Path> matcher) {
        Path root = dir.toAbsolutePath().normalize();
        try (Stream<Path> s = Files.walk(root)) {
            List<Path> files = new ArrayList<>(s.filter(Files::isRegularFile)
                    .map(q -> q.toAbsolutePath().normalize())
                    .filter(q -> !q.getFileName().toString().startsWith("."))
                    .filter(q -> matcher != null
                            ? matcher.test(q)
                            : LogFormat.fromFileName(q) != null || SourceProbe.readsAsRecords(q))
                    .toList());
            files.sort(null);
            return files;
        } catch (IOException e) {
            throw new BadInputException(dir + ": cannot list the folder: " + e.getMessage());
        }
    }
}
