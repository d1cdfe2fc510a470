package dev.shadowbench.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shadowbench.ui.FxWait;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;

/** The shared table helper on a real table: middle-shortened ids, full values in tooltips, widths, double-click. */
class TablesFxTest extends ApplicationTest {
    record Pair(String id, Double value, String note) {}

    private static final String LONG_ID = "3f2a7b6c-0d1e-4f5a-8b9c-aa11bb229c1e";
    private final List<Pair> opened = new ArrayList<>();
    private TableView<Pair> table;
    private TableColumn<Pair, String> id;
    private TableColumn<Pair, Double> value;

    @Override
    public void start(Stage stage) {
        table = new TableView<>(FXCollections.observableArrayList(
                new Pair("short-1", 1.5, "fine"),
                new Pair(LONG_ID, 23230000.125, "a note much longer than its header, to be measured")));
        table.setId("t");
        id = Tables.id("Request", Pair::id);
        value = Tables.number("Value", Pair::value);
        table.getColumns().add(id);
        table.getColumns().add(value);
        table.getColumns().add(Tables.longText("Note", Pair::note));
        Tables.fit(table, null);
        Tables.onOpen(table, opened::add);
        stage.setScene(new Scene(table, 900, 300));
        stage.show();
    }

    private TableCell<?, ?> cell(String text) {
        for (Node n : table.lookupAll(".table-cell")) {
            if (n instanceof TableCell<?, ?> c && text.equals(c.getText())) return c;
        }
        return null;
    }

    @Test
    void longIdShortenedInTheMiddleWithTheFullValueInItsTooltip() throws Exception {
        assertEquals("3f2a…9c1e", Tables.middle(LONG_ID));
        assertEquals("short-1", Tables.middle("short-1"), "short ids are shown whole");
        FxWait.settle();
        TableCell<?, ?> c = cell("3f2a…9c1e");
        assertNotNull(c, "the long id is shown shortened in the middle");
        assertEquals(LONG_ID, c.getTooltip().getText());
        TableCell<?, ?> number = cell(shownValue());
        assertNotNull(number);
        assertEquals("23230000.125", number.getTooltip().getText(), "every digit in the tooltip");
    }

    private String shownValue() {
        return Tables.shownText(value, table.getItems().get(1));
    }

    @Test
    void everyColumnIsAtLeastAsWideAsItsWidestValue() throws Exception {
        FxWait.settle();
        Text probe = new Text();
        for (TableColumn<Pair, ?> c : table.getColumns()) {
            Labeled sample = (Labeled) cell(Tables.shownText(c, table.getItems().get(1)));
            for (Pair p : table.getItems()) {
                double text = Tables.width(probe, Tables.shownText(c, p), sample.getFont());
                assertTrue(c.getWidth() >= text, c.getText() + ": " + c.getWidth() + " < " + text);
            }
        }
        // the last column takes the free width
        TableColumn<Pair, ?> last = table.getColumns().get(2);
        assertTrue(id.getWidth() + value.getWidth() + last.getWidth() >= table.getWidth() - 40);
    }

    @Test
    void doubleClickOpensTheRowsDetail() throws Exception {
        FxWait.settle();
        doubleClickOn(cell("3f2a…9c1e"));
        FxWait.settle();
        assertEquals(1, opened.size());
        assertEquals(LONG_ID, opened.get(0).id());
        assertTrue(Tables.describe(table, opened.get(0)).contains("Request: " + LONG_ID));
    }
}
