package dev.shadowbench.ui.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shadowbench.core.ingest.Field;
import dev.shadowbench.core.ingest.ImportRequest;
import dev.shadowbench.core.workspace.Workspace;
import dev.shadowbench.ui.common.DialogService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportViewModelTest {
    @TempDir
    Path dir;

    final Workspace ws = Workspace.inMemory();
    final List<ImportRequest> started = new ArrayList<>();

    @AfterEach
    void close() {
        ws.close();
    }

    static final DialogService NO_DIALOGS = new dev.shadowbench.ui.QuietDialogs();

    ImportViewModel vm(Path... files) {
        return new ImportViewModel(
                () -> ws,
                NO_DIALOGS,
                r -> {
                    started.add(r);
                    return null;
                },
                List.of(files));
    }

    @Test
    void previewShowsFirstRowsAndProposesAMappingTheUserCanChange() throws Exception {
        Path f = Files.writeString(
                dir.resolve("canary.csv"),
                "inference_id,event_time,y_pred,elapsed_ms,other\n"
                        + "a,2026-11-20 10:00:00,1.5,3,x\nb,2026-11-20 10:00:01,2.5,4,y\n");
        ImportViewModel vm = vm(f);
        assertEquals("", vm.previewErrorProperty().get());
        assertEquals(
                List.of("inference_id", "event_time", "y_pred", "elapsed_ms", "other"),
                vm.previewProperty().get().columns());
        assertEquals(2, vm.previewProperty().get().rows().size());
        assertEquals("inference_id", vm.mappingProperty(Field.REQUEST_ID).get());
        assertEquals("y_pred", vm.mappingProperty(Field.PREDICTION).get());
        assertEquals("elapsed_ms", vm.mappingProperty(Field.LATENCY).get());
        assertEquals(ImportViewModel.NONE, vm.mappingProperty(Field.SEGMENT).get());

        vm.mappingProperty(Field.SEGMENT).set("other");
        vm.variantProperty().set("canary");
        vm.startImport();
        ImportRequest r = started.get(0);
        assertEquals("canary", r.variantOverride());
        assertEquals("other", r.mapping().column(Field.SEGMENT));
        assertEquals("y_pred", r.mapping().column(Field.PREDICTION));
    }

    @Test
    void anUnreadableFileSaysWhyInsteadOfAPreview() throws Exception {
        Path f = Files.writeString(dir.resolve("empty.jsonl"), "");
        ImportViewModel vm = vm(f);
        assertNull(vm.previewProperty().get());
        assertTrue(
                vm.previewErrorProperty().get().contains("empty"),
                vm.previewErrorProperty().get());
    }

    @Test
    void labelsModeShowsLabelFieldsAndBuildsALabelsRequest() throws Exception {
        Path f = Files.writeString(dir.resolve("labels.csv"), "request_id,actual\nr1,3\n");
        ImportViewModel vm = vm(f);
        vm.labelsProperty().set(true);
        assertEquals(List.of(Field.REQUEST_ID, Field.LABEL, Field.TIMESTAMP), vm.fields());
        assertEquals("actual", vm.mappingProperty(Field.LABEL).get());
        assertEquals(ImportRequest.Kind.LABELS, vm.request().kind());
    }
}
