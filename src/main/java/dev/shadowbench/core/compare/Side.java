package dev.shadowbench.core.compare;

/** One side of a comparison: records matching variant, model and version (null = any). */
public record Side(String variant, String model, String version) {
    public static Side variant(String v) {
        return new Side(v, null, null);
    }

    /** SQL condition on a predictions row aliased {@code alias}; values are bound as parameters in order. */
    /** SQL that keeps this side's rows of {@code alias} (a predictions row), its values added to {@code params}. */
    public String where(String alias, java.util.List<Object> params) {
        StringBuilder sb = new StringBuilder("TRUE");
        if (variant != null) {
            sb.append(" AND ").append(alias).append(".variant = ?");
            params.add(variant);
        }
        if (model != null) {
            sb.append(" AND ").append(alias).append(".model = ?");
            params.add(model);
        }
        if (version != null) {
            sb.append(" AND ").append(alias).append(".version = ?");
            params.add(version);
        }
        return sb.toString();
    }

    /** Stable text form, e.g. {@code shadow/gbr/2.0.0-rc1} with {@code *} for any. */
    public String key() {
        return (variant == null ? "*" : variant) + "/" + (model == null ? "*" : model) + "/"
                + (version == null ? "*" : version);
    }

    /**
     * The keys the candidate's ramp plan is kept under, best first: its model version (any variant of gbr 2.0.0-rc1: the
     * same for the shadow and the canary of that version) when this side's records hold exactly one, then this side's
     * own key (plans stored before they followed the version). A plan is written under the first.
     */
    public java.util.List<String> planKeys(java.sql.Connection c) throws java.sql.SQLException {
        java.util.List<Object> params = new java.util.ArrayList<>();
        String sql = "SELECT DISTINCT model, version FROM predictions p WHERE " + where("p", params) + " LIMIT 2";
        try (java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) ps.setObject(i + 1, params.get(i));
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                String model = null, version = null;
                int n = 0;
                while (rs.next()) {
                    model = rs.getString(1);
                    version = rs.getString(2);
                    n++;
                }
                if (n != 1 || model == null || version == null) return java.util.List.of(key());
                String byVersion = new Side(null, model, version).key();
                return byVersion.equals(key()) ? java.util.List.of(key()) : java.util.List.of(byVersion, key());
            }
        }
    }

    public static Side parse(String key) {
        String[] p = key.split("/", -1);
        if (p.length != 3)
            throw new IllegalArgumentException("A side is VARIANT/MODEL/VERSION with * for any, not '" + key + "'");
        return new Side(star(p[0]), star(p[1]), star(p[2]));
    }

    private static String star(String s) {
        return s.isEmpty() || s.equals("*") ? null : s;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (model != null) sb.append(model);
        if (version != null) sb.append(sb.isEmpty() ? "" : " ").append(version);
        if (variant != null) sb.append(sb.isEmpty() ? "" : " ").append(variant);
        return sb.isEmpty() ? "all records" : sb.toString();
    }
}
