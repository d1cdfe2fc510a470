package dev.shadowbench.core.outliers;

import dev.shadowbench.core.db.Db;
import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Exact quantiles (DuckDB's quantile_cont, bit for bit) of several columns of the pairs in one scan, without sorting
 * them. DuckDB's median gathers and partially sorts all 10M values, about 0.3 s each. Here a sample of the pairs gives,
 * for each wanted position, a bracket of values [lo, hi] that very likely holds it; one scan then counts, per column,
 * the rows certainly below the bracket and lists the few rows (about 1%) that may fall in it, and the value at
 * position k is the (k - below)-th of the sorted list. That is exact whenever the value found lies inside its bracket
 * (every row counted below is then smaller and every row left out above larger), which is checked; when it does not
 * (an unlucky sample), the column falls back to DuckDB's quantile_cont.
 *
 * <p>Logarithms are classified by the raw value (a comparison instead of a logarithm per row), with a margin of 1e-9
 * relative that dwarfs the rounding of ln (under 1e-12 absolute), so "certainly below" stays certain; only the listed
 * rows have their logarithm taken, by DuckDB's ln as in the straightforward query.
 */
final class ExactQuantiles {
    private ExactQuantiles() {}

    /** Columns with at most this many values are listed whole (no sample, no bracket); tests lower it. */
    static long listAll = 50_000;
    /** Rows the sample aims at. */
    static long sampleRows = 100_000;
    /** Scales the brackets' width; tests shrink it to make brackets miss. */
    static double bracketScale = 1;
    /** Relative margin between a bracket in value space and its bounds on the raw values; far above ln's rounding. */
    private static final double EPS = 1e-9;

    /** A piece of SQL and its bound parameters, in text order. */
    record Frag(String sql, List<Object> params) {
        static final Frag FALSE = new Frag("FALSE", List.of());
        static final Frag TRUE = new Frag("TRUE", List.of());

        /** Concatenates: a String is SQL text, a Frag brings its SQL and parameters, anything else is a bound parameter. */
        static Frag of(Object... parts) {
            StringBuilder sb = new StringBuilder();
            List<Object> params = new ArrayList<>();
            for (Object p : parts) {
                if (p instanceof String s) sb.append(s);
                else if (p instanceof Frag f) {
                    sb.append(f.sql);
                    params.addAll(f.params);
                } else {
                    sb.append('?');
                    params.add(p);
                }
            }
            return new Frag(sb.toString(), List.copyOf(params));
        }

        /** The conjunction of the non-null parts, TRUE when none. */
        static Frag and(Object... parts) {
            List<Object> out = new ArrayList<>();
            for (Object p : parts) {
                if (p == null || p instanceof Frag f && f.sql.equals("TRUE")) continue;
                out.add(out.isEmpty() ? "(" : " AND (");
                out.add(p);
                out.add(")");
            }
            return out.isEmpty() ? TRUE : of(out.toArray());
        }
    }

    /**
     * How one scan splits the rows of a column for a bracket [lo, hi] (lo may be -inf, hi +inf). {@code below}: rows whose
     * value is certainly under lo. Listed: rows of {@code domain} whose {@code item} passes {@code keep} (a lambda body over
     * $x, the item, or $c and $b, a pair's columns); every other row of the domain is certainly above hi. {@code exact}: the
     * value of a listed item x (a lambda body). Probes whose item and domain agree share one list.
     */
    record Split(Frag below, Frag domain, Frag item, Frag keep, Frag exact, Map<String, Frag> rowVars) {
        /** A split whose keep condition is written over $x, the item. */
        Split(Frag below, Frag domain, Frag item, Frag keep, Frag exact) {
            this(below, domain, item, keep, exact, Map.of("$x", Frag.of("(", item, ")")));
        }

        /** keep over the row. */
        Frag keepRow() {
            return bind(keep, rowVars);
        }

        /** keep over a listed item x. */
        Frag keepItem() {
            return bind(keep, Map.of("$x", Frag.of("x"), "$c", Frag.of("x.c"), "$b", Frag.of("x.b")));
        }
    }

    /** Replaces the placeholders of f (tokens such as $x) by fragments, keeping the parameters in text order. */
    static Frag bind(Frag f, Map<String, Frag> subs) {
        List<Object> parts = new ArrayList<>();
        String sql = f.sql();
        int param = 0;
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < sql.length(); i++) {
            char ch = sql.charAt(i);
            if (ch == '?') {
                parts.add(text.toString());
                text.setLength(0);
                parts.add(new Frag("?", List.of(f.params().get(param++)))); // a parameter, whatever its type
            } else if (ch == '$' && i + 1 < sql.length()) {
                String token = "$" + sql.charAt(i + 1);
                Frag sub = subs.get(token);
                if (sub == null) throw new IllegalArgumentException("unbound " + token + " in " + sql);
                parts.add(text.toString());
                text.setLength(0);
                parts.add(sub);
                i++;
            } else {
                text.append(ch);
            }
        }
        parts.add(text.toString());
        return Frag.of(parts.toArray());
    }

    /** A column of values over the pairs, NULL outside its domain. */
    interface Column {
        /** The exact value (NULL outside the domain), as the straightforward query writes it: for the sample and fallback. */
        Frag value();

        Split split(double lo, double hi);
    }

    /**
     * A column whose value is cheap to compute: rows are classified by the value itself. {@code domain}: the condition on
     * the row beyond "v is not null" (null when none).
     */
    record Plain(Frag v, Frag domain) implements Column {
        static Plain of(String v, String domain) {
            return new Plain(Frag.of(v), domain == null ? null : Frag.of(domain));
        }

        @Override
        public Frag value() {
            return domain == null ? v : Frag.of("CASE WHEN ", domain, " THEN ", v, " END");
        }

        @Override
        public Split split(double lo, double hi) {
            Frag below = lo == Double.NEGATIVE_INFINITY ? Frag.FALSE : Frag.and(domain, Frag.of(v, " < ", lo));
            Frag keep = range("$x", lo, hi);
            return new Split(
                    below,
                    domain == null ? Frag.TRUE : domain,
                    v,
                    keep == Frag.TRUE ? Frag.of("$x IS NOT NULL") : keep,
                    Frag.of("x"));
        }
    }

    /** ln(x) over positive x ({@code finite}: the condition that x is finite, null when every x is): classified by x. */
    record LogOf(String x, String finite) implements Column {
        Frag domain() {
            return Frag.and(Frag.of(x, " > 0"), finite);
        }

        @Override
        public Frag value() {
            return Frag.of("CASE WHEN ", x, " > 0 AND isfinite(", x, ") THEN ln(", x, ") END");
        }

        @Override
        public Split split(double lo, double hi) {
            // exp of a bound beyond +-700 leaves the normal doubles: classify by the value instead
            if (!within(lo, 700) || !within(hi, 700)) return new Plain(Frag.of("ln(", x, ")"), domain()).split(lo, hi);
            boolean l = lo != Double.NEGATIVE_INFINITY;
            double a = Math.exp(lo) * (1 - EPS);
            Frag below = l ? Frag.of(x, " > 0 AND ", x, " < ", a) : Frag.FALSE;
            // x >= a > 0 keeps positive values only; "x > 0" goes into keep rather than the domain so the list of x can
            // be
            // shared with other columns of x
            Frag keep = range(
                    "$x",
                    l ? a : Double.NEGATIVE_INFINITY,
                    hi == Double.POSITIVE_INFINITY ? hi : Math.exp(hi) * (1 + EPS));
            if (!l) keep = Frag.and(Frag.of("$x > 0"), keep);
            return new Split(below, finite == null ? Frag.TRUE : Frag.of(finite), Frag.of(x), keep, Frag.of("ln(x)"));
        }
    }

    /**
     * ln(c) - ln(b) over positive c and b, b known positive wherever it is finite (a log scale); {@code finite}: the
     * condition that both are finite, null when all are. Rows are classified by c / b against exp of the bracket: the
     * division's rounding is relative (a ratio outside the normal doubles is far outside any bracket within +-100), and
     * one division costs less than the two products c < b * a, c > b * z.
     */
    record LogRatio(String c, String b, String finite) implements Column {
        Frag domain() {
            return finite == null ? Frag.TRUE : Frag.of(finite);
        }

        @Override
        public Frag value() {
            return Frag.of(
                    "CASE WHEN ",
                    c,
                    " > 0 AND isfinite(",
                    c,
                    ") THEN ln(",
                    c,
                    ") END - CASE WHEN ",
                    b,
                    " > 0 AND isfinite(",
                    b,
                    ") THEN ln(",
                    b,
                    ") END");
        }

        @Override
        public Split split(double lo, double hi) {
            if (!within(lo, 100) || !within(hi, 100)) {
                return new Plain(
                                Frag.of("ln(", c, ") - ln(", b, ")"),
                                Frag.and(Frag.of(c, " > 0 AND ", b, " > 0"), finite))
                        .split(lo, hi);
            }
            boolean l = lo != Double.NEGATIVE_INFINITY, h = hi != Double.POSITIVE_INFINITY;
            double a = Math.exp(lo) * (1 - EPS), z = Math.exp(hi) * (1 + EPS);
            // c / b of an infinite b is 0 or -0: the finite condition belongs to the count
            Frag below = l ? Frag.and(finite, Frag.of(c, " > 0 AND ", c, " / ", b, " < ", a)) : Frag.FALSE;
            // a ratio at least a > 0 has c > 0; without a lower bound the sign is checked
            Frag keep = Frag.and(
                    l ? null : Frag.of("$c > 0"), range("$c / $b", l ? a : Double.NEGATIVE_INFINITY, h ? z : hi));
            return new Split(below, domain(), pair(c, b), keep, Frag.of("ln(x.c) - ln(x.b)"), vars(c, b));
        }
    }

    /**
     * The rows where {@code cond} holds, as a BIGINT (0 when none): count_if costs a half to a third of a FILTER or a sum of
     * casts per row, but is null over no rows (or only null conditions).
     */
    static Frag countIf(Frag cond) {
        return Frag.of("coalesce(CAST(count_if(", cond, ") AS BIGINT), 0)");
    }

    private static Frag pair(String c, String b) {
        return Frag.of("struct_pack(c := ", c, ", b := ", b, ")");
    }

    private static Map<String, Frag> vars(String c, String b) {
        return Map.of("$c", Frag.of(c), "$b", Frag.of(b));
    }

    /** x within [lo, hi], an infinite bound leaving that side open (TRUE when both are). */
    private static Frag range(String x, double lo, double hi) {
        boolean l = lo != Double.NEGATIVE_INFINITY, h = hi != Double.POSITIVE_INFINITY;
        if (l && h) return Frag.of(x, " BETWEEN ", lo, " AND ", hi);
        if (l) return Frag.of(x, " >= ", lo);
        return h ? Frag.of(x, " <= ", hi) : Frag.TRUE;
    }

    /** True for an infinite bound (no key needed) or a finite one within +-limit. */
    private static boolean within(double v, double limit) {
        return Double.isInfinite(v) || Math.abs(v) <= limit;
    }

    /**
     * Order statistics wanted of one column: quantile_cont at {@code p} (positions floor and ceil of (n-1)p), or, with
     * p null, the value at one 0-based position.
     */
    static final class Probe {
        final Column column;
        long n;
        final Double p;
        long[] positions;
        /** When not null, n is counted by the scan itself (rows where this holds); until then n is an estimate. */
        Frag counted;

        double lo = Double.NEGATIVE_INFINITY, hi = Double.POSITIVE_INFINITY;
        /** The values at the positions once found (null: not found, see {@link #quantile()}). */
        Double[] values;
        /** quantile_cont's answer when the bracket missed and DuckDB computed it. */
        Double fallback;

        private Probe(Column column, long n, Double p, long[] positions) {
            this.column = column;
            this.n = n;
            this.p = p;
            this.positions = positions;
        }

        static Probe quantile(Column column, long n, double p) {
            double rn = rn(n, p);
            return new Probe(
                    column, n, p, n == 0 ? new long[0] : new long[] {(long) Math.floor(rn), (long) Math.ceil(rn)});
        }

        /** quantile_cont at p over the rows where {@code counted} holds, counted by the scan; {@code estimate}: about how many. */
        static Probe quantileCounted(Column column, Frag counted, long estimate, double p) {
            Probe out = quantile(column, estimate, p);
            out.counted = counted;
            return out;
        }

        static Probe at(Column column, long n, long position) {
            return new Probe(column, n, null, new long[] {position});
        }

        /**
         * The quantile as DuckDB's quantile_cont computes it: lo * (1 - d) + hi * d with d = RN - FRN (not lo + (hi - lo) * d,
         * which differs in the last bit for about one case in six); null when there are no values.
         */
        Double quantile() {
            if (n == 0) return null;
            if (values == null) return fallback;
            double rn = rn(n, p);
            double frn = Math.floor(rn), d = rn - frn;
            return frn == Math.ceil(rn) ? values[0] : values[0] * (1.0 - d) + values[1] * d;
        }

        private static double rn(long n, double p) {
            return (double) (n - 1) * p;
        }

        boolean bracketed() {
            return lo != Double.NEGATIVE_INFINITY || hi != Double.POSITIVE_INFINITY;
        }
    }

    /**
     * Finds the probes' values in one scan of the pairs in {@code pairsTable} (restricted by {@code where}, null for all rows; each probe's
     * column must then hold no value outside it), falling back to quantile_cont for a probe whose bracket missed.
     * Call {@link #bracket} first for large columns. {@code extra} aggregates ride along in the scan; their values are
     * returned.
     */
    static Object[] scan(Db sql, String pairsTable, String where, List<Probe> probes, List<Frag> extra)
            throws SQLException {
        List<Probe> scanned = new ArrayList<>();
        for (Probe p : probes) {
            if (p.n == 0 && p.counted == null) continue;
            // a column too big to list whole that the sample could not bracket: leave it to DuckDB
            if (!p.bracketed() && p.n > listAll) fallback(sql, pairsTable, p);
            else scanned.add(p);
        }
        if (scanned.isEmpty() && extra.isEmpty()) return new Object[0];
        // one list per (item, domain): its filter keeps what any of its probes keeps
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        List<Split> splits = new ArrayList<>();
        for (int i = 0; i < scanned.size(); i++) {
            Split s = scanned.get(i).column.split(scanned.get(i).lo, scanned.get(i).hi);
            splits.add(s);
            groups.computeIfAbsent(
                            s.item().sql() + "|" + s.item().params() + "|"
                                    + s.domain().sql() + "|" + s.domain().params(),
                            k -> new ArrayList<>())
                    .add(i);
        }
        List<Object> inner = new ArrayList<>(), middle = new ArrayList<>(), outer = new ArrayList<>();
        // each probe's count of the rows below its bracket, and of its column when the scan counts it (once per
        // condition)
        Map<Frag, String> counts = new LinkedHashMap<>();
        String[] n = new String[scanned.size()];
        for (int i = 0; i < scanned.size(); i++) {
            inner.add(Frag.of(inner.isEmpty() ? "" : ", ", countIf(splits.get(i).below()), " AS b" + i));
            Frag counted = scanned.get(i).counted;
            if (counted != null && !counts.containsKey(counted)) {
                counts.put(counted, "n" + i);
                inner.add(Frag.of(", ", countIf(counted), " AS n" + i));
            }
            n[i] = counted == null ? null : counts.get(counted);
        }
        int g = 0;
        for (List<Integer> members : groups.values()) {
            Split first = splits.get(members.get(0));
            List<Object> any = new ArrayList<>();
            for (int i : members)
                any.add(Frag.of(any.isEmpty() ? "(" : " OR (", splits.get(i).keepRow(), ")"));
            inner.add(Frag.of(
                    inner.isEmpty() ? "" : ", ",
                    "list(",
                    first.item(),
                    ") FILTER (WHERE ",
                    Frag.and(first.domain(), Frag.of(any.toArray())),
                    ") AS l" + g));
            for (int i : members) {
                Split s = splits.get(i);
                Frag sub = members.size() == 1
                        ? Frag.of("l" + g)
                        : Frag.of("list_filter(l" + g + ", lambda x: ", s.keepItem(), ")");
                middle.add(Frag.of(
                        middle.isEmpty() ? "" : ", ",
                        "b" + i + (n[i] != null && n[i].equals("n" + i) ? ", n" + i : "")
                                + ", list_sort(list_transform(",
                        sub,
                        ", lambda x: ",
                        s.exact(),
                        ")) AS s" + i));
            }
            g++;
        }
        for (int i = 0; i < scanned.size(); i++) {
            Probe p = scanned.get(i);
            outer.add(Frag.of(outer.isEmpty() ? "" : ", ", "b" + i + ", coalesce(len(s" + i + "), 0)"));
            if (p.counted != null) {
                // the positions from the count just made, with quantile_cont's arithmetic: (n - 1) * p in doubles
                String rn = "CAST(" + n[i] + " - 1 AS DOUBLE) * ";
                outer.add(Frag.of(
                        ", " + n[i] + ", s" + i + "[CAST(floor(" + rn,
                        p.p,
                        ") AS BIGINT) - b" + i + " + 1], s" + i + "[CAST(ceil(" + rn,
                        p.p,
                        ") AS BIGINT) - b" + i + " + 1]"));
            } else {
                for (long k : p.positions) outer.add(Frag.of(", s" + i + "[", k, " - b" + i + " + 1]"));
            }
        }
        for (int j = 0; j < extra.size(); j++) {
            inner.add(Frag.of(inner.isEmpty() ? "" : ", ", extra.get(j), " AS e" + j));
            middle.add(Frag.of(middle.isEmpty() ? "" : ", ", "e" + j));
            outer.add(Frag.of(outer.isEmpty() ? "" : ", ", "e" + j));
        }
        Frag q = Frag.of(
                "SELECT ",
                Frag.of(outer.toArray()),
                " FROM (SELECT ",
                Frag.of(middle.toArray()),
                " FROM (SELECT ",
                Frag.of(inner.toArray()),
                " FROM " + pairsTable,
                where == null ? "" : " WHERE " + where,
                "))");
        Object[] row = sql.one(q.sql(), ExactQuantiles::row, q.params().toArray());
        int col = 0;
        for (Probe p : scanned) {
            long below = ((Number) row[col++]).longValue(), listed = ((Number) row[col++]).longValue();
            if (p.counted != null) {
                Probe counted = Probe.quantile(p.column, ((Number) row[col++]).longValue(), p.p);
                p.n = counted.n;
                p.positions = counted.positions;
                if (p.n == 0) {
                    col += 2;
                    continue;
                }
            }
            Double[] v = new Double[p.positions.length];
            boolean ok = true;
            for (int k = 0; k < v.length; k++) {
                Object o = row[col++];
                long j = p.positions[k] - below;
                v[k] = o == null ? null : ((Number) o).doubleValue();
                // exact only if the position falls in the list and its value inside the bracket (see the class comment)
                ok &= j >= 0 && j < listed && v[k] != null && Double.isFinite(v[k]) && v[k] >= p.lo && v[k] <= p.hi;
            }
            if (ok) p.values = v;
            else fallback(sql, pairsTable, p);
        }
        return Arrays.copyOfRange(row, col, row.length);
    }

    /** DuckDB's own quantile_cont for a probe the scan could not settle (a position probe stays unresolved). */
    private static void fallback(Db sql, String pairsTable, Probe p) throws SQLException {
        if (p.p == null) return;
        Frag q = Frag.of(
                "SELECT quantile_cont(",
                p.column.value(),
                ", ",
                p.p,
                ")",
                p.counted == null ? "" : Frag.of(", ", countIf(p.counted)),
                " FROM " + pairsTable);
        Object[] r = sql.one(
                q.sql(),
                rs -> new Object[] {Db.dbl(rs, 1), p.counted == null ? null : rs.getLong(2)},
                q.params().toArray());
        p.fallback = (Double) r[0];
        if (p.counted != null) {
            Probe counted = Probe.quantile(p.column, (Long) r[1], p.p);
            p.n = counted.n;
            p.positions = counted.positions;
            p.counted = null;
        }
    }

    /**
     * Brackets for the probes of large columns, from one query over a sample of the pairs: per column, the sample's
     * quantiles a little below and above each probe's position. The margin is five standard errors of a proportion in
     * the sample; as a column's share of the sample is only known afterwards, each probe asks for a narrow and a wide
     * pair of quantiles and keeps the narrowest that covers five standard errors of the count actually sampled.
     */
    static void bracket(Db sql, String pairsTable, long pairs, List<Probe> probes) throws SQLException {
        List<Probe> big = probes.stream()
                .filter(p -> p.n > listAll && p.positions.length > 0)
                .toList();
        if (big.isEmpty()) return;
        double pct = Math.min(100.0, 100.0 * sampleRows / Math.max(1, pairs));
        // one quantile_disc per column (one sort of its sampled values), all its probes' fractions in one list
        Map<String, List<Integer>> columns = new LinkedHashMap<>();
        double[] mids = new double[big.size()], widths = new double[big.size()];
        for (int i = 0; i < big.size(); i++) {
            Probe p = big.get(i);
            mids[i] = (p.positions[0] + p.positions[p.positions.length - 1] + 1) / 2.0 / p.n;
            widths[i] = margin(mids[i], Math.max(1.0, p.n * pct / 100.0)) * bracketScale;
            Frag v = p.column.value();
            columns.computeIfAbsent(v.sql() + "|" + v.params(), k -> new ArrayList<>())
                    .add(i);
        }
        List<Object> cols = new ArrayList<>();
        for (List<Integer> members : columns.values()) {
            StringBuilder list = new StringBuilder();
            for (int i : members) {
                for (double f : new double[] {-WIDE, -1, 1, WIDE}) {
                    // quantile_disc takes its fractions as constants, not parameters
                    list.append(list.length() == 0 ? "" : ", ")
                            .append(Math.min(1.0, Math.max(0.0, mids[i] + f * widths[i])));
                }
            }
            Frag v = big.get(members.get(0)).column.value();
            cols.add(Frag.of(cols.isEmpty() ? "" : ", ", "count(", v, "), quantile_disc(", v, ", [" + list + "])"));
        }
        Frag q = Frag.of(
                "SELECT ",
                Frag.of(cols.toArray()),
                " FROM " + pairsTable + " USING SAMPLE " + String.format(Locale.ROOT, "%.6f", pct) + "% (system)");
        Object[] row = sql.one(q.sql(), ExactQuantiles::row, q.params().toArray());
        int c = 0;
        for (List<Integer> members : columns.values()) {
            long got = ((Number) row[2 * c]).longValue();
            Object[] qs = row[2 * c + 1] == null ? null : array(row[2 * c + 1]);
            c++;
            // too few sampled values to trust: no bracket (listed whole if small enough, else DuckDB's quantile)
            if (got < 200 || qs == null) continue;
            for (int k = 0; k < members.size(); k++) {
                int i = members.get(k);
                double need = margin(mids[i], got);
                // (a test's bracketScale keeps the narrow pair, to make brackets miss)
                double f = need <= widths[i] || bracketScale != 1 ? 1 : need <= WIDE * widths[i] ? WIDE : 0;
                if (f == 0) continue;
                Object lo = qs[4 * k + (f == 1 ? 1 : 0)], hi = qs[4 * k + (f == 1 ? 2 : 3)];
                if (lo == null
                        || hi == null
                        || Double.isNaN(((Number) lo).doubleValue())
                        || Double.isNaN(((Number) hi).doubleValue())) continue;
                Probe p = big.get(i);
                p.lo = mids[i] - f * widths[i] <= 0 ? Double.NEGATIVE_INFINITY : ((Number) lo).doubleValue();
                p.hi = mids[i] + f * widths[i] >= 1 ? Double.POSITIVE_INFINITY : ((Number) hi).doubleValue();
            }
        }
    }

    /** How much wider than the narrow pair the wide pair of sample quantiles is. */
    private static final double WIDE = 3;

    /** Five standard errors of a sample proportion near {@code mid} among {@code m} sampled values, plus a little for small samples. */
    private static double margin(double mid, double m) {
        return 5 * Math.sqrt(Math.max(mid * (1 - mid), 1.0 / m) / m) + 20.0 / m;
    }

    private static Object[] row(java.sql.ResultSet rs) throws SQLException {
        Object[] r = new Object[rs.getMetaData().getColumnCount()];
        for (int i = 0; i < r.length; i++) r[i] = rs.getObject(i + 1);
        return r;
    }

    private static Object[] array(Object o) throws SQLException {
        return (Object[]) (o instanceof Array a ? a.getArray() : o);
    }
}
