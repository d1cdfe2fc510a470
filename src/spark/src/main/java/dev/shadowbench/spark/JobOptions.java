package dev.shadowbench.spark;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The job's command line: {@code --logs PATH_OR_GLOB [--format parquet|jsonl|csv] [--mapping FILE.json] --baseline SIDE
 * --candidate SIDE [--from DAY --to DAY] [--labels PATH] [--seed S] --out EXTRACT_DIR [--master URL]}. A SIDE is
 * {@code VARIANT} or {@code VARIANT/MODEL/VERSION} with {@code *} for any, as on the desk. {@code --precision} (default 7)
 * is the significant digits value counts keep; {@code --partitions} the shuffle's partitions (default: Spark's).
 */
public record JobOptions(
        List<String> logs,
        String format,
        String mapping,
        Side baseline,
        Side candidate,
        LocalDate from,
        LocalDate to,
        List<String> labels,
        long seed,
        String out,
        String master,
        int partitions,
        int precision) {

    /** The seed of the desk's sample when none is given (`sample --seed`'s default). */
    public static final long DEFAULT_SEED = 42;

    /** Significant digits value counts keep (EXTRACT.md, "Rounding"). */
    public static final int DEFAULT_PRECISION = 7;

    static final String USAGE =
            "usage: shadowbench-spark --logs PATH_OR_GLOB [--logs ...] [--format parquet|jsonl|csv] "
                    + "[--mapping FILE.json] --baseline SIDE --candidate SIDE [--from DAY --to DAY] [--labels PATH] [--seed S] "
                    + "[--precision DIGITS] [--partitions N] [--master URL] --out EXTRACT_DIR";

    /** One side of the comparison: records matching variant, model and version (null = any). */
    public record Side(String variant, String model, String version) {
        /** {@code live} or {@code live/ridge/1.4.0}, {@code *} or empty for any, as the desk's {@code --baseline}. */
        public static Side parse(String s) {
            if (!s.contains("/")) return new Side(star(s), null, null);
            String[] p = s.split("/", -1);
            if (p.length != 3)
                throw new BadOptionException(
                        "A side is VARIANT or VARIANT/MODEL/VERSION with * for any, not '" + s + "'");
            return new Side(star(p[0]), star(p[1]), star(p[2]));
        }

        private static String star(String s) {
            return s.isEmpty() || s.equals("*") ? null : s;
        }

        /** The desk's text form, {@code shadow/gbr/*}. */
        public String key() {
            return (variant == null ? "*" : variant) + "/" + (model == null ? "*" : model) + "/"
                    + (version == null ? "*" : version);
        }
    }

    /** A command line that cannot be run; the job prints it with the usage and exits with 2. */
    public static final class BadOptionException extends dev.shadowbench.core.BadInputException {
        public BadOptionException(String message) {
            super(message);
        }
    }

    public static JobOptions parse(String... args) {
        List<String> logs = new ArrayList<>(), labels = new ArrayList<>();
        String format = null, mapping = null, baseline = null, candidate = null, out = null, master = null;
        LocalDate from = null, to = null;
        long seed = DEFAULT_SEED;
        int partitions = 0, precision = DEFAULT_PRECISION;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                v = a.substring(eq + 1);
                a = a.substring(0, eq);
            } else if (a.startsWith("--") && !a.equals("--help")) {
                if (i + 1 >= args.length) throw new BadOptionException(a + " needs a value");
                v = args[++i];
            } else {
                throw new BadOptionException("unexpected argument '" + a + "'");
            }
            switch (a) {
                case "--logs" -> logs.add(v);
                case "--labels" -> labels.add(v);
                case "--format" -> format = format(v);
                case "--mapping" -> mapping = v;
                case "--baseline" -> baseline = v;
                case "--candidate" -> candidate = v;
                case "--from" -> from = day(a, v);
                case "--to" -> to = day(a, v);
                case "--seed" -> seed = number(a, v);
                case "--partitions" -> partitions = (int) number(a, v);
                case "--precision" -> precision = (int) number(a, v);
                case "--out" -> out = v;
                case "--master" -> master = v;
                default -> throw new BadOptionException("unknown option " + a);
            }
        }
        if (logs.isEmpty()) throw new BadOptionException("--logs is required");
        if (baseline == null || candidate == null)
            throw new BadOptionException(
                    "--baseline and --candidate are required (e.g. --baseline live --candidate shadow)");
        if (out == null) throw new BadOptionException("--out is required");
        if (from != null && to != null && to.isBefore(from))
            throw new BadOptionException("--to " + to + " is before --from " + from);
        if (partitions < 0) throw new BadOptionException("--partitions must be positive");
        if (precision < 1 || precision > 15)
            throw new BadOptionException("--precision is 1 to 15 significant digits, not " + precision);
        return new JobOptions(
                List.copyOf(logs),
                format,
                mapping,
                Side.parse(baseline),
                Side.parse(candidate),
                from,
                to,
                List.copyOf(labels),
                seed,
                out,
                master,
                partitions,
                precision);
    }

    private static String format(String v) {
        String f = v.strip().toLowerCase(Locale.ROOT);
        if (f.equals("json") || f.equals("ndjson")) f = "jsonl";
        if (!f.equals("parquet") && !f.equals("jsonl") && !f.equals("csv"))
            throw new BadOptionException("--format is parquet, jsonl or csv, not '" + v + "'");
        return f;
    }

    private static LocalDate day(String opt, String v) {
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new BadOptionException(opt + " takes a day as YYYY-MM-DD, not '" + v + "'");
        }
    }

    private static long number(String opt, String v) {
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new BadOptionException(opt + " takes a whole number, not '" + v + "'");
        }
    }
}
