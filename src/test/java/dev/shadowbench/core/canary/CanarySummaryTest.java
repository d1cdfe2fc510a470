package dev.shadowbench.core.canary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shadowbench.core.compare.Comparison;
import dev.shadowbench.core.compare.Side;
import dev.shadowbench.core.compare.Summary;
import dev.shadowbench.core.compare.SummaryOptions;
import dev.shadowbench.core.compare.SummaryService;
import dev.shadowbench.core.ingest.ImportRequest;
import dev.shadowbench.core.ingest.LogImporter;
import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The summary's canary figures on small imported canary logs (each request served by one arm). */
class CanarySummaryTest {
    @TempDir Path dir;
    Workspace ws;

    @BeforeEach void open() { ws = Workspace.inMemory(); }

    @AfterEach void close() { ws.close(); }

    /** {@code n} requests of one arm on {@code day}, ids prefix+i, every {@code every}-th one complaining. */
    static String arm(String prefix, String day, int n, int every) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append("{\"request_id\":\"").append(prefix).append(i).append("\",\"timestamp\":\"").append(day)
                    .append("T10:00:00\",\"prediction\":0.5,\"user_complaint\":").append(every > 0 && i % every == 0).append("}\n");
        }
        return sb.toString();
    }

    void importArm(String variant, String file, String text) throws Exception {
        Path p = dir.resolve(file);
        Files.writeString(p, text);
        new LogImporter(ws).run(ImportRequest.predictions(List.of(p), variant), ProgressSink.NONE);
    }

    Summary summary() throws Exception {
        try (Connection c = ws.connect()) {
            return SummaryService.compute(c, new Comparison(Side.variant("live"), Side.variant("canary"), null, null),
                    SummaryOptions.DEFAULT, ProgressSink.NONE);
        }
    }

    @Test
    void complaintRateCountsTrueNotEveryRecordWithFeedback() throws Exception {
        importArm("live", "live.jsonl", arm("l", "2026-11-20", 100, 10));
        importArm("canary", "canary.jsonl", arm("c", "2026-11-20", 20, 5));
        Summary s = summary();
        // every record carries user_complaint (true or false): the old rule gave a rate of 1.0 on both sides
        assertEquals(new Summary.SideFeedback(100, 100, 10, 0.1), s.feedback().baseline());
        assertEquals(new Summary.SideFeedback(20, 20, 4, 0.2), s.feedback().candidate());
    }
}
