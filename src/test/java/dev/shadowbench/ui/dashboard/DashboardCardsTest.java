package dev.shadowbench.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shadowbench.core.compare.Summary;
import dev.shadowbench.ui.FxWait;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.Test;

/** Two-sided figures on the cards read baseline → candidate with the change, in words and colour (issue 20, item 10). */
class DashboardCardsTest {
    private static Summary withLabels(Summary.LabelFigures b, Summary.LabelFigures c) {
        Summary.Labels l = new Summary.Labels(1200, null, b, c, null);
        return new Summary(null, null, null, null, null, l, List.of(), null, null, null, null, Map.of(), null);
    }

    private static Label find(VBox card, String id) {
        return (Label) card.lookup("#" + id);
    }

    @Test
    void anRmseThatTriplesIsTheHeadlineAndReadsWorse() throws Exception {
        FxWait.startFx();
        // the issue's case: MAE slightly better, RMSE 6.2 -> 19.4
        Summary s = withLabels(
                new Summary.LabelFigures(3.52, 6.2, null, null, null, null, null),
                new Summary.LabelFigures(3.323, 19.4, null, null, null, null, null));
        VBox card = FxWait.onFx(() -> DashboardCards.labels(s));
        Label head = find(card, "card-labels-headline");
        assertEquals("RMSE 6.2 → 19.4, worse", head.getText());
        assertTrue(head.getStyleClass().contains("change-worse"));
        Label mae = find(card, "card-labels-MAE");
        assertEquals("3.52 → 3.32\n−0.197, better", mae.getText());
        assertTrue(mae.getStyleClass().contains("change-better"));
        Label rmse = find(card, "card-labels-RMSE");
        assertTrue(rmse.getStyleClass().contains("change-worse"));
    }

    @Test
    void classificationFiguresShowTheirChangeToo() throws Exception {
        FxWait.startFx();
        Summary s = withLabels(
                new Summary.LabelFigures(null, null, 0.80, 0.70, 0.60, 0.45, null),
                new Summary.LabelFigures(null, null, 0.85, 0.70, 0.55, 0.40, null));
        VBox card = FxWait.onFx(() -> DashboardCards.labels(s));
        assertEquals(
                "accuracy 80.0% → 85.0%, better",
                find(card, "card-labels-headline").getText());
        assertTrue(find(card, "card-labels-precision").getText().endsWith("\nsame"));
        assertTrue(find(card, "card-labels-recall").getText().endsWith(", worse"));
        assertTrue(find(card, "card-labels-log-loss").getStyleClass().contains("change-better"));
    }
}
