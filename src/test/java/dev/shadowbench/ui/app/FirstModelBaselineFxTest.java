package dev.shadowbench.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shadowbench.core.baseline.BaselineKind;
import dev.shadowbench.core.baseline.FirstModelFixtures;
import dev.shadowbench.core.compare.Side;
import dev.shadowbench.core.workspace.AppHome;
import dev.shadowbench.ui.FxWait;
import dev.shadowbench.ui.common.DialogService;
import dev.shadowbench.ui.common.MainViewModel;
import dev.shadowbench.ui.common.TaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;

/**
 * A first model's workspace (one variant) in the real main window, headless: "No baseline? Create one…" opens the
 * dialog, which builds a mean baseline off the FX thread; the comparison then is the baseline vs the model, with
 * the recipe beside the baseline's name.
 */
class FirstModelBaselineFxTest extends ApplicationTest {
    private static Path dir;
    private MainViewModel vm;
    private final List<String> errors = new CopyOnWriteArrayList<>();

    @Override
    public void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("sb-first-model");
        FirstModelFixtures.workspace(dir, "regression").close();
        DialogService dialogs = new dev.shadowbench.ui.QuietDialogs() {
            @Override
            public void showError(String title, String message, Throwable details) {
                errors.add(title + ": " + message);
            }
        };
        vm = new MainViewModel(new AppHome(dir.resolve("home")), new TaskRunner(2), dialogs);
        stage.setScene(new Scene(new MainWindow(vm, ShadowbenchApp.screens(vm)), 1280, 800));
        stage.show();
        vm.open(dir.resolve("regression.duckdb"));
    }

    @Test
    void createsAMeanBaselineFromTheComparisonBar() throws Exception {
        FxWait.until(
                "the one-variant workspace is open with nothing to compare",
                () -> vm.workspace() != null && vm.choicesProperty().get() != null && vm.comparison() == null);
        Button create = lookup("#create-baseline").queryButton();
        assertTrue(create.isVisible(), "a first model is offered a baseline");
        assertEquals("No baseline? Create one…", create.getText());
        clickOn(create);
        FxWait.until("the dialog", () -> lookup("#baseline-kind").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        ComboBox<Side> candidate = lookup("#baseline-candidate").queryAs(ComboBox.class);
        assertEquals(Side.variant("shadow"), candidate.getValue());
        @SuppressWarnings("unchecked")
        ComboBox<BaselineKind> kind = lookup("#baseline-kind").queryAs(ComboBox.class);
        FxWait.onFx(() -> {
            kind.setValue(BaselineKind.MEAN);
            return null;
        });
        clickOn("#baseline-create");
        FxWait.until(
                "the comparison is the baseline vs the model",
                () -> vm.comparison() != null && vm.comparison().baseline().equals(Side.variant("baseline")),
                errors::toString);
        assertEquals(Side.variant("shadow"), vm.comparison().candidate());
        FxWait.until("the recipe beside the baseline", () -> lookup("#baseline-recipe")
                .queryAs(Label.class)
                .getText()
                .equals("synthetic: mean 45, from 147 labels"));
        assertTrue(errors.isEmpty(), errors.toString());
        FxWait.until(
                "the offer is gone",
                () -> !lookup("#create-baseline").queryButton().isVisible());
    }
}
