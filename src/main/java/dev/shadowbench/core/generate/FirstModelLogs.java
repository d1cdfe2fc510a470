package dev.shadowbench.core.generate;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * Writes a first model's logs: one variant ({@value #VARIANT}, no live model to pair with), labels for part of the
 * requests, one folder per day. For a regression (delivery minutes), a binary classification (will the order be late,
 * class 1 for about a third) or a ranking (ten recommended items; the labels are the items clicked, one row per
 * click), so each kind of synthetic baseline has something to be fitted on. Same seed, same bytes.
 */
public final class FirstModelLogs {
    private FirstModelLogs() {}

    /** The one variant a first model is logged under. */
    public static final String VARIANT = "shadow";

    public static final String MODEL = "first";
    public static final String VERSION = "1.0.0";

    /** Items a recommender chooses from, and how many it ranks. */
    static final int ITEMS = 200, RANKED = 10;

    /** What the model does. */
    public enum Task {
        REGRESSION,
        CLASSIFICATION,
        RANKING;

        public static Task parse(String s) {
            try {
                return valueOf(s.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "--first-model '" + s + "': use regression, classification or ranking");
            }
        }
    }

    /** What was written: requests (one row each) and label rows (clicks for a ranking). */
    public record Result(long requests, long labels) {}

    public static Result write(Path dir, Task task, SyntheticLogs.Options o, LongConsumer progress) throws IOException {
        Files.createDirectories(dir);
        SplittableRandom rnd = new SplittableRandom(o.seed());
        double[] popularity = zipf(ITEMS, 1.1);
        long written = 0, labels = 0;
        for (int d = 0; d < o.days(); d++) {
            LocalDate day = o.firstDay().plusDays(d);
            long n = o.requestsOn(d);
            Path dayDir = dir.resolve(day.toString());
            Files.createDirectories(dayDir);
            long dayStartMs = day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            try (Writer out = SyntheticLogs.open(dayDir.resolve(VARIANT + ".jsonl"), false);
                    Writer lab = SyntheticLogs.open(dayDir.resolve("labels.csv"), false)) {
                lab.write("request_id,actual\n");
                for (long i = 0; i < n; i++) {
                    String id = SyntheticLogs.requestId(rnd);
                    long t = dayStartMs + (long) (rnd.nextDouble() * 86_400_000L);
                    String ts = SyntheticLogs.TS.format(Instant.ofEpochMilli(t).atOffset(ZoneOffset.UTC));
                    String segment = SyntheticLogs.SEGMENTS[SyntheticLogs.segment(rnd.nextDouble())];
                    String latency = SyntheticLogs.fixed(SyntheticLogs.latency(rnd, 23, 0.35), 3);
                    boolean labelled = rnd.nextDouble() < o.labelledShare();
                    StringBuilder rec = new StringBuilder(256)
                            .append("{\"request_id\":\"")
                            .append(id)
                            .append("\",\"timestamp\":\"")
                            .append(ts)
                            .append("\",\"model\":\"" + MODEL + "\",\"model_version\":\"" + VERSION
                                    + "\",\"variant\":\"")
                            .append(VARIANT)
                            .append("\",");
                    switch (task) {
                        case REGRESSION -> {
                            // delivery minutes, log-normal around 40; the model is off by about 8%
                            double y = Math.exp(Math.log(40) + 0.5 * rnd.nextGaussian());
                            double p = y * (1 + 0.08 * rnd.nextGaussian());
                            rec.append("\"prediction\":").append(SyntheticLogs.fixed(p, 4));
                            if (labelled) labels += label(lab, id, SyntheticLogs.fixed(y, 2));
                        }
                        case CLASSIFICATION -> {
                            // late (1) for about a third; the score separates the classes well, not perfectly
                            int y = rnd.nextDouble() < 0.35 ? 1 : 0;
                            double logit = (y == 1 ? 1.6 : -1.6) + 1.1 * rnd.nextGaussian();
                            double score = 1 / (1 + Math.exp(-logit));
                            rec.append("\"predicted_class\":\"")
                                    .append(score >= 0.5 ? 1 : 0)
                                    .append("\",\"prediction\":")
                                    .append(SyntheticLogs.fixed(score, 4));
                            if (labelled) labels += label(lab, id, Integer.toString(y));
                        }
                        case RANKING -> {
                            // half the clicks go to a personal taste (any item), half to the popular ones; the model
                            // finds the personal item 70% of the time and fills its list with the most popular
                            int personal = rnd.nextInt(ITEMS);
                            boolean found = rnd.nextDouble() < 0.7;
                            java.util.List<String> ranked = new java.util.ArrayList<>(RANKED);
                            for (int k = 0; ranked.size() < (found ? RANKED - 1 : RANKED); k++) {
                                if (!(found && k == personal)) ranked.add(item(k));
                            }
                            if (found) ranked.add(rnd.nextInt(RANKED), item(personal));
                            rec.append("\"ranking\":[\"")
                                    .append(String.join("\",\"", ranked))
                                    .append('"');
                            rec.append(']');
                            if (labelled) {
                                int clicks = rnd.nextDouble() < 0.8 ? 1 : 2;
                                for (int c = 0; c < clicks; c++) {
                                    int clicked =
                                            rnd.nextDouble() < 0.5 ? personal : draw(popularity, rnd.nextDouble());
                                    labels += label(lab, id, item(clicked));
                                }
                            }
                        }
                    }
                    rec.append(",\"latency_ms\":")
                            .append(latency)
                            .append(",\"segment\":\"")
                            .append(segment)
                            .append("\"}\n");
                    out.write(rec.toString());
                    written++;
                    if ((written & 0xFFFF) == 0 && progress != null) progress.accept(written);
                }
            }
        }
        if (progress != null) progress.accept(written);
        return new Result(written, labels);
    }

    private static int label(Writer lab, String id, String value) throws IOException {
        lab.write(id + "," + value + "\n");
        return 1;
    }

    static String item(int k) {
        return String.format(Locale.ROOT, "item-%03d", k);
    }

    /** Cumulative Zipf weights over {@code n} items (item 0 the most popular). */
    static double[] zipf(int n, double s) {
        double[] cum = new double[n];
        double total = 0;
        for (int k = 0; k < n; k++) total += 1 / Math.pow(k + 1, s);
        double acc = 0;
        for (int k = 0; k < n; k++) {
            acc += 1 / Math.pow(k + 1, s) / total;
            cum[k] = acc;
        }
        return cum;
    }

    static int draw(double[] cum, double u) {
        for (int k = 0; k < cum.length; k++) if (u < cum[k]) return k;
        return cum.length - 1;
    }
}
