package dev.shadowbench.ui.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shadowbench.core.ingest.Field;
import dev.shadowbench.core.ingest.ImportReport;
import dev.shadowbench.core.ingest.ImportRequest;
import dev.shadowbench.core.ingest.MappingException;
import dev.shadowbench.core.workspace.Workspace;
import dev.shadowbench.ui.FxWait;
import dev.shadowbench.ui.common.DialogService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.concurrent.Task;
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

    // issue 20, item 12: Import waits for a request id, with the reason beside the field
    @Test
    void importIsDisabledWithTheReasonBesideTheFieldWhileNoRequestIdIsMapped() throws Exception {
        Path f = Files.writeString(dir.resolve("odd.csv"), "key,score\nk1,1.5\nk2,2.5\n");
        ImportViewModel vm = vm(f);
        assertEquals("", vm.previewErrorProperty().get());
        assertEquals(ImportViewModel.NONE, vm.mappingProperty(Field.REQUEST_ID).get());
        assertFalse(vm.canImport());
        assertTrue(
                vm.blockerProperty().get().contains("request id"),
                vm.blockerProperty().get());
        assertTrue(vm.fieldErrorProperty(Field.REQUEST_ID).get().startsWith("Required"));
        assertNull(vm.startImport());
        assertTrue(started.isEmpty(), "nothing starts while the request id is missing");

        vm.mappingProperty(Field.REQUEST_ID).set("key");
        assertTrue(vm.canImport());
        assertEquals("", vm.blockerProperty().get());
        assertEquals("", vm.fieldErrorProperty(Field.REQUEST_ID).get());
        vm.mappingProperty(Field.PREDICTION).set(ImportViewModel.NONE);
        assertFalse(vm.canImport(), "a prediction is required too");
        assertTrue(vm.fieldErrorProperty(Field.PREDICTION).get().startsWith("Required"));
    }

    @Test
    void aLabelsFileIsRecognisedInThePreview() throws Exception {
        // as `generate` writes it
        Path f = Files.writeString(dir.resolve("labels.csv"), "request_id,actual\nr1,3.5\nr2,4\n");
        ImportViewModel vm = vm(f);
        assertTrue(vm.labelsProperty().get());
        assertTrue(
                vm.noticeProperty().get().startsWith("Labels file: will be imported as labels"),
                vm.noticeProperty().get());
        assertEquals(ImportRequest.Kind.LABELS, vm.request().kind());
        assertTrue(vm.canImport());
        // the user's choice wins: unticked, it stays predictions (and then needs a prediction column)
        vm.labelsProperty().set(false);
        assertFalse(vm.labelsProperty().get());
        assertEquals("", vm.noticeProperty().get());
        assertEquals(ImportRequest.Kind.PREDICTIONS, vm.request().kind());
    }

    @Test
    void aPredictionsFileIsNotTakenForLabels() throws Exception {
        Path f = Files.writeString(dir.resolve("p.csv"), "request_id,prediction,actual\nr1,3.5,3\n");
        ImportViewModel vm = vm(f);
        assertFalse(vm.labelsProperty().get());
        assertEquals("", vm.noticeProperty().get());
    }

    @Test
    void mixedLineEndingsAreSaidForAPerson() throws Exception {
        StringBuilder sb = new StringBuilder("request_id,prediction,latency_ms\r\n");
        for (int i = 0; i < 40; i++) sb.append("r").append(i).append(",1.5,3").append(i % 2 == 0 ? "\r\n" : "\n");
        Path f = Files.writeString(dir.resolve("mixed.csv"), sb.toString());
        ImportViewModel vm = vm(f);
        String e = vm.previewErrorProperty().get();
        assertTrue(e.startsWith("mixed.csv cannot be read: its lines end in different ways"), e);
        assertTrue(e.contains("with CR LF (Windows)") && e.contains("with LF only (Unix)"), e);
        assertTrue(e.contains("dos2unix"), "says what to do: " + e);
        assertFalse(vm.canImport());
    }

    @Test
    void aFailedImportKeepsTheDialogOpenWithTheErrorBesideTheFieldAndTheMapping() throws Exception {
        FxWait.startFx();
        Path f = Files.writeString(dir.resolve("shadow.csv"), "rid,score,grp\nr1,1.5,a\n");
        List<Throwable> failures = new ArrayList<>(List.of(
                new MappingException(
                        Field.SEGMENT,
                        "shadow-2.csv: the mapping sends field segment to column 'grp', "
                                + "which the file does not have"),
                new dev.shadowbench.core.BadInputException("shadow-2.csv cannot be read as csv: ...")));
        ImportViewModel vm = new ImportViewModel(
                () -> ws,
                NO_DIALOGS,
                r -> {
                    started.add(r);
                    Throwable t = failures.isEmpty() ? null : failures.remove(0);
                    return new Task<ImportReport>() {
                        @Override
                        protected ImportReport call() throws Exception {
                            if (t != null) throw (Exception) t;
                            return null;
                        }
                    };
                },
                List.of(f));
        vm.mappingProperty(Field.SEGMENT).set("grp");
        FxWait.runFx(() -> vm.startImport().run());
        FxWait.settle(); // the task reports its end through the FX queue
        assertFalse(vm.doneProperty().get(), "the dialog stays open");
        assertTrue(vm.fieldErrorProperty(Field.SEGMENT).get().contains("'grp'"));
        assertEquals("rid", vm.mappingProperty(Field.REQUEST_ID).get(), "the mapping is kept");
        assertEquals("grp", vm.mappingProperty(Field.SEGMENT).get());
        assertFalse(vm.canImport(), "until the field is changed");
        vm.mappingProperty(Field.SEGMENT).set(ImportViewModel.NONE);
        assertTrue(vm.canImport());

        FxWait.runFx(() -> vm.startImport().run());
        FxWait.settle(); // the task reports its end through the FX queue
        assertFalse(vm.doneProperty().get());
        assertTrue(vm.importErrorProperty().get().startsWith("shadow-2.csv cannot be read"), "beside the files");

        FxWait.runFx(() -> vm.startImport().run());
        FxWait.settle(); // the task reports its end through the FX queue
        assertTrue(vm.doneProperty().get(), "closes once the import succeeded");
        assertEquals(3, started.size());
    }

    @Test
    void previewIsReadOffTheFxThreadAndANewerChoiceDropsTheOlderRead() throws Exception {
        FxWait.startFx();
        Path first = Files.writeString(dir.resolve("live.csv"), "rid,score\nr1,1.5\n");
        Path second = Files.writeString(dir.resolve("shadow.csv"), "request_id,prediction,segment\nr1,2.5,web\n");
        // reads are queued and run by hand on a thread of the test's own, so the FX thread's view can be checked
        // between
        java.util.concurrent.BlockingQueue<Runnable> queued = new java.util.concurrent.LinkedBlockingQueue<>();
        List<Thread> readers = new java.util.concurrent.CopyOnWriteArrayList<>();
        dev.shadowbench.ui.common.TaskRunner runner = new dev.shadowbench.ui.common.TaskRunner(r -> queued.add(() -> {
            readers.add(Thread.currentThread());
            r.run();
        }));
        ImportViewModel vm = FxWait.onFx(() -> {
            ImportViewModel m = new ImportViewModel(
                    () -> ws,
                    NO_DIALOGS,
                    r -> {
                        started.add(r);
                        return null;
                    },
                    runner,
                    List.of(first));
            // nothing was read on the FX thread: the dialog says it is reading, and Import waits for it
            assertNull(m.previewProperty().get());
            assertTrue(m.previewReadingProperty().get());
            assertEquals("Reading the first file…", m.blockerProperty().get());
            m.files().setAll(second); // the choice changes before the first read ran
            return m;
        });
        assertEquals(2, queued.size());
        Thread worker = new Thread(() -> {
            Runnable r;
            while ((r = queued.poll()) != null) r.run();
        });
        worker.start();
        worker.join();
        FxWait.until(
                "the preview of the second file", () -> vm.previewProperty().get() != null);
        FxWait.runFx(() -> {
            assertEquals(second, vm.previewProperty().get().file());
            assertEquals(
                    List.of("request_id", "prediction", "segment"),
                    vm.previewProperty().get().columns());
            assertFalse(vm.previewReadingProperty().get());
            assertEquals("", vm.blockerProperty().get());
        });
        assertFalse(readers.isEmpty());
        for (Thread t : readers) assertEquals(worker, t);
    }
}
