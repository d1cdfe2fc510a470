package dev.shadowbench.core.ingest;

import dev.shadowbench.core.canary.RampPlan;
import dev.shadowbench.core.compare.Side;
import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Workspace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The bundled sample: logs from data/sample, packed into the jar, imported into a new workspace
 * on first start so the app opens on something real with no set-up. It lives in ingest, not in
 * workspace, because it imports logs: the workspace layer knows nothing of log formats.
 */
public final class SampleWorkspace {
    /** The sample's first day; data/README.md has the command that wrote the logs. */
    static final LocalDate FIRST_DAY = LocalDate.of(2026, 11, 20);
    /** Days of shadow (live + shadow on every request), then days of the canary ramp (1%, 20%, 50%, 100%). */
    static final int SHADOW_DAYS = 3, CANARY_DAYS = 4;

    /** The prediction logs inside the jar, relative to {@link #RESOURCE_ROOT}: per day live and shadow, then live and canary. */
    public static final List<String> PREDICTIONS = predictionFiles();
    /** The label files, one a day. */
    public static final List<String> LABELS = IntStream.range(0, SHADOW_DAYS + CANARY_DAYS)
            .mapToObj(d -> FIRST_DAY.plusDays(d) + "/labels.csv")
            .toList();
    /** The canary's ramp plan ({@code day,share}). */
    public static final String RAMP = "ramp.csv";
    /** Every file of the sample. */
    public static final List<String> FILES =
            Stream.of(PREDICTIONS, LABELS, List.of(RAMP)).flatMap(List::stream).toList();

    private static List<String> predictionFiles() {
        List<String> out = new ArrayList<>();
        for (int d = 0; d < SHADOW_DAYS + CANARY_DAYS; d++) {
            String day = FIRST_DAY.plusDays(d).toString();
            boolean shadow = d < SHADOW_DAYS;
            // the last ramp day serves everything from the canary: no live log
            if (d < SHADOW_DAYS + CANARY_DAYS - 1) out.add(day + "/live.jsonl.gz");
            out.add(day + (shadow ? "/shadow.jsonl.gz" : "/canary.jsonl.gz"));
        }
        return List.copyOf(out);
    }

    static final String RESOURCE_ROOT = "/dev/shadowbench/sample/";

    private SampleWorkspace() {}

    /**
     * Imports the sample extracted into {@code dir} ({@link #extractLogs}) into {@code ws}: the predictions, the labels,
     * and the ramp plan of the canary, kept under its model version as {@code ramp --set} keeps it.
     */
    public static void importInto(Workspace ws, Path dir, ProgressSink progress) throws IOException {
        var importer = new LogImporter(ws);
        importer.run(ImportRequest.predictions(resolve(dir, PREDICTIONS), null), progress);
        importer.run(ImportRequest.labels(resolve(dir, LABELS)), progress);
        Map<LocalDate, Double> plan = new TreeMap<>();
        for (String line : Files.readAllLines(dir.resolve(RAMP)).subList(1, CANARY_DAYS + 1)) {
            String[] f = line.split(",");
            plan.put(LocalDate.parse(f[0]), Double.parseDouble(f[1]));
        }
        ws.read(c -> {
            RampPlan.set(c, Side.variant("canary").planKeys(c).get(0), plan, RampPlan.BY_HAND);
            return null;
        });
    }

    private static List<Path> resolve(Path dir, List<String> names) {
        return names.stream().map(dir::resolve).toList();
    }

    /** Copies the bundled sample logs into {@code dir} and returns their paths. */
    public static List<Path> extractLogs(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> out = new java.util.ArrayList<>();
        for (String name : FILES) {
            try (InputStream in = SampleWorkspace.class.getResourceAsStream(RESOURCE_ROOT + name)) {
                if (in == null) throw new IOException("The sample log " + name + " is missing from this build");
                Path target = dir.resolve(name);
                Files.createDirectories(target.getParent());
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                out.add(target);
            }
        }
        return out;
    }

    /** Creates {@code file} as a new workspace holding the bundled sample logs. */
    public static Workspace create(Path file, ProgressSink progress) throws IOException {
        Path tmp = Files.createTempDirectory("shadowbench-sample");
        try {
            extractLogs(tmp);
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            Files.deleteIfExists(partial);
            Workspace ws = Workspace.open(partial);
            try {
                importInto(ws, tmp, progress);
            } finally {
                ws.close();
            }
            // Only a complete sample becomes the workspace: a crash half-way leaves no broken file behind.
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(partial.resolveSibling(partial.getFileName() + ".wal"));
            return Workspace.open(file);
        } finally {
            try (var walk = Files.walk(tmp)) {
                walk.sorted(java.util.Comparator.reverseOrder())
                        .forEach(q -> q.toFile().delete());
            }
        }
    }
}
