package dev.shadowbench.ui.baseline;

import dev.shadowbench.core.baseline.BaselineKind;
import dev.shadowbench.core.compare.Side;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.Window;

/** "No baseline? Create one": a small form for a synthetic baseline (kind, value, N, which labels it learns from). */
public final class BaselineDialog extends Dialog<ButtonType> {
    public static final ButtonType CREATE = new ButtonType("Create", ButtonBar.ButtonData.OK_DONE);

    public BaselineDialog(BaselineViewModel vm, Window owner) {
        if (owner != null) initOwner(owner);
        setTitle("Create a baseline");
        setHeaderText("A first model has no live version to be compared with: build a synthetic baseline\n"
                + "that answers every request the candidate answered.");

        ComboBox<Side> candidate = new ComboBox<>();
        candidate.setId("baseline-candidate");
        candidate.getItems().setAll(vm.candidates());
        candidate.valueProperty().bindBidirectional(vm.candidateProperty());
        ComboBox<BaselineKind> kind = new ComboBox<>();
        kind.setId("baseline-kind");
        kind.getItems().setAll(vm.kinds());
        kind.valueProperty().bindBidirectional(vm.kindProperty());
        TextField value = new TextField();
        value.setId("baseline-value");
        value.setPromptText("a number, a class, or items a,b,c");
        value.textProperty().bindBidirectional(vm.valueProperty());
        value.disableProperty().bind(vm.kindProperty().isNotEqualTo(BaselineKind.CONSTANT));
        TextField n = new TextField();
        n.setId("baseline-n");
        n.setPrefColumnCount(4);
        n.textProperty().bindBidirectional(vm.nProperty());
        n.disableProperty().bind(vm.kindProperty().isNotEqualTo(BaselineKind.TOP_N));
        CheckBox days = new CheckBox("Fit on the labels of these days only");
        days.setId("baseline-from-days");
        days.selectedProperty().bindBidirectional(vm.fromDaysProperty());
        days.disableProperty().bind(vm.kindProperty().isEqualTo(BaselineKind.CONSTANT));
        DatePicker from = new DatePicker(), to = new DatePicker();
        from.setId("baseline-from");
        dev.shadowbench.ui.common.IsoDates.use(from, to);
        to.setId("baseline-to");
        from.valueProperty().bindBidirectional(vm.fromProperty());
        to.valueProperty().bindBidirectional(vm.toProperty());
        from.disableProperty().bind(days.selectedProperty().not().or(days.disabledProperty()));
        to.disableProperty().bind(from.disabledProperty());
        TextField name = new TextField();
        name.setId("baseline-name");
        name.textProperty().bindBidirectional(vm.nameProperty());
        Label error = new Label();
        error.setId("baseline-error");
        error.setWrapText(true);
        error.getStyleClass().add("danger");
        error.textProperty().bind(vm.errorProperty());

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.setPadding(new Insets(8));
        int row = 0;
        grid.addRow(row++, new Label("Candidate"), candidate);
        grid.addRow(
                row++,
                new Label("Kind"),
                kind,
                hint("mean / median: regression · majority: classification · top-n: ranking"));
        grid.addRow(row++, new Label("Value"), value, hint("constant only"));
        grid.addRow(row++, new Label("N"), n, hint("top-n only: how many most clicked items"));
        grid.addRow(row++, new Label("Source"), days, new HBox(6, from, new Label(".."), to));
        grid.addRow(row++, new Label("Name"), name, hint("the variant the baseline appears as"));
        grid.add(error, 0, row, 3, 1);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().setAll(CREATE, ButtonType.CANCEL);
        Node create = getDialogPane().lookupButton(CREATE);
        create.setId("baseline-create");
        // an invalid form keeps the dialog open with the reason; a valid one starts the build and closes it
        create.addEventFilter(ActionEvent.ACTION, e -> {
            if (vm.create() == null) e.consume();
        });
    }

    private static Label hint(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("text-muted");
        return l;
    }
}
