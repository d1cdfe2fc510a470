package dev.shadowbench.core.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import java.util.zip.GZIPOutputStream;

/**
 * Writes realistic live + shadow prediction logs for a delivery-time regression model (JSON Lines, one
 * file per variant per day), labels for part of the requests, and a list of the anomalies it injected.
 * Everything streams, so tens of millions of requests cost disk, not memory. Same seed, same bytes.
 */
public final class SyntheticLogs {

    /** What to generate. */
    public record Options(
            long requests,
            long seed,
            int days,
            LocalDate firstDay,
            boolean gzip,
            double labelledShare,
            double anomalyRate) {
        /** Requests written on day {@code d} (0-based): an even share, the remainder on the last day. */
        public long requestsOn(int d) {
            long perDay = requests / days;
            return d == days - 1 ? requests - perDay * (days - 1) : perDay;
        }

        public Options {
            if (requests < 1) throw new IllegalArgumentException("--requests must be at least 1");
            if (days < 1) throw new IllegalArgumentException("--days must be at least 1");
            if (labelledShare < 0 || labelledShare > 1)
                throw new IllegalArgumentException("labelled share must be in [0, 1]");
        }

        public static Options of(long requests, long seed, int days) {
            return new Options(requests, seed, days, LocalDate.of(2026, 11, 20), false, 0.4, 0.0005);
        }

        public Options withGzip(boolean gz) {
            return new Options(requests, seed, days, firstDay, gz, labelledShare, anomalyRate);
        }
    }

    /** What was written. */
    public record Result(long requests, long liveRows, long shadowRows, long labels, long anomalies) {}

    public static final String BASELINE_MODEL = "ridge";
    public static final String BASELINE_VERSION = "1.4.0";
    public static final String CANDIDATE_MODEL = "gbr";
    public static final String CANDIDATE_VERSION = "2.0.0-rc1";

