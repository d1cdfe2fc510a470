package dev.shadowbench.core.outliers;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shadowbench.core.BadInputException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which outlier rules run and their thresholds, immutable. Written {@code rule.key=value} on the command line
 * (e.g. {@code extreme.mad_k=8}, {@code leak.enabled=false}) and stored as JSON in the workspace settings.
 */
public final class OutlierSettings {

    /** One tunable figure of a rule, with its default and what it means. */
    public record Param(String rule, String key, double defaultValue, double min, double max, String meaning) {
        public String name() {
            return rule + "." + key;
        }
    }

    /** Every rule and its parameters, in the order the Outliers screen shows them. */
    public static final List<String> RULES = List.of(
            "extreme", "divergence", "negative", "above_one", "label_match", "leak", "margin", "degenerate", "latency");

    private static final Map<String, String> RULE_MEANING = Map.ofEntries(
            Map.entry(
                    "extreme",
                    "Candidate prediction far from the candidate's median, in robust SDs (log-odds for scores, log"
                            + " scale for positive data)"),
            Map.entry(
                    "divergence",
                    "Candidate far from the baseline on the same request: the difference far from the typical one,"
                            + " in robust SDs"),
            Map.entry("negative", "Negative candidate prediction where the baseline never goes negative"),
            Map.entry("above_one", "Candidate above 1 where the baseline is a score that never leaves [0, 1]"),
            Map.entry(
                    "label_match",
                    "Candidate equals the ground-truth label at the label's precision, the baseline does not"),
            Map.entry("leak", "Candidate error on a labelled request far below the baseline's"),
            Map.entry("margin", "Candidate better than the baseline overall by an implausible margin (banner)"),
            Map.entry("degenerate", "Constant output, NaN or infinite values, a jump in the share of nulls (banners)"),
            Map.entry("latency", "Implausibly fast answers (flagged) and the share over the latency budget (banner)"));

    public static final List<Param> PARAMS = List.of(
            new Param("extreme", "mad_k", 8, 1, 1000, "robust SDs (1.4826 x MAD) from the median that flag a value"),
            new Param("extreme", "bands", 12, 1, 100, "bands of baseline values, each with its own median and MAD"),
            new Param("divergence", "mad_k", 4, 1, 1000, "robust SDs from the typical difference that flag a pair"),
            new Param("divergence", "bands", 12, 1, 100, "bands of baseline values, each with its own median and MAD"),
            new Param("leak", "ratio", 0.001, 0, 1, "flag when candidate error < ratio x baseline error"),
            new Param("margin", "max_error_ratio", 0.5, 0, 1, "banner when candidate MAE / baseline MAE is below this"),
            new Param("margin", "min_labels", 30, 1, 1e12, "labelled pairs needed before judging the margin"),
            new Param(
                    "degenerate", "mode_share", 0.5, 0, 1, "banner when one candidate value is this share of answers"),
            new Param(
                    "degenerate",
                    "spread_ratio",
                    0.01,
                    0,
                    1,
                    "banner when candidate spread / baseline spread is below this"),
            new Param(
                    "degenerate",
                    "null_jump",
                    0.01,
                    0,
                    1,
                    "banner when candidate null share exceeds baseline's by this"),
            new Param(
                    "latency", "fast_ratio", 0.05, 0, 1, "flag answers faster than this share of the candidate median"),
            new Param("latency", "fast_max_share", 0, 0, 1, "warn when the share of too-fast answers exceeds this"),
            new Param(
                    "latency",
                    "budget_ms",
                    dev.shadowbench.core.compare.LatencyBudget.DEFAULT_MS,
                    0,
                    1e9,
                    "latency budget in milliseconds (the workspace's one budget)"),
            new Param(
                    "latency",
                    "slow_max_share",
                    0.01,
                    0,
                    1,
                    "warn when the share of answers over budget exceeds this"));

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Boolean> enabled;
    private final Map<String, Double> values;

    private OutlierSettings(Map<String, Boolean> enabled, Map<String, Double> values) {
        this.enabled = Map.copyOf(enabled);
        this.values = Map.copyOf(values);
    }

    /** Every rule on, every threshold at its default: false alarms stay rare on healthy data. */
    public static OutlierSettings defaults() {
        Map<String, Boolean> e = new LinkedHashMap<>();
        for (String r : RULES) e.put(r, true);
        Map<String, Double> v = new LinkedHashMap<>();
        for (Param p : PARAMS) v.put(p.name(), p.defaultValue());
        return new OutlierSettings(e, v);
    }

    /** Defaults changed by {@code rule.key=value} assignments (command-line style); bad ones are BadInputException. */
    public static OutlierSettings parse(Collection<String> assignments) {
        OutlierSettings s = defaults();
        for (String a : assignments) s = s.with(a);
        return s;
    }

