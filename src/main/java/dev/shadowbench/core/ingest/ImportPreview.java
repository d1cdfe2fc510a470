package dev.shadowbench.core.ingest;

import dev.shadowbench.core.BadInputException;
import dev.shadowbench.core.workspace.Workspace;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The first rows of the first file of an import, its detected format and the proposed column mapping (the one
 * remembered for the source, else auto-detected), for the import dialog. Values are raw text from the file.
 */
public record ImportPreview(
        Path file,
        LogFormat format,
        List<String> columns,
        List<List<String>> rows,
        ColumnMapping mapping,
        boolean mappingEditable) {

    /**
     * True when the file reads as a labels file, as {@code generate} writes one ({@code request_id, actual}): a
     * request id and a label column, no prediction, nothing else but a timestamp.
     */
    public boolean looksLikeLabels() {
        if (!mappingEditable || !mapping.has(Field.REQUEST_ID) || !mapping.has(Field.LABEL)) return false;
        if (mapping.has(Field.PREDICTION) || mapping.has(Field.PREDICTED_CLASS)) return false;
        return columns.size() == 2 || columns.size() == 3 && mapping.has(Field.TIMESTAMP);
    }

    public static ImportPreview of(Workspace ws, List<Path> paths, ImportRequest.Kind kind, String format, int limit) {
        List<Path> files = SourceFiles.expand(paths);
        if (files.isEmpty()) throw new BadInputException("No file to preview");
        Path file = files.get(0);
        LogFormat container = SourceProbe.containerOf(file, LogFormat.fromOption(format));
        try (Connection c = ws.connect()) {
            SourceProbe.Probe probe = SourceProbe.probe(c, file, LogFormat.fromOption(format));
            List<String> cols = probe.columns().stream().map(SourceColumn::name).toList();
            List<List<String>> rows = new ArrayList<>();
            String src = container == LogFormat.JSONL
                    ? FileReaders.readJson(
                            file,
                            ", ignore_errors=true, columns="
                                    + TabularSource.struct(TabularSource.declared(probe.columns()), true))
                    : SourceProbe.describeSource(file, container);
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT * FROM " + src + " LIMIT " + Math.max(1, limit))) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<String> row = new ArrayList<>(n);
                    for (int i = 1; i <= n; i++) row.add(rs.getString(i));
                    rows.add(row);
                }
            }
            ColumnMapping m =
                    switch (probe.format()) {
                        case SAGEMAKER -> SageMakerCapture.MAPPING;
                        case KSERVE -> KServeLogs.MAPPING;
                        default -> LogImporter.proposedMapping(new MappingStore(c), probe, kind);
                    };
            boolean editable = probe.format() != LogFormat.SAGEMAKER && probe.format() != LogFormat.KSERVE;
            return new ImportPreview(file, probe.format(), cols, rows, m, editable);
        } catch (SQLException e) {
            throw ReadErrors.cannotRead(file, container.id(), e);
        }
    }
}
