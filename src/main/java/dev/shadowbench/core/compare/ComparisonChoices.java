package dev.shadowbench.core.compare;

import dev.shadowbench.core.workspace.Workspace;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a workspace offers to compare: each variant, each model version within it, the days covered, and the synthetic
 * baselines among the variants (variant name to its recipe in words).
 */
public record ComparisonChoices(
        List<Side> sides,
        LocalDate firstDay,
        LocalDate lastDay,
        Map<String, String> syntheticBaselines,
        Map<String, java.util.NavigableSet<LocalDate>> daysByVariant) {

    /** {@code cmp} with the window its candidate's days suggest ({@link DefaultWindow}): the bar's window on a new pair of sides. */
    public Comparison withDefaultWindow(Comparison cmp) {
        return DefaultWindow.follow(cmp, daysByVariant);
    }

    /** The recipe in words of the synthetic baseline {@code side} names, or null when it is a real model's side. */
    public String recipeOf(Side side) {
        return side == null || side.variant() == null ? null : syntheticBaselines.get(side.variant());
    }

    public static ComparisonChoices of(Workspace ws) {
        return ws.read(c -> {
            List<Side> variants = new ArrayList<>();
            List<Side> versions = new ArrayList<>();
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("""
                         SELECT variant, model, version FROM predictions GROUP BY ALL
                         ORDER BY variant, model NULLS FIRST, version NULLS FIRST""")) {
                String lastVariant = null;
                while (rs.next()) {
                    String v = rs.getString(1);
                    if (!v.equals(lastVariant)) variants.add(Side.variant(v));
                    lastVariant = v;
                    if (rs.getString(2) != null || rs.getString(3) != null) {
                        versions.add(new Side(v, rs.getString(2), rs.getString(3)));
                    }
                }
            }
            // the sides of imported Spark extracts (ExtractPairing), as their manifests name them
            try (Statement st = c.createStatement();
                    ResultSet rs =
                            st.executeQuery("SELECT baseline, candidate FROM extract.extracts ORDER BY extract_id")) {
                while (rs.next()) {
                    for (int i = 1; i <= 2; i++) {
                        Side s = Side.parse(rs.getString(i));
                        if (!variants.contains(s) && !versions.contains(s)) variants.add(s);
                    }
                }
            }
            List<Side> all = new ArrayList<>(variants);
            // A variant holding one model version needs no second entry for it.
            for (Side s : versions) {
                if (versions.stream()
                                .filter(o -> o.variant().equals(s.variant()))
                                .count()
                        > 1) all.add(s);
            }
            Map<String, String> baselines = new LinkedHashMap<>();
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT name, description FROM synthetic_baselines ORDER BY name")) {
                while (rs.next()) baselines.put(rs.getString(1), rs.getString(2));
            }
            try (Statement st = c.createStatement();
                    ResultSet rs =
                            st.executeQuery("SELECT min(d), max(d) FROM (SELECT CAST(ts AS DATE) AS d FROM predictions "
                                    + "UNION ALL SELECT day FROM extract.days)")) {
                rs.next();
                Date a = rs.getDate(1), b = rs.getDate(2);
                return new ComparisonChoices(
                        List.copyOf(all),
                        a == null ? null : a.toLocalDate(),
                        b == null ? null : b.toLocalDate(),
                        java.util.Collections.unmodifiableMap(baselines),
                        DefaultWindow.daysByVariant(c));
            }
        });
    }
}
