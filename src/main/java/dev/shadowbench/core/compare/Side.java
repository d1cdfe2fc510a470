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
