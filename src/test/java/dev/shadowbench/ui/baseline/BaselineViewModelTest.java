package dev.shadowbench.ui.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shadowbench.core.baseline.BaselineKind;
import dev.shadowbench.core.baseline.BaselineRequest;
import dev.shadowbench.core.workspace.AppHome;
import dev.shadowbench.ui.FxWait;
import dev.shadowbench.ui.common.DialogService;
import dev.shadowbench.ui.common.MainViewModel;
import dev.shadowbench.ui.common.TaskRunner;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dialog's fields make a request, or a reason it cannot be made, without a window or a workspace. */
class BaselineViewModelTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void fx() {
        FxWait.startFx();
    }

    /** Dialogs that show nothing and choose nothing. */
    private static final DialogService NO_DIALOGS = (DialogService) Proxy.newProxyInstance(
            DialogService.class.getClassLoader(),
            new Class<?>[] {DialogService.class},
            (p, m, a) -> m.getReturnType() == Optional.class
                    ? Optional.empty()
                    : m.getReturnType() == List.class ? List.of() : null);

    private BaselineViewModel vm() {
        MainViewModel main = new MainViewModel(new AppHome(dir), new TaskRunner(Runnable::run), NO_DIALOGS);
        return new BaselineViewModel(main);
    }

    @Test
    void aTopNRequestFromDaysCarriesNAndThePeriod() {
        BaselineViewModel vm = vm();
        vm.candidateProperty().set(dev.shadowbench.core.compare.Side.variant("shadow"));
        vm.kindProperty().set(BaselineKind.TOP_N);
        vm.nProperty().set("5");
        vm.valueProperty().set("ignored unless constant");
        vm.fromDaysProperty().set(true);
        vm.fromProperty().set(LocalDate.of(2026, 11, 18));
        vm.toProperty().set(LocalDate.of(2026, 11, 19));
        BaselineRequest r = vm.request();
        assertEquals(5, r.topN());
        assertNull(r.value());
        assertEquals(LocalDate.of(2026, 11, 19), r.to());
        assertEquals("baseline", r.name());
    }

    @Test
    void aBadFormSaysWhyAndStartsNothing() {
        BaselineViewModel vm = vm();
        vm.candidateProperty().set(dev.shadowbench.core.compare.Side.variant("shadow"));
        vm.kindProperty().set(BaselineKind.TOP_N);
        vm.nProperty().set("ten");
        assertNull(vm.create());
        assertTrue(
                vm.errorProperty().get().contains("whole number"),
                vm.errorProperty().get());
        vm.kindProperty().set(BaselineKind.CONSTANT);
        vm.valueProperty().set(" ");
        assertNull(vm.create());
        assertTrue(
                vm.errorProperty().get().contains("--value"), vm.errorProperty().get());
    }
}
