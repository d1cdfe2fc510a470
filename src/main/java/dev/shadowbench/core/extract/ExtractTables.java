package dev.shadowbench.core.extract;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tables of an extract (format version {@value #VERSION}, see src/site/markdown/extract.md): their columns with
 * the DuckDB type each is read as, and which may be left out. The workspace keeps each in schema {@code extract}
 * under the same name, with the extract's id first (migration V007).
 */
public final class ExtractTables {
    private ExtractTables() {}

    /** The format version this desk reads. */
    public static final int VERSION = 1;

    /** What {@code manifest.json}'s "format" says. */
    public static final String FORMAT = "shadowbench-extract";

    /** One column: its name and DuckDB type; {@code required} columns must not hold NULL. */
    public record Column(String name, String type, boolean required) {}

    /** One table: its name, columns in order, and whether an extract may leave it out (then it has no rows). */
    public record Table(String name, List<Column> columns, boolean optional) {
        /** The column names, comma separated, in order. */
        public String columnList() {
            return String.join(", ", columns.stream().map(Column::name).toList());
        }
    }

    private static Column c(String name, String type) {
        return new Column(name, type, false);
    }

    private static Column r(String name, String type) {
        return new Column(name, type, true);
    }

    private static final String D = "DATE", B = "BIGINT", F = "DOUBLE", S = "VARCHAR";

    /** Every table, in the order they are read. */
    public static final List<Table> ALL = List.of(
            new Table(
                    "side_days",
                    List.of(
                            c("day", D),
                            r("side", S),
                            r("rows", B),
                            r("ids", B),
                            r("predictions", B),
                            r("classes", B),
                            r("rankings", B),
                            r("latencies", B),
                            r("feedback", B),
                            r("feedback_ids", B),
                            r("complaint_ids", B)),
                    false),
            new Table(
                    "coverage",
                    List.of(c("day", D), r("paired", B), r("baseline_only", B), r("candidate_only", B)),
                    false),
            new Table(
                    "pair_groups",
                    List.of(c("day", D), c("segment", S), r("pairs", B), r("classed", B), r("differ", B)),
                    false),
            new Table(
                    "value_counts",
                    List.of(c("day", D), c("segment", S), r("measure", S), r("side", S), r("x", F), r("n", B)),
                    false),
            new Table(
                    "label_sums",
                    List.of(
                            c("day", D),
                            c("segment", S),
                            r("scope", S),
                            r("side", S),
                            r("n", B),
                            r("abs_err", F),
                            r("sq_err", F)),
                    true),
            new Table(
                    "class_pairs",
                    List.of(
                            c("day", D),
                            c("segment", S),
                            r("b_class", S),
                            r("c_class", S),
                            c("y", S),
                            r("n", B),
                            r("b_scored", B),
                            c("b_ln_p", F),
                            c("b_ln_q", F),
                            r("c_scored", B),
                            c("c_ln_p", F),
                            c("c_ln_q", F)),
                    true),
            new Table(
                    "class_arms",
                    List.of(
                            c("day", D),
                            c("segment", S),
                            r("side", S),
                            r("class", S),
                            c("y", S),
                            r("n", B),
                            r("scored", B),
                            c("ln_p", F),
                            c("ln_q", F)),
                    true),
            new Table(
                    "ranking_hits",
                    List.of(c("day", D), c("segment", S), r("n", B), r("b_hits", B), r("c_hits", B)),
                    true),
            new Table("ranking_items", List.of(c("day", D), r("side", S), r("item", S), r("n", B)), true),
            new Table(
                    "pairs",
                    List.of(
                            r("request_id", S),
                            c("ts", "TIMESTAMP"),
                            c("day", D),
                            c("segment", S),
                            c("b_prediction", F),
                            c("c_prediction", F),
                            c("b_class", S),
                            c("c_class", S),
                            c("b_ranking", "VARCHAR[]"),
                            c("c_ranking", "VARCHAR[]"),
                            c("b_latency", F),
                            c("c_latency", F),
                            c("b_feedback", S),
                            c("c_feedback", S),
                            c("label", F),
                            c("label_class", S),
                            r("sampled", "BOOLEAN"),
                            r("extreme", "BOOLEAN"),
                            r("flagged", "BOOLEAN")),
                    false),
            new Table(
                    "flagged",
                    List.of(c("day", D), r("request_id", S), r("rule", S), r("reason", S), c("score", F)),
                    true));

    /** Every measure of {@code value_counts} and the sides it is counted for. */
    public static final Map<String, Set<String>> MEASURES = Map.of(
            "prediction", Set.of("baseline", "candidate"),
            "latency", Set.of("baseline", "candidate"),
            "abs_difference", Set.of("pair"),
            "rel_difference", Set.of("pair"),
            "signed_difference", Set.of("pair"),
            "signed_rel_difference", Set.of("pair"),
            "pair_latency", Set.of("baseline", "candidate"),
            "ranking_divergence", Set.of("pair"));

    /** The values a column may hold where the format names them (table.column to values). */
    public static final Map<String, Set<String>> VALUES = values();

    private static Map<String, Set<String>> values() {
        Map<String, Set<String>> m = new LinkedHashMap<>();
        Set<String> sides = Set.of("baseline", "candidate");
        m.put("side_days.side", sides);
        m.put("class_arms.side", sides);
        m.put("ranking_items.side", sides);
        m.put("label_sums.side", sides);
        m.put("label_sums.scope", Set.of("pair", "arm"));
        m.put("value_counts.side", Set.of("baseline", "candidate", "pair"));
        m.put("value_counts.measure", Set.copyOf(MEASURES.keySet()));
        return Map.copyOf(m);
    }
}
