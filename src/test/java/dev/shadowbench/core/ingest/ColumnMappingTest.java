package dev.shadowbench.core.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shadowbench.core.BadInputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ColumnMappingTest {
    static SourceColumn c(String n, String t) {
        return new SourceColumn(n, t);
    }

    @Test
    void detectsCommonTeamNames() {
        ColumnMapping m = ColumnMapping.detect(
                List.of(
                        c("Corr_ID", "VARCHAR"),
                        c("event_time", "TIMESTAMP"),
                        c("model_version", "VARCHAR"),
                        c("model", "VARCHAR"),
                        c("output", "DOUBLE"),
                        c("duration_ms", "BIGINT"),
                        c("cohort", "VARCHAR"),
                        c("complaint", "VARCHAR"),
                        c("arm", "VARCHAR")),
                ImportRequest.Kind.PREDICTIONS);
        assertEquals(
                Map.of(
                        Field.REQUEST_ID,
                        "Corr_ID",
                        Field.TIMESTAMP,
                        "event_time",
                        Field.VERSION,
                        "model_version",
                        Field.MODEL,
                        "model",
                        Field.PREDICTION,
                        "output",
                        Field.LATENCY,
                        "duration_ms",
                        Field.SEGMENT,
                        "cohort",
                        Field.FEEDBACK,
                        "complaint",
                        Field.VARIANT,
                        "arm"),
                m.columns());
    }

    @Test
    void detectsShortNamesSeenInRealLogs() {
        // issue 20, item 12: rid, event_ts, ver, ms and channel were left unmapped
        ColumnMapping m = ColumnMapping.detect(
                List.of(
                        c("rid", "VARCHAR"),
                        c("event_ts", "TIMESTAMP"),
                        c("ver", "VARCHAR"),
                        c("channel", "VARCHAR"),
                        c("prediction", "DOUBLE"),
                        c("ms", "DOUBLE")),
                ImportRequest.Kind.PREDICTIONS);
        assertEquals(
                Map.of(
                        Field.REQUEST_ID, "rid",
                        Field.TIMESTAMP, "event_ts",
                        Field.VERSION, "ver",
                        Field.VARIANT, "channel",
                        Field.PREDICTION, "prediction",
                        Field.LATENCY, "ms"),
                m.columns());
    }

    @Test
    void prefersSpecificNamesAndMatchesInsideLongerOnes() {
        ColumnMapping m = ColumnMapping.detect(
                List.of(
                        c("id", "BIGINT"),
                        c("request_id", "VARCHAR"),
                        c("model_score_v2", "DOUBLE"),
                        c("ts", "VARCHAR")),
                ImportRequest.Kind.PREDICTIONS);
        assertEquals("request_id", m.column(Field.REQUEST_ID));
        assertEquals("model_score_v2", m.column(Field.PREDICTION));
        assertEquals("ts", m.column(Field.TIMESTAMP));
    }

    @Test
    void labelsTakeTheOtherColumnOfATwoColumnFile() {
        ColumnMapping m = ColumnMapping.detect(
                List.of(c("request_id", "VARCHAR"), c("delivery_minutes", "DOUBLE")), ImportRequest.Kind.LABELS);
        assertEquals("delivery_minutes", m.column(Field.LABEL));
    }

    @Test
    void jsonRoundTripAndUnknownFieldsAreBadInput() {
        ColumnMapping m = new ColumnMapping(Map.of(Field.REQUEST_ID, "rid", Field.LATENCY, "ms"));
        assertEquals(m, ColumnMapping.fromJson(m.toJson(), "x"));
        BadInputException e =
                assertThrows(BadInputException.class, () -> ColumnMapping.fromJson("{\"colour\":\"c\"}", "m.json"));
        assertEquals(true, e.getMessage().startsWith("m.json: unknown field 'colour'"), e.getMessage());
    }
}
