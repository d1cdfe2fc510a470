package dev.shadowbench.core.outliers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shadowbench.core.workspace.Workspace;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutlierStoreTest {
    @Test
    void dismissalsAndSettingsSurviveReopening(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ws.duckdb");
        OutlierSettings s = OutlierSettings.parse(List.of("extreme.span_k=5"));
        try (Workspace ws = Workspace.open(file);
                Connection c = ws.connect()) {
            OutlierStore.dismiss(c, "live/*/* vs shadow/*/*", "req-1", "extreme", "checked: a real big order", "ana");
            OutlierStore.dismiss(c, "live/*/* vs shadow/*/*", "req-2", "leak", null, "ana");
            OutlierStore.dismiss(c, "other", "req-3", "leak", null, "ana");
            OutlierStore.restore(c, "live/*/* vs shadow/*/*", "req-2", "leak");
            OutlierStore.saveSettings(c, s);
            OutlierStore.saveSettings(c, s);
        }
        try (Workspace ws = Workspace.open(file);
                Connection c = ws.connect()) {
            var d = OutlierStore.dismissals(c, "live/*/* vs shadow/*/*");
            assertEquals(List.of(OutlierStore.Dismissal.key("req-1", "extreme")), List.copyOf(d.keySet()));
            assertEquals(
                    "checked: a real big order", d.values().iterator().next().note());
            assertTrue(d.values().iterator().next().dismissedAt() != null);
            assertEquals(s, OutlierStore.loadSettings(c));
        }
    }

    @Test
    void noStoredSettingsMeansDefaults() throws Exception {
        try (Workspace ws = Workspace.inMemory();
                Connection c = ws.connect()) {
            assertEquals(OutlierSettings.defaults(), OutlierStore.loadSettings(c));
        }
    }
}
