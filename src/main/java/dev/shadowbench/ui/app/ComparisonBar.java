package dev.shadowbench.ui.app;

import dev.shadowbench.core.compare.Comparison;
import dev.shadowbench.core.compare.ComparisonChoices;
import dev.shadowbench.core.compare.Side;
import dev.shadowbench.ui.baseline.BaselineDialog;
import dev.shadowbench.ui.baseline.BaselineViewModel;
import dev.shadowbench.ui.common.MainViewModel;
import java.time.LocalDate;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/**
 * Baseline, candidate and window: the global comparison every screen shows; the recipe of a synthetic baseline, and
 * "No baseline? Create one…" where there is nothing to compare yet.
 */
final class ComparisonBar extends HBox {
    private final MainViewModel vm;
    private final ComboBox<Side> baseline = new ComboBox<>();
    private final ComboBox<Side> candidate = new ComboBox<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Label recipe = new Label();
    private boolean updating;

    ComparisonBar(MainViewModel vm) {
        super(8);
        this.vm = vm;
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(0));
        baseline.setId("baseline-choice");
        candidate.setId("candidate-choice");
        from.setId("window-from");
        to.setId("window-to");
        // days as the rest of the app writes them (2026-11-22), wide enough to read whole
        for (DatePicker p : new DatePicker[] {from, to}) {
            p.setConverter(new javafx.util.converter.LocalDateStringConverter(
                    java.time.format.DateTimeFormatter.ISO_LOCAL_DATE,
                    java.time.format.DateTimeFormatter.ISO_LOCAL_DATE));
            p.setPrefWidth(150);
        }
        from.setPromptText("first day");
        to.setPromptText("last day");
        dev.shadowbench.ui.common.IsoDates.use(from, to);
        // a first model (one variant, or no comparison yet) gets a baseline from here; a synthetic one shows its recipe
        Button create = new Button("No baseline? Create one…");
        create.setId("create-baseline");
        create.visibleProperty()
                .bind(vm.comparisonProperty()
                        .isNull()
                        .and(vm.workspaceProperty().isNotNull()));
        create.managedProperty().bind(create.visibleProperty());
        create.setOnAction(e -> new BaselineDialog(
                        new BaselineViewModel(vm),
                        getScene() == null ? null : getScene().getWindow())
                .show());
        recipe.setId("baseline-recipe");
        recipe.getStyleClass().add("text-muted");
        recipe.managedProperty().bind(recipe.visibleProperty());
        getChildren()
                .addAll(
                        new Label("Baseline"),
                        baseline,
                        recipe,
                        new Label("vs  Candidate"),
                        candidate,
                        new Label("Window"),
                        from,
                        new Label(".."),
                        to,
                        create);
        disableProperty().bind(vm.choicesProperty().isNull());
        vm.choicesProperty().addListener((o, a, c) -> showChoices(c));
        vm.comparisonProperty().addListener((o, a, c) -> showComparison(c));
        baseline.valueProperty().addListener((o, a, b) -> push(true));
        candidate.valueProperty().addListener((o, a, b) -> push(true));
        from.valueProperty().addListener((o, a, b) -> push(false));
        to.valueProperty().addListener((o, a, b) -> push(false));
    }

    private void showChoices(ComparisonChoices c) {
        updating = true;
        try {
            baseline.getItems().setAll(c == null ? java.util.List.of() : c.sides());
            candidate.getItems().setAll(c == null ? java.util.List.of() : c.sides());
        } finally {
            updating = false;
        }
        showComparison(vm.comparison());
    }

    private void showComparison(Comparison c) {
        ComparisonChoices choices = vm.choicesProperty().get();
        String r = c == null || choices == null ? null : choices.recipeOf(c.baseline());
        recipe.setText(r == null ? "" : "synthetic: " + r);
        recipe.setVisible(r != null);
        updating = true;
        try {
            baseline.setValue(c == null ? null : c.baseline());
            candidate.setValue(c == null ? null : c.candidate());
            from.setValue(c == null ? null : c.from());
            to.setValue(c == null ? null : c.to());
        } finally {
            updating = false;
        }
    }

    /**
     * Sends the user's change to the view model; a window whose end precedes its start is swapped. New sides open on
     * the window their candidate's days suggest (a canary's ramp days, not the shadow's).
     */
    private void push(boolean sidesChanged) {
        if (updating || baseline.getValue() == null || candidate.getValue() == null) return;
        LocalDate f = from.getValue(), t = to.getValue();
        if (f != null && t != null && t.isBefore(f)) {
            LocalDate x = f;
            f = t;
            t = x;
        }
        Comparison next = new Comparison(baseline.getValue(), candidate.getValue(), f, t);
        ComparisonChoices choices = vm.choicesProperty().get();
        if (sidesChanged && choices != null) next = choices.withDefaultWindow(next);
        if (!next.equals(vm.comparison())) vm.comparisonProperty().set(next);
    }
}