    static final String[] SEGMENTS = {"web", "ios", "android", "partner"};
    private static final double[] SEGMENT_CUM = {0.45, 0.70, 0.95, 1.0};
    static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT);

    private SyntheticLogs() {}

    /** Writes the logs under {@code dir}; {@code progress} receives the number of requests written so far. */
    public static Result write(Path dir, Options o, LongConsumer progress) throws IOException {
        Files.createDirectories(dir);
        SplittableRandom rnd = new SplittableRandom(o.seed());
        long written = 0, liveRows = 0, shadowRows = 0, labels = 0, anomalies = 0;
        String ext = o.gzip() ? ".jsonl.gz" : ".jsonl";
        try (Writer anomalyOut = open(dir.resolve("anomalies.csv"), false)) {
            anomalyOut.write("request_id,kind\n");
            for (int d = 0; d < o.days(); d++) {
                LocalDate day = o.firstDay().plusDays(d);
                long n = o.requestsOn(d);
                Path dayDir = dir.resolve(day.toString());
                Files.createDirectories(dayDir);
                long dayStartMs = day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
                try (Writer live = open(dayDir.resolve("live" + ext), o.gzip());
                        Writer shadow = open(dayDir.resolve("shadow" + ext), o.gzip());
                        Writer lab = open(dayDir.resolve("labels.csv"), false)) {
                    lab.write("request_id,actual\n");
                    StringBuilder sb = new StringBuilder(256);
                    for (long i = 0; i < n; i++) {
                        String id = requestId(rnd);
                        long t = dayStartMs + (long) (rnd.nextDouble() * 86_400_000L);
                        String ts = TS.format(java.time.Instant.ofEpochMilli(t).atOffset(ZoneOffset.UTC));
                        int seg = segment(rnd.nextDouble());
                        // truth: delivery minutes, log-normal around 40
                        double y = Math.exp(Math.log(40) + 0.5 * rnd.nextGaussian());
                        double base = y * (1 + 0.12 * rnd.nextGaussian());
                        double cand = y * (1 + 0.08 * rnd.nextGaussian()) * (seg == 3 ? 1.05 : 1.0);
                        double latBase = latency(rnd, 20, 0.30);
                        double latCand = latency(rnd, 23, 0.35);
                        boolean labelled = rnd.nextDouble() < o.labelledShare();
                        String yText = fixed(y, 2);
                        String candText = null;
                        String anomaly = null;
                        double a = rnd.nextDouble();
                        double r = o.anomalyRate();
                        if (a < r) {
                            anomaly = "extreme_high";
                            cand = y * (8 + 12 * rnd.nextDouble());
                        } else if (a < 2 * r) {
                            anomaly = "extreme_low";
                            cand = -y * (0.5 + 1.5 * rnd.nextDouble());
                        } else if (a < 3 * r) {
                            anomaly = "label_match";
                            labelled = true;
                            candText = yText;
                        } else if (a < 4 * r) {
                            anomaly = "fast_latency";
                            latCand = 0.05 + 0.1 * rnd.nextDouble();
                        } else if (a < 10 * r) {
                            anomaly = "missing_shadow";
                        } else if (a < 12 * r) {
                            anomaly = "duplicate_live";
                        }
                        if (candText == null) candText = fixed(cand, 4);
                        String segName = SEGMENTS[seg];
                        record(
                                sb,
                                id,
                                ts,
                                BASELINE_MODEL,
                                BASELINE_VERSION,
                                "live",
                                fixed(base, 4),
                                fixed(latBase, 3),
                                segName);
                        live.write(sb.toString());
                        liveRows++;
                        if ("duplicate_live".equals(anomaly)) {
                            live.write(sb.toString());
                            liveRows++;
                        }
                        if (!"missing_shadow".equals(anomaly)) {
                            record(
                                    sb,
                                    id,
                                    ts,
                                    CANDIDATE_MODEL,
                                    CANDIDATE_VERSION,
                                    "shadow",
                                    candText,
                                    fixed(latCand, 3),
                                    segName);
                            shadow.write(sb.toString());
                            shadowRows++;
                        }
                        if (labelled) {
                            lab.write(id);
                            lab.write(',');
                            lab.write(yText);
                            lab.write('\n');
                            labels++;
                        }
                        if (anomaly != null) {
                            anomalyOut.write(id + "," + anomaly + "\n");
                            anomalies++;
                        }
                        written++;
                        if ((written & 0xFFFF) == 0 && progress != null) progress.accept(written);
                    }
                }
            }
        }
        if (progress != null) progress.accept(written);
        return new Result(written, liveRows, shadowRows, labels, anomalies);
    }

    private static void record(
            StringBuilder sb,
            String id,
            String ts,
            String model,
            String version,
            String variant,
            String prediction,
            String latency,
            String segment) {
        sb.setLength(0);
        sb.append("{\"request_id\":\"")
                .append(id)
                .append("\",\"timestamp\":\"")
                .append(ts)
                .append("\",\"model\":\"")
                .append(model)
                .append("\",\"model_version\":\"")
                .append(version)
                .append("\",\"variant\":\"")
                .append(variant)
                .append("\",\"prediction\":")
                .append(prediction)
                .append(",\"latency_ms\":")
                .append(latency)
                .append(",\"segment\":\"")
                .append(segment)
                .append("\"}\n");
    }

    static Writer open(Path f, boolean gzip) throws IOException {
        OutputStream out = Files.newOutputStream(f);
        if (gzip) out = new GZIPOutputStream(out, 1 << 16);
        return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 20);
    }

    static String requestId(SplittableRandom rnd) {
        String hex = Long.toHexString(rnd.nextLong() | Long.MIN_VALUE); // always 16 digits
        return "req-" + hex;
    }

    static int segment(double u) {
        for (int i = 0; i < SEGMENT_CUM.length; i++) if (u < SEGMENT_CUM[i]) return i;
        return SEGMENT_CUM.length - 1;
    }

    /** Log-normal latency around {@code medianMs}, with a slow tail: 1% of requests take 4-12x longer. */
    static double latency(SplittableRandom rnd, double medianMs, double sigma) {
        double v = Math.exp(Math.log(medianMs) + sigma * rnd.nextGaussian());
        if (rnd.nextDouble() < 0.01) v *= 4 + 8 * rnd.nextDouble();
        return v;
    }

    /** Fixed-point text without String.format (hot loop) and never in scientific notation. */
    static String fixed(double v, int decimals) {
        long scale = 1;
        for (int i = 0; i < decimals; i++) scale *= 10;
        long scaled = Math.round(Math.abs(v) * scale);
        StringBuilder sb = new StringBuilder(24);
        if (v < 0 && scaled != 0) sb.append('-');
        sb.append(scaled / scale);
        if (decimals > 0) {
            String frac = Long.toString(scaled % scale);
            sb.append('.');
            for (int i = frac.length(); i < decimals; i++) sb.append('0');
            sb.append(frac);
        }
        return sb.toString();
    }
}
