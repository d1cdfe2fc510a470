package dev.shadowbench.core.ingest;

import dev.shadowbench.core.db.Quote;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Decodes the BASE64 capture outputs that are not text (NumPy {@code .npy} arrays, {@code application/x-npy}) into
 * the temp table {@code sb_npy}: per line, the predictions (JSON list) or why the payload cannot be read. SQL has no
 * way to read IEEE floats out of bytes, so these few payloads are decoded here; every other payload stays in SQL.
 */
final class NpyPayloads {
    private NpyPayloads() {}

    static final String CREATE = "CREATE TEMP TABLE IF NOT EXISTS sb_npy(source_file VARCHAR, line_no BIGINT, "
            + "preds VARCHAR, problem VARCHAR)";

    /** Fills sb_npy for the capture file's BASE64 outputs that do not decode to text. */
    static void stage(Statement st, Path file) throws SQLException {
        st.execute(CREATE);
        String f = Quote.literal(file.toString());
        st.execute("DELETE FROM sb_npy WHERE source_file = " + f);
        String data = "json_extract_string(doc, '$.captureData.endpointOutput.data')";
        List<Object[]> found = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("SELECT line_no, " + data + " FROM (SELECT line_no, CASE WHEN "
                + "json_valid(line) AND json_type(line) = 'OBJECT' THEN line END AS doc FROM " + FileReaders.lines(file)
                + ") WHERE upper(json_extract_string(doc, '$.captureData.endpointOutput.encoding')) = 'BASE64' AND "
                + PayloadSql.base64Text(data) + " IS NULL AND " + data + " IS NOT NULL")) {
            while (rs.next()) found.add(new Object[] {rs.getLong(1), rs.getString(2)});
        }
        if (found.isEmpty()) return;
        try (PreparedStatement ps =
                st.getConnection().prepareStatement("INSERT INTO sb_npy VALUES (" + f + ", ?, ?, ?)")) {
            for (Object[] row : found) {
                ps.setLong(1, (Long) row[0]);
                String preds = null, problem = null;
                try {
                    byte[] bytes = Base64.getMimeDecoder().decode((String) row[1]);
                    preds = json(NpyArray.predictions(bytes));
                } catch (IllegalArgumentException e) {
                    problem = "not base64";
                } catch (NpyArray.NotNpy e) {
                    problem = "not a NumPy .npy array (" + e.getMessage() + ")";
                }
                ps.setString(2, preds);
                ps.setString(3, problem);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static String json(List<String> values) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) sb.append(',');
            sb.append('"').append(values.get(i)).append('"');
        }
        return sb.append(']').toString();
    }
}
