package dev.shadowbench.spark;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where two {@code summary --json} objects differ as printed: whole numbers exactly, other numbers at 3 significant
 * digits (the desk's FigureFormat.num), text exactly. The outlier figures are left out: the job does not flag pairs
 * yet (manifest outliers.computed_by = "none"), so the extract holds none.
 */
final class SummaryDiff {
    private SummaryDiff() {}

    /** Keys whose figures come from the pair rules the job does not run yet. */
    static final Set<String> OUTLIER_KEYS =
            Set.of("outliers", "outlier_counts", "findings", "flagged_pairs", "flagged_share", "unavailable");

    static List<String> of(JsonNode raw, JsonNode extract) {
        List<String> out = new ArrayList<>();
        walk(raw, extract, "", out);
        return out;
    }

    private static void walk(JsonNode a, JsonNode b, String path, List<String> out) {
        if (a.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
                var e = it.next();
                if (OUTLIER_KEYS.contains(e.getKey())) continue;
                // the verdict's score counts the outlier gate, which has no flags to count in the extract
                if (path.equals("/verdict") && e.getKey().equals("score")) continue;
                if (e.getValue().isObject()
                        && "outlier_share".equals(e.getValue().path("name").asText())) continue;
                JsonNode other = b == null ? null : b.get(e.getKey());
                if (other == null) out.add(path + "/" + e.getKey() + " missing");
                else walk(e.getValue(), other, path + "/" + e.getKey(), out);
            }
        } else if (a.isArray()) {
            if (!b.isArray() || a.size() != b.size()) {
                out.add(path + " has " + a.size() + " elements, not " + (b.isArray() ? b.size() : b.toString()));
                return;
            }
            for (int i = 0; i < a.size(); i++) {
                if ("outlier_share".equals(a.get(i).path("name").asText())) continue;
                walk(a.get(i), b.get(i), path + "[" + i + "]", out);
            }
        } else if (a.isIntegralNumber() && b.isIntegralNumber()) {
            if (a.asLong() != b.asLong()) out.add(path + ": " + a + " vs " + b);
        } else if (a.isNumber() && b.isNumber()) {
            if (!g3(a.asDouble()).equals(g3(b.asDouble()))) out.add(path + ": " + a + " vs " + b);
        } else if (!a.equals(b)) {
            out.add(path + ": " + a + " vs " + b);
        }
    }

    private static String g3(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
