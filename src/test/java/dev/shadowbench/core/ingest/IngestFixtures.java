package dev.shadowbench.core.ingest;

import dev.shadowbench.core.workspace.Workspace;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Small log files written by the tests, and queries to check what landed in the workspace. */
final class IngestFixtures {
    private IngestFixtures() {}

    static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (file.toString().endsWith(".gz")) {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
        } else {
            Files.writeString(file, text);
        }
        return file;
    }

    static String jsonl(String variant, int n, int offset) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append("{\"request_id\":\"r")
                    .append(i + offset)
                    .append("\",\"timestamp\":\"2026-11-20T10:00:0")
                    .append(i % 10)
                    .append("Z\",\"model\":\"m\",\"model_version\":\"1\",\"variant\":\"")
                    .append(variant)
                    .append("\",\"prediction\":")
                    .append(10 + i)
                    .append(".5,\"latency_ms\":")
                    .append(20 + i)
                    .append(",\"segment\":\"web\"}\n");
        }
        return sb.toString();
    }

    static long scalar(Workspace ws, String sql) throws SQLException {
        try (Connection c = ws.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static List<List<String>> rows(Workspace ws, String sql) throws SQLException {
        List<List<String>> out = new ArrayList<>();
        try (Connection c = ws.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) row.add(rs.getString(i));
                out.add(row);
            }
        }
        return out;
    }

    static void exec(Workspace ws, String sql) throws SQLException {
        try (Connection c = ws.connect();
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
