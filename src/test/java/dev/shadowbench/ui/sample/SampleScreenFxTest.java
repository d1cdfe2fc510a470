package dev.shadowbench.ui.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shadowbench.core.review.SamplePair;
import dev.shadowbench.ui.FxWait;
import dev.shadowbench.ui.app.ShadowbenchApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;

/** Drives the Sample screen headless: change the seed, mark a verdict, reopen the workspace, find the verdict. */
class SampleScreenFxTest extends ApplicationTest {
    private static Path home;

    @BeforeAll
    static void emptyHome() throws Exception {
        home = Files.createTempDirectory("sb-home");
        System.setProperty("shadowbench.home", home.toString());
    }

    @AfterAll
    static void restore() {
        System.clearProperty("shadowbench.home");
    }

    @Override
    public void start(Stage stage) {
        new ShadowbenchApp().start(stage);
    }

    private TableView<SamplePair> table() {
        return lookup("#sample-table").queryTableView();
    }

    private List<String> ids() {
        return table().getItems().stream().map(SamplePair::requestId).toList();
    }

    private void waitUntil(String what, java.util.concurrent.Callable<Boolean> c) throws Exception {
        FxWait.until(
                what,
                c,
                () -> lookup("#status-text").queryAs(Label.class).getText() + " · "
                        + lookup("#sample-status")
                                .tryQuery()
                                .map(n -> ((Label) n).getText())
                                .orElse("(no sample screen)"));
    }

    @Test
    void seedVerdictAndReopen() throws Exception {
        waitUntil(
                "the sample workspace",
                () -> lookup("#workspace-label").queryAs(Label.class).getText().contains("sample.duckdb"));
        // the first start asks who is reviewing; the answer is the status bar's reviewer (issue 20, item 6)
        waitUntil(
                "the reviewer question",
                () -> lookup("#reviewer-name").tryQuery().isPresent());
        interact(() -> lookup("#reviewer-name")
                .queryAs(javafx.scene.control.TextField.class)
                .clear());
        clickOn("#reviewer-name").write("ana").push(KeyCode.ENTER);
        waitUntil(
                "the reviewer in the status bar",
                () -> lookup("#status-reviewer").queryLabeled().getText().equals("Reviewer: ana"));
        press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL); // Sample is the third screen
        waitUntil(
                "the first sample",
                () -> lookup("#sample-table").tryQuery().isPresent()
                        && table().getItems().size() == 100);
        List<String> seed1 = ids();

        doubleClickOn("#sample-seed").eraseText(3).write("4242");
        clickOn("#sample-draw");
        waitUntil("the sample of seed 4242", () -> table().getItems().size() == 100 && !ids().equals(seed1));
        List<String> seed4242 = ids();
        assertNotEquals(seed1, seed4242);

        // select the first row, write a note, mark it wrong
        interact(() -> table().getSelectionModel().select(0));
        String id = table().getSelectionModel().getSelectedItem().requestId();
        waitUntil("the selected pair's detail", () -> lookup("#detail-records")
                .queryAs(TextArea.class)
                .getText()
                .contains(id));
        assertTrue(lookup("#detail-records").queryAs(TextArea.class).getText().contains("── Candidate"));
        clickOn("#verdict-note").write("leak? check the feature pipeline");
        clickOn("#verdict-wrong-button");
        waitUntil("the verdict on the row", () -> "wrong".equals(row(id).verdict()));
        // the selected row stays readable when the table has lost focus to the note field (issue 20, item 2)
        assertFalse(table().isFocused());
        assertReadableSelection(id);
        interact(() -> table().getSelectionModel().select(1));
        assertFalse(table().isFocused());
        assertReadableSelection(table().getSelectionModel().getSelectedItem().requestId());
        interact(() -> table().getSelectionModel().select(0));

        // reopen the workspace: the verdict was saved in it, and the seed was remembered
        clickOn("File").clickOn("Open sample workspace");
        waitUntil(
                "the reopened sample with the verdict",
                () -> table().getItems().size() == 100 && ids().equals(seed4242) && row(id).verdict() != null);
        assertEquals("wrong", row(id).verdict());
        assertEquals("leak? check the feature pipeline", row(id).note());
        waitUntil(
                "the status counting the verdict",
                () -> lookup("#sample-status").queryAs(Label.class).getText().endsWith("· 1 reviewed"));
    }

    /** The selected row's text against its background: at least WCAG AA's 4.5:1 in every cell. */
    private void assertReadableSelection(String id) {
        TableRow<?> row = lookup(".table-row-cell")
                .match((TableRow<?> r) ->
                        r.getItem() instanceof SamplePair p && p.requestId().equals(id))
                .queryAs(TableRow.class);
        assertTrue(row.isSelected());
        List<BackgroundFill> fills = row.getBackground().getFills();
        Color bg = (Color) fills.get(0).getFill();
        for (BackgroundFill f : fills) bg = over((Color) f.getFill(), bg);
        Color background = bg;
        for (javafx.scene.Node n : row.lookupAll(".table-cell")) {
            Labeled cell = (Labeled) n;
            if (cell.getText() == null || cell.getText().isEmpty()) continue;
            double ratio = contrast((Color) cell.getTextFill(), background);
            assertTrue(ratio >= 4.5, cell.getText() + ": " + cell.getTextFill() + " on " + background + " = " + ratio);
        }
    }

    private static Color over(Color top, Color under) {
        double a = top.getOpacity();
        return Color.color(
                top.getRed() * a + under.getRed() * (1 - a),
                top.getGreen() * a + under.getGreen() * (1 - a),
                top.getBlue() * a + under.getBlue() * (1 - a));
    }

    private static double contrast(Color a, Color b) {
        double la = luminance(a), lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    private SamplePair row(String id) {
        return table().getItems().stream()
                .filter(p -> p.requestId().equals(id))
                .findFirst()
                .orElseThrow();
    }
}
