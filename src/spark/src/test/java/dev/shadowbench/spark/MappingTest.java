package dev.shadowbench.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shadowbench.core.ingest.ColumnMapping;
import dev.shadowbench.core.ingest.Field;
import dev.shadowbench.core.ingest.ImportRequest;
import dev.shadowbench.core.ingest.SourceColumn;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The desk's detection rules, on the names teams give their columns. */
class MappingTest {
    @Test
    void detectsTheDesksAliases() {
        ColumnMapping m = ColumnMapping.detect(
                List.of(
                        new SourceColumn("corr_id", "VARCHAR"),
                        new SourceColumn("event_time", "VARCHAR"),
                        new SourceColumn("model_version", "VARCHAR"),
                        new SourceColumn("arm", "VARCHAR"),
                        new SourceColumn("score", "DOUBLE"),
                        new SourceColumn("elapsed_ms", "DOUBLE"),
                        new SourceColumn("country", "VARCHAR"),
                        new SourceColumn("thumbs_down", "BOOLEAN")),
                ImportRequest.Kind.PREDICTIONS);
        assertEquals("corr_id", m.column(Field.REQUEST_ID));
        assertEquals("event_time", m.column(Field.TIMESTAMP));
        assertEquals("model_version", m.column(Field.VERSION));
        assertEquals("arm", m.column(Field.VARIANT));
        assertEquals("score", m.column(Field.PREDICTION));
        assertEquals("elapsed_ms", m.column(Field.LATENCY));
        assertEquals("country", m.column(Field.SEGMENT));
        assertEquals("thumbs_down", m.column(Field.FEEDBACK));
    }

    @Test
    void containedNamesAndTypesAsTheDesk() {
        ColumnMapping m = ColumnMapping.detect(
                List.of(
                        new SourceColumn("my_request_id_v2", "VARCHAR"),
                        new SourceColumn("ranking", "VARCHAR[]"),
                        new SourceColumn("latency_budget", "VARCHAR[]")),
                ImportRequest.Kind.PREDICTIONS);
        assertEquals("my_request_id_v2", m.column(Field.REQUEST_ID));
        assertEquals("ranking", m.column(Field.PREDICTION));
        assertFalse(m.has(Field.LATENCY), "a list is no latency");
    }

    @Test
    void aTwoColumnLabelFileTakesTheOtherColumn() {
        ColumnMapping m = ColumnMapping.detect(
                List.of(new SourceColumn("request_id", "VARCHAR"), new SourceColumn("delivered_minutes", "DOUBLE")),
                ImportRequest.Kind.LABELS);
        assertEquals("delivered_minutes", m.column(Field.LABEL));
    }

    @Test
    void readsTheDesksMappingJson() {
        ColumnMapping m = ColumnMapping.fromJson(
                "{\"REQUEST_ID\": \"rid\", \"prediction\": \"yhat\", \"segment\": \"\"}", "m.json");
        assertEquals("rid", m.column(Field.REQUEST_ID));
        assertEquals("yhat", m.column(Field.PREDICTION));
        assertFalse(m.has(Field.SEGMENT));
        var e = assertThrows(
                dev.shadowbench.core.BadInputException.class,
                () -> ColumnMapping.fromJson("{\"nope\": \"x\"}", "m.json"));
        assertEquals(true, e.getMessage().contains("unknown field 'nope'"));
        assertThrows(dev.shadowbench.core.BadInputException.class, () -> ColumnMapping.fromJson("[1]", "m.json"));
    }
}
