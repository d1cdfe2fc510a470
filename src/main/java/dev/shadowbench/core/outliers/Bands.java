package dev.shadowbench.core.outliers;

import dev.shadowbench.core.db.Db;
import dev.shadowbench.core.outliers.ExactQuantiles.Frag;
import dev.shadowbench.core.outliers.PairStats.Scale;
import dev.shadowbench.core.outliers.PairStats.Typical;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The typical scored value and difference per band of the baseline's values (issue 16). How far two real models honestly
 * disagree depends on where the baseline is: two classifiers hardly differ where both are sure, a lot near 0.5; a k-NN
 * regressor follows a long tail of the target that a linear one cannot. So the pairs are split into up to {@code n}
 * bands of equal counts of baseline values (its quantiles, {@code quantile_disc}) and each band gets its own median and
 * robust SD (1.4826 x MAD: the 50% breakdown point holds within every band). A band's robust SD is never taken under
 * {@link #FLOOR} times the whole pairing's: bands widen the typical range where two models honestly disagree more and
 * move its centre, but never narrow it, since a band of confident answers has a tiny MAD and heavy tails (a band's own
 * MAD flagged 1.4% of the clean breast-cancer pairs, numpy). Bands need
 * at least {@link #MIN_BAND} baseline values each (fewer pairs: fewer bands; under two bands the whole pairing is one
 * band, the global figures); a band with under half that many scored values, and a pair without a baseline, use the
 * global figures.
 *
 * @param upper the band boundaries on the raw baseline: band i holds b <= upper[i] (and above upper[i - 1]); the last
 *     band every other non-null b
 * @param typical per band; {@code global} for a pair without a baseline
 */
record Bands(double[] upper, Typical[] typical, Typical global) {

    /** Fewest baseline values per band. */
    static final long MIN_BAND = 500;
    /** A band's robust SD is at least this many times the whole pairing's. */
    static final double FLOOR = 1.0;

    /** One band: the global figures. */
    static Bands single(Typical global) {
        return new Bands(new double[0], new Typical[] {global}, global);
    }

    int count() {
        return typical.length;
    }

    /** The band count used for {@code pairsWithBaseline} pairs when {@code wanted} bands are asked for. */
    static int count(long pairsWithBaseline, double wanted) {
        long n = Math.min((long) wanted, pairsWithBaseline / MIN_BAND);
        return (int) Math.max(1, n);
    }

    /**
     * The bands of the extreme rule (candidate values, {value}) and of the divergence rule (differences, {diff}), each
     * with the band count its {@code bands} setting asks for (one band where the rule is off or has no global figures).
     */
    static Bands[] of(
            Db sql,
            String pairsTable,
            OutlierSettings s,
            Scale scale,
            long finiteBaselines,
            Typical value,
            Typical diff)
            throws SQLException {
        int nv = value != null && s.enabled("extreme") ? count(finiteBaselines, s.value("extreme.bands")) : 1;
        int nd = diff != null && s.enabled("divergence") ? count(finiteBaselines, s.value("divergence.bands")) : 1;
        Bands v = single(value), d = single(diff);
        if (nv > 1) {
            Bands[] r = read(sql, pairsTable, scale, boundaries(sql, pairsTable, nv), value, diff);
            v = r[0];
            if (nd == nv) d = r[1];
        }
        if (nd > 1 && nd != nv) d = read(sql, pairsTable, scale, boundaries(sql, pairsTable, nd), value, diff)[1];
        return new Bands[] {v, d};
    }

    /** The band boundaries: the baseline's quantile_disc at 1/n .. (n-1)/n over its finite values. */
    static double[] boundaries(Db sql, String pairsTable, int n) throws SQLException {
        if (n <= 1) return new double[0];
        // the fractions as DOUBLE parameters (a literal 0.4166666666666667 would be a DECIMAL and may pick another row)
        List<Object> qs = new ArrayList<>();
        for (int i = 1; i < n; i++) qs.add((double) i / n);
        String marks = String.join(", ", java.util.Collections.nCopies(n - 1, "CAST(? AS DOUBLE)"));
        Double[] v = sql.one(
                "SELECT quantile_disc(b_prediction, [" + marks + "]) FROM " + pairsTable
                        + " WHERE isfinite(b_prediction)",
                rs -> {
                    java.sql.Array a = rs.getArray(1);
                    if (a == null) return null;
                    Object[] o = (Object[]) a.getArray();
                    Double[] out = new Double[o.length];
                    for (int i = 0; i < o.length; i++) out[i] = ((Number) o[i]).doubleValue();
                    return out;
                },
                qs.toArray());
        if (v == null) return new double[0];
        return Arrays.stream(v).mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * SQL: the band of a row, 0 .. n - 1 (NULL without a baseline): b <= upper[0] is band 0, and so on; anything else
     * not null the last band.
     */
    static Frag bandOf(double[] upper) {
        List<Object> parts = new ArrayList<>(List.of("CASE"));
        for (int i = 0; i < upper.length; i++) parts.add(Frag.of(" WHEN b_prediction <= ", upper[i], " THEN " + i));
        parts.add(" WHEN b_prediction IS NOT NULL THEN " + upper.length + " END");
        return Frag.of(parts.toArray());
    }

    /**
     * Reads the typical scored candidate value and difference per band (medians, then MADs around them; mean absolute
     * deviations for a band whose MAD is 0), straightforward DuckDB SQL over the pairs. Returns {value, diff}.
     */
    static Bands[] read(Db sql, String pairsTable, Scale scale, double[] upper, Typical value, Typical diff)
            throws SQLException {
        int n = upper.length + 1;
        if (n <= 1) return new Bands[] {single(value), single(diff)};
        String tc = scale.scored("c_prediction"), tb = scale.scored("b_prediction");
        Frag q = Frag.of(
                "WITH t AS (SELECT ",
                bandOf(upper),
                " AS band, " + tc + " AS v, (" + tc + ") - (" + tb + ") AS d FROM " + pairsTable + "), "
                        + "m AS (SELECT band, count(v) AS nv, median(v) AS mv, count(d) AS nd, median(d) AS md FROM t "
                        + "WHERE band IS NOT NULL GROUP BY band) "
                        + "SELECT band, nv, mv, nd, md, median(abs(v - mv)), avg(abs(v - mv)), median(abs(d - md)), "
                        + "avg(abs(d - md)) FROM t JOIN m USING (band) GROUP BY band, nv, mv, nd, md");
        Typical[] tv = new Typical[n], td = new Typical[n];
        for (Object[] r : sql.query(
                q.sql(),
                rs -> new Object[] {
                    rs.getInt(1),
                    rs.getLong(2),
                    Db.dbl(rs, 3),
                    rs.getLong(4),
                    Db.dbl(rs, 5),
                    Db.dbl(rs, 6),
                    Db.dbl(rs, 7),
                    Db.dbl(rs, 8),
                    Db.dbl(rs, 9)
                },
                q.params().toArray())) {
            int band = (Integer) r[0];
            tv[band] = band((Long) r[1], (Double) r[2], (Double) r[5], (Double) r[6], value);
            td[band] = band((Long) r[3], (Double) r[4], (Double) r[7], (Double) r[8], diff);
        }
        for (int i = 0; i < n; i++) {
            if (tv[i] == null) tv[i] = value;
            if (td[i] == null) td[i] = diff;
        }
        return new Bands[] {new Bands(upper, tv, value), new Bands(upper, td, diff)};
    }

    /** One band's figures, its robust SD at least {@link #FLOOR} of the global one; the global figures if too few. */
    private static Typical band(long n, Double median, Double mad, Double meanAbsDev, Typical global) {
        if (global == null || n < MIN_BAND / 2) return global;
        // a band of over half ties (MAD 0) is scored with its mean absolute deviation, as the whole pairing is
        Typical t = Typical.of(median, mad, meanAbsDev);
        if (t == null) return global;
        return new Typical(t.median(), Math.max(t.sd(), FLOOR * global.sd()));
    }

    /**
     * SQL: a value per band, chosen by the row's baseline ({@code global} for a pair without one), as {@link #bandOf}
     * chooses the band; {@code upper} is not empty.
     */
    static Frag perBand(double[] upper, double[] perBand, double global) {
        List<Object> parts = new ArrayList<>(List.of("CASE"));
        for (int i = 0; i < upper.length; i++)
            parts.add(Frag.of(" WHEN b_prediction <= ", upper[i], " THEN ", perBand[i]));
        parts.add(Frag.of(" WHEN b_prediction IS NOT NULL THEN ", perBand[upper.length], " ELSE ", global, " END"));
        return Frag.of(parts.toArray());
    }

    /** The score of scored value {@code x} as SQL: its distance from its band's median in its band's robust SDs. */
    Frag z(String x) {
        if (upper.length == 0) return global.z(x);
        double[] m = new double[count()], sd = new double[count()];
        for (int i = 0; i < count(); i++) {
            m[i] = typical[i].median();
            sd[i] = typical[i].sd();
        }
        return Frag.of("(" + x + " - ", perBand(upper, m, global.median()), ") / ", perBand(upper, sd, global.sd()));
    }

    /** The band of a pair with baseline {@code b}, as {@link #bandOf}: -1 without a baseline. */
    int of(Double b) {
        if (b == null) return -1;
        for (int i = 0; i < upper.length; i++) if (b <= upper[i]) return i;
        return upper.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bands x
                && Arrays.equals(upper, x.upper)
                && Arrays.equals(typical, x.typical)
                && java.util.Objects.equals(global, x.global);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(upper) + Arrays.hashCode(typical)) + java.util.Objects.hashCode(global);
    }

    @Override
    public String toString() {
        return "Bands" + Arrays.toString(upper) + Arrays.toString(typical);
    }

    /** The figures a pair with baseline {@code b} is scored against. */
    Typical at(Double b) {
        int i = of(b);
        return i < 0 ? global : typical[i];
    }
}
