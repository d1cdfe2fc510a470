package dev.shadowbench.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shadowbench.core.decide.GateResult;
import dev.shadowbench.core.decide.GateStatus;
import dev.shadowbench.core.decide.Recommendation;
import dev.shadowbench.core.decide.Verdict;
import java.util.Collections;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;

/** The banner's recommendation is never cut short, however long the failed gates' line beside it is. */
class VerdictBannerFxTest extends ApplicationTest {
    private VerdictBanner banner;

    @Override
    public void start(Stage stage) {
        banner = new VerdictBanner();
        Scene scene = new Scene(new StackPane(banner), 700, 120);
        scene.getStylesheets()
                .add(VerdictBanner.class
                        .getResource("/dev/shadowbench/ui/shadowbench.css")
                        .toExternalForm()); // the badge's large bold type
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void rollbackIsReadInFull() {
        String longDetail = String.join(" ", Collections.nCopies(40, "over the budget"));
        GateResult gate = new GateResult(
                "latency_p99", "Candidate p99 latency", GateStatus.FAIL, 74.4, "ms", "<= 1.1x", true, longDetail);
        interact(() -> banner.show(new Verdict(Recommendation.ROLLBACK, 0.75, List.of(gate, gate, gate))));
        Label badge = lookup("#verdict-recommendation").queryAs(Label.class);
        assertEquals("ROLLBACK", badge.getText());
        assertTrue(
                badge.getWidth() >= badge.prefWidth(-1) - 0.5,
                "the badge is " + badge.getWidth() + " wide, its text needs " + badge.prefWidth(-1));
    }
}
