package dev.shadowbench.ui.common;

import static dev.shadowbench.ui.FxWait.runFx;
import static dev.shadowbench.ui.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shadowbench.core.compare.Comparison;
import dev.shadowbench.core.compare.Side;
import dev.shadowbench.core.extract.ExtractFixture;
import dev.shadowbench.core.extract.ExtractImport;
import dev.shadowbench.core.extract.ExtractLogs;
import dev.shadowbench.core.workspace.Workspace;
import dev.shadowbench.ui.DecisionsFixture;
import dev.shadowbench.ui.FxWait;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File > Import of a Spark extract (its manifest.json chosen): imported as it is, and the window opens on it. */
class ImportExtractTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void fx() {
        FxWait.startFx();
    }

    @Test
    void anExtractOpensOnItsComparison() throws Exception {
        Path extract = dir.resolve("extract");
        Comparison cmp = new Comparison(Side.variant("live"), Side.variant("shadow"), null, null);
        ExtractFixture.fromLogs(ExtractLogs.Task.REGRESSION, 200, true, cmp, ExtractFixture.Settings.DEFAULT, extract);
        // the file chooser hands over the manifest; a drop may hand over the folder
        assertEquals(extract, ExtractImport.folderOf(List.of(extract.resolve("manifest.json"))));
        assertEquals(extract, ExtractImport.folderOf(List.of(extract)));
        assertEquals(null, ExtractImport.folderOf(List.of(extract.resolve("pairs"))));

        Path file = dir.resolve("desk.duckdb");
        try (Workspace w = Workspace.open(file)) {
            // an empty workspace
        }
        DecisionsFixture fx = new DecisionsFixture(dir);
        runFx(() -> fx.main.open(file));
        until("choices", () -> fx.main.choicesProperty().get() != null);
        runFx(() -> fx.main.importExtract(extract));
        until("told", () -> !fx.announced.isEmpty() || !fx.errors.isEmpty(), () -> fx.errors);
        assertTrue(fx.errors.isEmpty(), fx.errors.toString());
        assertTrue(fx.announced.get(0).contains("Imported extract 1: live/*/* vs shadow/*/*"), fx.announced.get(0));
        until("the extract's comparison", () -> cmp.equals(fx.main.comparison()));
        until("its days in the bar", () -> LocalDate.of(2026, 11, 21)
                .equals(fx.main.choicesProperty().get().lastDay()));
        assertTrue(fx.main.choicesProperty().get().sides().contains(Side.variant("shadow")));
    }
}
