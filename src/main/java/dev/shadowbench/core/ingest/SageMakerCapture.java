package dev.shadowbench.core.ingest;

import dev.shadowbench.core.BadInputException;
import dev.shadowbench.core.db.Quote;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * AWS SageMaker Data Capture JSON Lines: one record per line with captureData.endpointInput/endpointOutput
 * ({data, encoding}) and eventMetadata {eventId, inferenceId, inferenceTime}. Files live under
 * {@code <endpoint>/<variant>/yyyy/mm/dd/hh/}, so the variant (e.g. AllTraffic, ShadowTraffic) and the model
 * (the endpoint) come from the path. Captures record no latency.
 */
final class SageMakerCapture {
    private SageMakerCapture() {}

    static final List<SourceColumn> COLUMNS = List.of(
            new SourceColumn("request_id", "VARCHAR"),
            new SourceColumn("timestamp", "VARCHAR"),
            new SourceColumn("prediction", "VARCHAR"),
            new SourceColumn("event_id", "VARCHAR"),
            new SourceColumn("inference_id", "VARCHAR"),
            new SourceColumn("input", "VARCHAR"),
            new SourceColumn("output", "VARCHAR"),
            new SourceColumn("input_encoding", "VARCHAR"),
            new SourceColumn("output_encoding", "VARCHAR"));

    static final ColumnMapping MAPPING = new ColumnMapping(java.util.Map.of(
            Field.REQUEST_ID, "request_id", Field.TIMESTAMP, "timestamp", Field.PREDICTION, "prediction"));

    static LogImporter.FileCount stage(Statement st, SourceProbe.Probe probe, ImportRequest req, String hash, long size)
            throws SQLException {
        if (req.kind() == ImportRequest.Kind.LABELS) {
            throw new BadInputException(probe.file() + ": a SageMaker capture file holds predictions, not labels");
        }
        Path file = probe.file();
        String[] ev = endpointAndVariant(file);
        String variant = req.variantOverride() != null ? req.variantOverride() : ev == null ? null : ev[1];
        if (variant == null) {
            throw new BadInputException(file + ": cannot tell the SageMaker variant: the file is not under "
                    + "<endpoint>/<variant>/yyyy/mm/dd/hh/. Give --variant.");
        }
        long bad = LineCheck.find(st, file);
        long[] lc = TabularSource.countLines(st, file);
        String g = "json_extract_string(doc, ";
        String out = PayloadSql.decode(
                g + "'$.captureData.endpointOutput.data')", g + "'$.captureData.endpointOutput.encoding')");
        String in = PayloadSql.decode(
                g + "'$.captureData.endpointInput.data')", g + "'$.captureData.endpointInput.encoding')");
        String scan = "(SELECT " + Staging.scanColumns("sb_", "line_no", "raw_line", "parse_problem")
                + ", coalesce(inference_id, event_id) AS request_id, \"timestamp\", "
                + PayloadSql.prediction("output")
                + " AS prediction, event_id, inference_id, input, output, input_encoding, "
                + "output_encoding, " + Quote.literal(ev == null ? null : ev[0]) + " AS model FROM ("
                + "SELECT line_no, raw_line, CASE WHEN doc IS NULL THEN 'malformed JSON' "
                + "WHEN json_type(doc) <> 'OBJECT' THEN 'not a JSON object' "
                + "WHEN json_extract(doc, '$.captureData') IS NULL THEN 'not a SageMaker capture record (no captureData)' END AS parse_problem, "
                + "CASE WHEN json_type(doc) = 'OBJECT' THEN " + g + "'$.eventMetadata.eventId') END AS event_id, "
                + "CASE WHEN json_type(doc) = 'OBJECT' THEN coalesce(" + g + "'$.eventMetadata.inferenceId'), "
                + g + "'$.inferenceId')) END AS inference_id, "
                + "CASE WHEN json_type(doc) = 'OBJECT' THEN coalesce(" + g + "'$.eventMetadata.inferenceTime'), "
                + g + "'$.inferenceTime')) END AS \"timestamp\", "
                + "CASE WHEN json_type(doc) = 'OBJECT' THEN " + in + " END AS input, "
                + "CASE WHEN json_type(doc) = 'OBJECT' THEN " + out + " END AS output, "
                + "CASE WHEN json_type(doc) = 'OBJECT' THEN " + g
                + "'$.captureData.endpointInput.encoding') END AS input_encoding, "
                + "CASE WHEN json_type(doc) = 'OBJECT' THEN " + g
                + "'$.captureData.endpointOutput.encoding') END AS output_encoding "
                // doc is NULL for a malformed line, so no JSON function ever sees invalid text (DuckDB may evaluate
                // CASE branches eagerly)
                + "FROM (SELECT line_no, line AS raw_line, CASE WHEN json_valid(line) THEN line END AS doc FROM "
                + FileReaders.lines(file)
                + " WHERE NOT " + FileReaders.blank("line") + ")))";
        List<SourceColumn> cols = new java.util.ArrayList<>(COLUMNS);
        cols.add(new SourceColumn("model", "VARCHAR"));
        ColumnMapping m = MAPPING.with(Field.MODEL, "model");
        st.execute(Staging.insert(file.toString(), scan, cols, m, req.kind(), variant));
        if (bad > 0) LineCheck.quarantine(st, file);
        long[] r = TabularSource.split(st, file.toString());
        return new LogImporter.FileCount(file, hash, size, LogFormat.SAGEMAKER, variant, m, lc[0], r[0], r[1], lc[1]);
    }

    /** {endpoint, variant} from {@code <endpoint>/<variant>/yyyy/mm/dd/hh/file}, or null when the path is not laid out so. */
    static String[] endpointAndVariant(Path file) {
        Path p = file.toAbsolutePath().getParent();
        String[] digits = new String[4];
        for (int i = 3; i >= 0; i--) {
            if (p == null || p.getFileName() == null) return null;
            digits[i] = p.getFileName().toString();
            if (!digits[i].matches("\\d{1,4}")) return null;
            p = p.getParent();
        }
        if (p == null
                || p.getFileName() == null
                || p.getParent() == null
                || p.getParent().getFileName() == null) return null;
        return new String[] {
            p.getParent().getFileName().toString(), p.getFileName().toString()
        };
    }
}
