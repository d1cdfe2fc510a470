package dev.shadowbench.core.canary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shadowbench.core.ingest.ColumnMapping;
import dev.shadowbench.core.ingest.Field;
import dev.shadowbench.core.ingest.ImportRequest;
import dev.shadowbench.core.ingest.LogImporter;
import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Feedback columns of several shapes are detected at import and read as complained yes/no. */
class ComplaintColumnsTest {
    @TempDir
    Path dir;

    Workspace ws;

    @BeforeEach
    void open() {
        ws = Workspace.inMemory();
    }

    @AfterEach
    void close() {
        ws.close();
    }

    private ComplaintCounts.Day counts(String file, String text) throws Exception {
        Path p = dir.resolve(file);
        Files.writeString(p, text);
        new LogImporter(ws).run(ImportRequest.predictions(List.of(p), "canary"), ProgressSink.NONE);
        try (Connection c = ws.connect()) {
            List<ComplaintCounts.Day> days = ComplaintCounts.perDay(c, "p.variant = ?", List.of("canary"));
            assertEquals(1, days.size());
            assertEquals(LocalDate.of(2026, 11, 20), days.get(0).day());
            return days.get(0);
        }
    }

    private static String jsonl(String column, String... values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            sb.append("{\"request_id\":\"r")
                    .append(i)
                    .append("\",\"timestamp\":\"2026-11-20T10:00:0")
                    .append(i)
                    .append("\",\"prediction\":0.5");
            if (values[i] != null) sb.append(",\"").append(column).append("\":").append(values[i]);
            sb.append("}\n");
        }
        return sb.toString();
    }

    private static String csv(String column, String... values) {
        StringBuilder sb = new StringBuilder("request_id,timestamp,prediction," + column + "\n");
        for (int i = 0; i < values.length; i++) {
            sb.append('r')
                    .append(i)
                    .append(",2026-11-20 10:00:0")
                    .append(i)
                    .append(",0.5,")
                    .append(values[i])
                    .append('\n');
        }
        return sb.toString();
    }

    @Test
    void jsonBooleanFalseIsNotAComplaint() throws Exception {
        // the old rule counted every record with feedback: 3 of 4 here, not 1
        ComplaintCounts.Day d = counts("canary.jsonl", jsonl("user_complaint", "true", "false", "false", null));
        assertEquals(new ComplaintCounts.Day(LocalDate.of(2026, 11, 20), 4, 3, 1), d);
    }

    @Test
    void csvZeroOneFlag() throws Exception {
        assertEquals(
                2,
                counts("canary.csv", csv("complained", "0", "1", "0", "1", "0")).complaints());
    }

    @Test
    void yesNoText() throws Exception {
        ComplaintCounts.Day d = counts("canary.csv", csv("is_complaint", "yes", "no", "No", "YES", "y", ""));
        assertEquals(6, d.requests());
        assertEquals(3, d.complaints());
    }

    @Test
    void ratingOneToFiveLowIsAComplaint() throws Exception {
        // 1 and 2 stars of 5 are complaints (at most 40% of the top); 3, 4, 5 are not
        assertEquals(
                2,
                counts("canary.csv", csv("rating", "1", "2", "3", "4", "5", "5"))
                        .complaints());
    }

    @Test
    void ratingWithoutHighValuesStillUsesAFiveStarScale() throws Exception {
        assertEquals(1, counts("canary.jsonl", jsonl("rating", "2", "3", "3")).complaints());
    }

    @Test
    void thumbsDownAndFeedbackWords() throws Exception {
        assertEquals(
                2,
                counts("a.jsonl", jsonl("thumbs_down", "true", "false", "true")).complaints());
        ws.close();
        ws = Workspace.inMemory();
        assertEquals(
                2,
                counts(
                                "b.jsonl",
                                jsonl(
                                        "feedback",
                                        "\"thumbs_down\"",
                                        "\"thumbs_up\"",
                                        "\"price was wrong\"",
                                        "\"none\""))
                        .complaints());
    }

    @Test
    void everyCommonComplaintNameIsDetected() {
        for (String name : List.of(
                "complaint",
                "user_complaint",
                "complained",
                "is_complaint",
                "thumbs_down",
                "flagged_by_user",
                "feedback",
                "rating")) {
            ColumnMapping m = ColumnMapping.detect(
                    List.of(
                            new dev.shadowbench.core.ingest.SourceColumn("request_id", "VARCHAR"),
                            new dev.shadowbench.core.ingest.SourceColumn("prediction", "DOUBLE"),
                            new dev.shadowbench.core.ingest.SourceColumn(name, "BOOLEAN")),
                    ImportRequest.Kind.PREDICTIONS);
            assertEquals(name, m.column(Field.FEEDBACK), name);
        }
    }
}
