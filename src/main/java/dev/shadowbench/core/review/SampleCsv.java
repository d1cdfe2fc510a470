package dev.shadowbench.core.review;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.function.UnaryOperator;

/** Writes a sample as CSV (RFC 4180 quoting) with one header row. */
public final class SampleCsv {
    public static final String HEADER =
            "request_id,timestamp,segment,baseline,candidate,baseline_class,candidate_class,"
                    + "difference,baseline_latency_ms,candidate_latency_ms,label,extreme,verdict,note";

    /** Characters that make a spreadsheet read a cell as a formula (OWASP CSV injection). */
    static final String FORMULA_START = "=+-@\t\r";

    private SampleCsv() {}

    public static void write(List<SamplePair> pairs, Writer out) throws IOException {
        write(pairs, out, UnaryOperator.identity());
    }

    /**
     * Writes the CSV with {@code text} applied to every cell's text before quoting (the command line passes its
     * terminal sanitiser when the CSV goes to standard output, so a log's escape sequences are shown, not run).
     */
    public static void write(List<SamplePair> pairs, Writer out, UnaryOperator<String> text) throws IOException {
        out.write(HEADER);
        out.write("\r\n");
        for (SamplePair p : pairs) {
            Object[] cells = {
                p.requestId(),
                p.ts(),
                p.segment(),
                p.baseline(),
                p.candidate(),
                p.baselineClass(),
                p.candidateClass(),
                p.difference(),
                p.baselineLatencyMs(),
                p.candidateLatencyMs(),
                p.label(),
                p.extreme(),
                p.verdict(),
                p.note()
            };
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) out.write(',');
                out.write(cell(
                        cells[i] == null || cells[i] instanceof Number
                                ? cells[i]
                                : text.apply(String.valueOf(cells[i]))));
            }
            out.write("\r\n");
        }
    }

    static String cell(Object v) {
        if (v == null) return "";
        String s = String.valueOf(v);
        // A leading = + - @, TAB or CR would run as a formula in a spreadsheet (OWASP "CSV injection": a TAB or CR is
        // dropped by some importers, exposing what follows); log values must stay text, so they get a leading quote.
        if (!s.isEmpty() && FORMULA_START.indexOf(s.charAt(0)) >= 0 && !(v instanceof Number)) s = "'" + s;
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
