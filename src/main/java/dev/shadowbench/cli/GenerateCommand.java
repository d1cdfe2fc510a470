package dev.shadowbench.cli;

import dev.shadowbench.core.generate.CanaryLogs;
import dev.shadowbench.core.generate.FirstModelLogs;
import dev.shadowbench.core.generate.SyntheticLogs;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code generate}: synthetic live + shadow logs (or a canary ramp) for demos, tests and benchmarks. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = "Write synthetic live + shadow prediction logs (JSON Lines), labels and the injected anomalies.")
public final class GenerateCommand implements Callable<Integer> {
    @Option(
            names = {"-o", "--output"},
            required = true,
            description = "Folder to write into")
    Path output;

    @Option(names = "--requests", required = true, description = "Number of requests (pairs) in all")
    long requests;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--days", description = "Number of days (default 1; 4 with --canary)")
    Integer days;

    @Option(
            names = "--canary",
            description =
                    "Write a canary ramp instead: each request served by one arm (live or canary), "
                            + "the canary's share 1%%, 20%%, 50%%, 100%% on successive days, user_complaint on every record, ramp.csv with the plan")
    boolean canary;

    @Option(
            names = "--shadow-days",
            paramLabel = "N",
            description =
                    "With --canary: first N days of shadow (live + shadow on every request), then the ramp's days")
    Integer shadowDays;

    @Option(
            names = "--first-model",
            paramLabel = "TASK",
            description = "Write a first model's logs instead: one variant (shadow), no live model, labels for part "
                    + "of the requests; TASK is regression, classification or ranking (labels = clicked items)")
    String firstModel;

    @Option(names = "--first-day", defaultValue = "2026-11-20", description = "First day (default ${DEFAULT-VALUE})")
    LocalDate firstDay;

    @Option(names = "--gzip", description = "gzip the JSON Lines files")
    boolean gzip;

    @Option(
            names = "--labelled-share",
            defaultValue = "0.4",
            description = "Share of requests with a label (default ${DEFAULT-VALUE})")
    double labelled;

    @Option(
            names = "--anomaly-rate",
            defaultValue = "0.0005",
            description = "Rate of each injected anomaly kind (default ${DEFAULT-VALUE})")
    double anomalyRate;

    @Override
    public Integer call() throws Exception {
        int d = days != null ? days : canary ? CanaryLogs.RAMP.size() : 1;
        var o = new SyntheticLogs.Options(requests, seed, d, firstDay, gzip, labelled, anomalyRate);
        long start = System.nanoTime();
        if (firstModel != null) {
            if (canary) throw new IllegalArgumentException("--first-model and --canary exclude each other");
            FirstModelLogs.Task task = FirstModelLogs.Task.parse(firstModel);
            var r = FirstModelLogs.write(output, task, o, n -> {});
            System.err.printf(
                    Locale.ROOT,
                    "Wrote a first %s model's logs: %d requests (variant %s), %d label rows, over %d days to %s in %.1f s%n",
                    task.name().toLowerCase(Locale.ROOT),
                    r.requests(),
                    FirstModelLogs.VARIANT,
                    r.labels(),
                    d,
                    output,
                    (System.nanoTime() - start) / 1e9);
            return 0;
        }
        if (shadowDays != null && !canary) throw new IllegalArgumentException("--shadow-days needs --canary");
        if (canary && shadowDays != null) {
            var j = CanaryLogs.writeAfterShadow(output, shadowDays, o, n -> {});
            System.err.printf(
                    Locale.ROOT,
                    "Wrote %d days of shadow (%d requests: %d live rows, %d shadow rows, %d labels, %d injected anomalies) "
                            + "then %d days of canary (%d requests: %d live rows, %d canary rows, %d labels, %d complaints) "
                            + "to %s in %.1f s%n",
                    shadowDays,
                    j.shadow().requests(),
                    j.shadow().liveRows(),
                    j.shadow().shadowRows(),
                    j.shadow().labels(),
                    j.shadow().anomalies(),
                    d,
                    j.canary().requests(),
                    j.canary().liveRows(),
                    j.canary().canaryRows(),
                    j.canary().labels(),
                    j.canary().complaints(),
                    output,
                    (System.nanoTime() - start) / 1e9);
            return 0;
        }
        if (canary) {
            var r = CanaryLogs.write(output, o, n -> {});
            System.err.printf(
                    java.util.Locale.ROOT,
                    "Wrote %d requests (%d live rows, %d canary rows, %d labels, %d complaints) "
                            + "over %d days to %s in %.1f s%n",
                    r.requests(),
                    r.liveRows(),
                    r.canaryRows(),
                    r.labels(),
                    r.complaints(),
                    d,
                    output,
                    (System.nanoTime() - start) / 1e9);
            return 0;
        }
        var r = SyntheticLogs.write(output, o, n -> {});
        System.err.printf(
                Locale.ROOT,
                "Wrote %d requests (%d live rows, %d shadow rows, %d labels, %d injected anomalies) to %s in %.1f s%n",
                r.requests(),
                r.liveRows(),
                r.shadowRows(),
                r.labels(),
                r.anomalies(),
                output,
                (System.nanoTime() - start) / 1e9);
        return 0;
    }
}
