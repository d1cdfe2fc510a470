package dev.shadowbench.ui.baseline;

import dev.shadowbench.core.BadInputException;
import dev.shadowbench.core.baseline.BaselineKind;
import dev.shadowbench.core.baseline.BaselineRequest;
import dev.shadowbench.core.compare.BaselineRecipe;
import dev.shadowbench.core.compare.ComparisonChoices;
import dev.shadowbench.core.compare.Side;
import dev.shadowbench.ui.common.MainViewModel;
import java.time.LocalDate;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;

/**
 * The "create a baseline" dialog's state: which candidate, which kind, the constant's value or the top-N, and which
 * labels to fit on (every label, or those of a period). {@link #create()} checks it and hands the build to the main
 * view model, which runs it off the FX thread.
 */
public final class BaselineViewModel {
    private final MainViewModel main;
    private final List<Side> candidates;
    private final ObjectProperty<Side> candidate = new SimpleObjectProperty<>();
    private final ObjectProperty<BaselineKind> kind = new SimpleObjectProperty<>(BaselineKind.MEAN);
    private final StringProperty value = new SimpleStringProperty("");
    private final StringProperty n = new SimpleStringProperty(String.valueOf(BaselineRequest.DEFAULT_N));
    private final BooleanProperty fromDays = new SimpleBooleanProperty(false);
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final StringProperty name = new SimpleStringProperty(BaselineRequest.DEFAULT_NAME);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    public BaselineViewModel(MainViewModel main) {
        this.main = main;
        ComparisonChoices c = main.choicesProperty().get();
        // a synthetic baseline answers for a model, never for another baseline
        this.candidates = c == null
                ? List.of()
                : c.sides().stream().filter(s -> c.recipeOf(s) == null).toList();
        if (!candidates.isEmpty()) candidate.set(candidates.get(0));
        if (c != null) {
            from.set(c.firstDay());
            to.set(c.firstDay());
        }
    }

    public List<Side> candidates() {
        return candidates;
    }

    public List<BaselineKind> kinds() {
        return List.of(BaselineKind.values());
    }

    public ObjectProperty<Side> candidateProperty() {
        return candidate;
    }

    public ObjectProperty<BaselineKind> kindProperty() {
        return kind;
    }

    public StringProperty valueProperty() {
        return value;
    }

    public StringProperty nProperty() {
        return n;
    }

    public BooleanProperty fromDaysProperty() {
        return fromDays;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public StringProperty nameProperty() {
        return name;
    }

    /** Why the last {@link #create()} was refused; empty when it was not. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The request the fields describe; a {@link BadInputException} says what is wrong. */
    BaselineRequest request() {
        BaselineKind k = kind.get();
        Integer topN = null;
        if (k == BaselineKind.TOP_N) {
            try {
                topN = Integer.valueOf(n.get().strip());
            } catch (NumberFormatException e) {
                throw new BadInputException("N must be a whole number, not '" + n.get() + "'");
            }
        }
        boolean days = fromDays.get() && k != BaselineKind.CONSTANT;
        return new BaselineRequest(
                name.get(),
                candidate.get(),
                k,
                k == BaselineKind.CONSTANT ? value.get() : null,
                topN,
                days ? from.get() : null,
                days ? to.get() : null);
    }

    /** Starts the build, or says why it cannot start (then returns null and the dialog stays open). */
    public Task<BaselineRecipe> create() {
        try {
            BaselineRequest r = request();
            error.set("");
            return main.createBaseline(r);
        } catch (BadInputException | IllegalArgumentException e) {
            error.set(e.getMessage());
            return null;
        }
    }
}
