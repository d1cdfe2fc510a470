package dev.shadowbench.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The pairs the desk shows one by one, chosen per day without sorting the day's pairs: the seeded sample (the first
 * {@code size} pairs of the day by {@code md5(seed:request_id)}, as the desk's RandomSample orders them) and the
 * extremes (the {@code extremes} largest |candidate - baseline| of the day's other pairs, then by request id). Each
 * partition keeps its own best candidates per day in a bounded heap; the driver merges those few rows.
 */
final class Sample {
    private Sample() {}

    /** A candidate pair: its day (null: no timestamp), id, sample key and |difference| (null without both). */
    public record Candidate(String day, String requestId, String key, Double absDiff) implements Serializable {}

    /** The chosen ids: sampled and extreme. */
    record Chosen(Set<String> sampled, Set<String> extremes) {}

    static Chosen choose(SparkSession spark, long seed, int size, int extremes) {
        Dataset<Row> pairs = spark.sql("SELECT CAST(day AS STRING) AS day, request_id, md5(concat('" + seed
                + ":', request_id)) AS key, abs(c_prediction - b_prediction) AS abs_diff FROM " + Tables.pairs());
        int keep = size + extremes;
        MapPartitionsFunction<Row, Candidate> best = rows -> {
            Map<String, PriorityQueue<Candidate>> byKey = new HashMap<>(), byDiff = new HashMap<>();
            while (rows.hasNext()) {
                Row r = rows.next();
                Candidate c = new Candidate(
                        r.isNullAt(0) ? null : r.getString(0),
                        r.getString(1),
                        r.getString(2),
                        r.isNullAt(3) ? null : r.getDouble(3));
                offer(
                        byKey.computeIfAbsent(c.day(), d -> new PriorityQueue<>(SAMPLE_ORDER.reversed())),
                        c,
                        size,
                        SAMPLE_ORDER);
                if (c.absDiff() != null && extremes > 0) {
                    offer(
                            byDiff.computeIfAbsent(c.day(), d -> new PriorityQueue<>(EXTREME_ORDER.reversed())),
                            c,
                            keep,
                            EXTREME_ORDER);
                }
            }
            List<Candidate> out = new ArrayList<>();
            byKey.values().forEach(out::addAll);
            byDiff.values().forEach(out::addAll);
            return out.iterator();
        };
        List<Candidate> found = pairs.mapPartitions(best, Encoders.javaSerialization(Candidate.class))
                .collectAsList();
        Map<String, List<Candidate>> perDay = new HashMap<>();
        for (Candidate c : found)
            perDay.computeIfAbsent(c.day(), d -> new ArrayList<>()).add(c);
        Set<String> sampled = new HashSet<>(), extreme = new HashSet<>();
        for (List<Candidate> day : perDay.values()) {
            List<Candidate> distinct = new ArrayList<>(day.stream()
                    .collect(java.util.stream.Collectors.toMap(Candidate::requestId, c -> c, (a, b) -> a))
                    .values());
            distinct.sort(SAMPLE_ORDER);
            Set<String> daySample = new HashSet<>();
            for (Candidate c : distinct.subList(0, Math.min(size, distinct.size()))) daySample.add(c.requestId());
            sampled.addAll(daySample);
            distinct.sort(EXTREME_ORDER);
            int n = 0;
            for (Candidate c : distinct) {
                if (n >= extremes) break;
                if (c.absDiff() == null || daySample.contains(c.requestId())) continue;
                extreme.add(c.requestId());
                n++;
            }
        }
        return new Chosen(sampled, extreme);
    }

    /** The desk's sample order: md5 hex text, ascending (ids are unique within a day's pairs). */
    static final Comparator<Candidate> SAMPLE_ORDER = Comparator.comparing(Candidate::key);

    /** Largest |difference| first, then request id. */
    static final Comparator<Candidate> EXTREME_ORDER = Comparator.comparing(
                    (Candidate c) -> c.absDiff(), Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Candidate::requestId);

    /** Keeps the {@code limit} first by {@code order} in {@code heap} (whose head is the worst kept). */
    private static void offer(PriorityQueue<Candidate> heap, Candidate c, int limit, Comparator<Candidate> order) {
        if (limit <= 0) return;
        if (heap.size() < limit) heap.add(c);
        else if (order.compare(c, heap.peek()) < 0) {
            heap.poll();
            heap.add(c);
        }
    }
}