    /** A copy with one {@code rule.key=value} assignment applied ({@code rule.enabled=true|false|on|off}). */
    public OutlierSettings with(String assignment) {
        int eq = assignment.indexOf('=');
        if (eq < 0)
            throw new BadInputException("--rule '" + assignment + "': expected RULE.KEY=VALUE, e.g. extreme.mad_k=8");
        String name = assignment.substring(0, eq).trim().toLowerCase(Locale.ROOT);
        String value = assignment.substring(eq + 1).trim();
        int dot = name.indexOf('.');
        if (dot < 0)
            throw new BadInputException("--rule '" + assignment + "': expected RULE.KEY=VALUE, e.g. extreme.mad_k=8");
        String rule = name.substring(0, dot), key = name.substring(dot + 1);
        if (!RULES.contains(rule)) {
            throw new BadInputException(
                    "--rule '" + assignment + "': unknown rule '" + rule + "'; known: " + String.join(", ", RULES));
        }
        if (key.equals("enabled")) {
            Boolean on =
                    switch (value.toLowerCase(Locale.ROOT)) {
                        case "true", "on", "yes", "1" -> true;
                        case "false", "off", "no", "0" -> false;
                        default -> null;
                    };
            if (on == null) throw new BadInputException("--rule '" + assignment + "': enabled is true or false");
            return withEnabled(rule, on);
        }
        Param p = param(rule, key);
        double v;
        try {
            v = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new BadInputException("--rule '" + assignment + "': '" + value + "' is not a number");
        }
        return withValue(p.name(), v);
    }

    public OutlierSettings withEnabled(String rule, boolean on) {
        if (!RULES.contains(rule)) throw new BadInputException("Unknown outlier rule '" + rule + "'");
        Map<String, Boolean> e = new LinkedHashMap<>(enabled);
        e.put(rule, on);
        return new OutlierSettings(e, values);
    }

    /** A copy with parameter {@code name} ("rule.key") set; out-of-range values are BadInputException. */
    public OutlierSettings withValue(String name, double v) {
        int dot = name.indexOf('.');
        Param p = dot < 0 ? null : param(name.substring(0, dot), name.substring(dot + 1));
        if (p == null) throw new BadInputException("Unknown outlier setting '" + name + "'");
        if (!Double.isFinite(v) || v < p.min() || v > p.max()) {
            throw new BadInputException(
                    "--rule " + name + "=" + v + ": must be between " + fmt(p.min()) + " and " + fmt(p.max()));
        }
        Map<String, Double> m = new LinkedHashMap<>(values);
        m.put(name, v);
        return new OutlierSettings(enabled, m);
    }

    private static Param param(String rule, String key) {
        for (Param p : PARAMS) if (p.rule().equals(rule) && p.key().equals(key)) return p;
        List<String> keys = new ArrayList<>(List.of("enabled"));
        for (Param p : PARAMS) if (p.rule().equals(rule)) keys.add(p.key());
        throw new BadInputException(
                "Unknown setting '" + key + "' for outlier rule '" + rule + "'; known: " + String.join(", ", keys));
    }

    public boolean enabled(String rule) {
        return enabled.getOrDefault(rule, true);
    }

    public double value(String name) {
        Double v = values.get(name);
        if (v == null) throw new IllegalArgumentException("No outlier setting " + name);
        return v;
    }

    public static String meaning(String rule) {
        return RULE_MEANING.get(rule);
    }

    /** The JSON form: {"extreme": {"enabled": true, "mad_k": 8.0}, ...}. */
    @JsonValue
    public Map<String, Map<String, Object>> asMap() {
        Map<String, Map<String, Object>> m = new LinkedHashMap<>();
        for (String r : RULES) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("enabled", enabled(r));
            for (Param p : PARAMS) if (p.rule().equals(r)) one.put(p.key(), values.get(p.name()));
            m.put(r, one);
        }
        return m;
    }

    /** Reads the JSON form; rules or keys it does not know are ignored and missing ones keep their defaults. */
    @JsonCreator
    public static OutlierSettings fromMap(Map<String, Map<String, Object>> m) {
        OutlierSettings s = defaults();
        if (m == null) return s;
        for (var rule : m.entrySet()) {
            if (!RULES.contains(rule.getKey()) || rule.getValue() == null) continue;
            for (var kv : rule.getValue().entrySet()) {
                Object v = kv.getValue();
                try {
                    if (kv.getKey().equals("enabled") && v instanceof Boolean b) s = s.withEnabled(rule.getKey(), b);
                    else if (v instanceof Number n) s = s.withValue(rule.getKey() + "." + kv.getKey(), n.doubleValue());
                } catch (BadInputException ignored) {
                    // a stale or hand-edited value keeps its default rather than losing every setting
                }
            }
        }
        return s;
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses {@link #toJson()}; unreadable text gives the defaults (settings are a convenience, not data). */
    public static OutlierSettings fromJson(String json) {
        if (json == null || json.isBlank()) return defaults();
        try {
            return JSON.readValue(json, OutlierSettings.class);
        } catch (JsonProcessingException e) {
            return defaults();
        }
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OutlierSettings s && s.enabled.equals(enabled) && s.values.equals(values);
    }

    @Override
    public int hashCode() {
        return enabled.hashCode() * 31 + values.hashCode();
    }

    @Override
    public String toString() {
        return toJson();
    }
}
