package dev.shadowbench.core.generate;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * Writes a realistic canary: per day, each request is served by exactly one arm, the candidate with the day's planned
 * share (1%, 20%, 50%, then 100%), the rest by the live version. Records carry {@code user_complaint} (true/false):
 * about 2% of live requests draw a complaint, more when the answer was far off, so the better candidate draws a bit
 * fewer. Labels arrive for part of the requests. Files: {@code DAY/live.jsonl} (none on a 100% day), {@code DAY/canary.jsonl},
 * {@code DAY/labels.csv} and {@code ramp.csv} (day,share: the plan, for {@code ramp --set}). Same seed, same bytes.
 */
public final class CanaryLogs {
    private CanaryLogs() {}

    /** The ramp's steps, one a day; days after the last stay at 100%. */
    public static final List<Double> RAMP = List.of(0.01, 0.2, 0.5, 1.0);
    /** Complaint probability of a request whose answer was within 25% of the truth. */
    static final double BASE_COMPLAINT = 0.018;
    /** Added when the answer was more than 25% off. */
    static final double OFF_COMPLAINT = 0.06;

    /** What was written. */
    public record Result(long requests, long liveRows, long canaryRows, long labels, long complaints) {}

    /** The planned candidate share on day {@code d} (0-based). */
    public static double share(int d) {
        return RAMP.get(Math.min(d, RAMP.size() - 1));
    }

    /** What a shadow period followed by a canary ramp wrote: the two parts. */
    public record Journey(SyntheticLogs.Result shadow, Result canary) {}

    /**
     * A candidate's whole journey under {@code dir}: {@code shadowDays} days of shadow from {@code o.firstDay()} (live +
     * shadow on every request, the anomalies of {@link SyntheticLogs}), then the canary ramp over {@code o.days()} days.
     * The requests are spread evenly over all days; the canary part uses seed {@code o.seed() + 1}. Same seed, same bytes.
     */
    public static Journey writeAfterShadow(Path dir, int shadowDays, SyntheticLogs.Options o, LongConsumer progress)
            throws IOException {
        if (shadowDays < 1) throw new IllegalArgumentException("--shadow-days must be at least 1");
        long perDay = o.requests() / (shadowDays + o.days());
        if (perDay < 1) throw new IllegalArgumentException("--requests must be at least the number of days");
        var shadow = new SyntheticLogs.Options(
                perDay * shadowDays, o.seed(), shadowDays, o.firstDay(), o.gzip(), o.labelledShare(), o.anomalyRate());
        var canary = new SyntheticLogs.Options(
                o.requests() - perDay * shadowDays,
                o.seed() + 1,
                o.days(),
                o.firstDay().plusDays(shadowDays),
                o.gzip(),
                o.labelledShare(),
                o.anomalyRate());
        SyntheticLogs.Result s = SyntheticLogs.write(dir, shadow, progress);
        Result c = write(dir, canary, n -> {
            if (progress != null) progress.accept(s.requests() + n);
        });
        return new Journey(s, c);
    }

    /** Writes the canary logs under {@code dir} ({@code o.anomalyRate()} is not used); {@code progress} gets requests written. */
    public static Result write(Path dir, SyntheticLogs.Options o, LongConsumer progress) throws IOException {
        Files.createDirectories(dir);
        SplittableRandom rnd = new SplittableRandom(o.seed());
        long written = 0, liveRows = 0, canaryRows = 0, labels = 0, complaints = 0;
        String ext = o.gzip() ? ".jsonl.gz" : ".jsonl";
        try (Writer ramp = SyntheticLogs.open(dir.resolve("ramp.csv"), false)) {
            ramp.write("day,share\n");
            StringBuilder sb = new StringBuilder(256);
            for (int d = 0; d < o.days(); d++) {
                LocalDate day = o.firstDay().plusDays(d);
                double share = share(d);
                ramp.write(day + "," + share + "\n");
                long n = o.requestsOn(d);
                Path dayDir = dir.resolve(day.toString());
                Files.createDirectories(dayDir);
                long dayStartMs = day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
                // a day the canary serves everything has no live file (an empty log is not a log)
                try (Writer live = share < 1
                                ? SyntheticLogs.open(dayDir.resolve("live" + ext), o.gzip())
                                : Writer.nullWriter();
                        Writer canary = SyntheticLogs.open(dayDir.resolve("canary" + ext), o.gzip());
                        Writer lab = SyntheticLogs.open(dayDir.resolve("labels.csv"), false)) {
                    lab.write("request_id,actual\n");
                    for (long i = 0; i < n; i++) {
                        String id = SyntheticLogs.requestId(rnd);
                        long t = dayStartMs + (long) (rnd.nextDouble() * 86_400_000L);
                        String ts = SyntheticLogs.TS.format(
                                java.time.Instant.ofEpochMilli(t).atOffset(ZoneOffset.UTC));
                        String seg = SyntheticLogs.SEGMENTS[SyntheticLogs.segment(rnd.nextDouble())];
                        double y = Math.exp(Math.log(40) + 0.5 * rnd.nextGaussian());
                        boolean toCanary = rnd.nextDouble() < share;
                        double pred =
                                toCanary ? y * (1 + 0.08 * rnd.nextGaussian()) : y * (1 + 0.12 * rnd.nextGaussian());
                        double lat =
                                toCanary ? SyntheticLogs.latency(rnd, 23, 0.35) : SyntheticLogs.latency(rnd, 20, 0.30);
                        double pComplaint = BASE_COMPLAINT + (Math.abs(pred - y) > 0.25 * y ? OFF_COMPLAINT : 0);
                        boolean complained = rnd.nextDouble() < pComplaint;
                        boolean labelled = rnd.nextDouble() < o.labelledShare();
                        sb.setLength(0);
                        sb.append("{\"request_id\":\"")
                                .append(id)
                                .append("\",\"timestamp\":\"")
                                .append(ts)
                                .append("\",\"model\":\"")
                                .append(toCanary ? SyntheticLogs.CANDIDATE_MODEL : SyntheticLogs.BASELINE_MODEL)
                                .append("\",\"model_version\":\"")
                                .append(toCanary ? SyntheticLogs.CANDIDATE_VERSION : SyntheticLogs.BASELINE_VERSION)
                                .append("\",\"variant\":\"")
                                .append(toCanary ? "canary" : "live")
                                .append("\",\"prediction\":")
                                .append(SyntheticLogs.fixed(pred, 4))
                                .append(",\"latency_ms\":")
                                .append(SyntheticLogs.fixed(lat, 3))
                                .append(",\"segment\":\"")
                                .append(seg)
                                .append("\",\"user_complaint\":")
                                .append(complained)
                                .append("}\n");
                        if (toCanary) {
                            canary.write(sb.toString());
                            canaryRows++;
                        } else {
                            live.write(sb.toString());
                            liveRows++;
                        }
                        if (complained) complaints++;
                        if (labelled) {
                            lab.write(id + "," + SyntheticLogs.fixed(y, 2) + "\n");
                            labels++;
                        }
                        written++;
                        if ((written & 0xFFFF) == 0 && progress != null) progress.accept(written);
                    }
                }
            }
        }
        if (progress != null) progress.accept(written);
        return new Result(written, liveRows, canaryRows, labels, complaints);
    }
}
