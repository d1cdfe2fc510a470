package dev.shadowbench.ui.common;

import dev.shadowbench.core.format.FigureFormat;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.event.EventTarget;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * The one way every table of the window shows its values: columns as wide as their content (long free text capped,
 * one column taking the free space), request ids and hashes shortened in the middle ("3f2a…9c1e"), the full value
 * in every cell's tooltip, and a double-click (or Enter) opening the row's detail.
 */
public final class Tables {
    /** Ids longer than this are shown as their first and last {@link #ID_KEEP} characters around an ellipsis. */
    public static final int ID_SHORT = 20;

    public static final int ID_KEEP = 4;
    /** Free text (reasons, notes, details) is never sized wider than this; its tooltip and the detail show all. */
    public static final double LONG_TEXT_MAX = 560;
    /** Rows measured when sizing a column: enough for a page and its extremes, cheap on every refresh. */
    static final int MEASURED_ROWS = 2000;

    private static final String SHOWN = "shadowbench.shown";
    private static final String LONG = "shadowbench.long";
    private static final String GROW = "shadowbench.grow";
    private static final String BASE = "shadowbench.base-width";
    private static final String FITTED = "shadowbench.fitted";
    private static final double CELL_PAD = 22;
    private static final double HEADER_PAD = 30;

    private Tables() {}

    /** {@code id} shortened in the middle when longer than {@link #ID_SHORT} (a UUID, a hash): "3f2a…9c1e". */
    public static String middle(String id) {
        if (id == null || id.length() <= ID_SHORT) return id;
        return id.substring(0, ID_KEEP) + "…" + id.substring(id.length() - ID_KEEP);
    }

    /** A text column: shown whole (sized to its widest value), full value in the tooltip. */
    public static <T> TableColumn<T, String> text(String name, Function<T, String> value) {
        return column(name, value, s -> s, s -> s, false);
    }

    /** A free-text column (reason, note, detail): sized to its content up to {@link #LONG_TEXT_MAX}. */
    public static <T> TableColumn<T, String> longText(String name, Function<T, String> value) {
        return column(name, value, s -> s, s -> s, true);
    }

    /** A request id or hash column: shortened in the middle, full value in the tooltip. */
    public static <T> TableColumn<T, String> id(String name, Function<T, String> value) {
        return column(name, value, Tables::middle, s -> s, false);
    }

    /** A measured value: the shared number format, right-aligned; the tooltip shows every digit. */
    public static <T> TableColumn<T, Double> number(String name, Function<T, Double> value) {
        return number(name, value, FigureFormat::num);
    }

    /** A measured value shown by {@code format} (a {@link FigureFormat} method), right-aligned, every digit in the tooltip. */
    public static <T> TableColumn<T, Double> number(
            String name, Function<T, Double> value, Function<Double, String> format) {
        TableColumn<T, Double> c = column(name, value, format, Tables::fullNumber, false);
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        return c;
    }

    /** A count, with thousands separators, right-aligned. */
    public static <T> TableColumn<T, Long> count(String name, Function<T, Long> value) {
        Function<Long, String> shown = v -> String.format(Locale.ROOT, "%,d", v);
        TableColumn<T, Long> c = column(name, value, shown, shown, false);
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        return c;
    }

    /** Every digit of {@code v}, without an exponent: "23230000.5", not "2.32300005E7". */
    public static String fullNumber(Double v) {
        if (v == null) return null;
        if (v.isNaN() || v.isInfinite()) return String.valueOf(v);
        return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }

    private static <T, V> TableColumn<T, V> column(
            String name, Function<T, V> value, Function<V, String> shown, Function<V, String> full, boolean longText) {
        TableColumn<T, V> c = new TableColumn<>(name);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setCellFactory(tc -> new FullValueCell<>(shown, full));
        Function<T, String> measured = row -> {
            V v = value.apply(row);
            return v == null ? "" : shown.apply(v);
        };
        c.getProperties().put(SHOWN, measured);
        if (longText) c.getProperties().put(LONG, Boolean.TRUE);
        return c;
    }

    /** The text a column of {@link Tables} shows for {@code row} (as measured for its width); null for others. */
    @SuppressWarnings("unchecked")
    public static <T> String shownText(TableColumn<T, ?> column, T row) {
        Object f = column.getProperties().get(SHOWN);
        return f == null ? null : ((Function<T, String>) f).apply(row);
    }

    /** The cell every column of {@link Tables} uses: the shown text, the full value as its tooltip. */
    public static class FullValueCell<T, V> extends TableCell<T, V> {
        private final Function<V, String> shown;
        private final Function<V, String> full;
        private final Tooltip tip = new Tooltip();

        public FullValueCell(Function<V, String> shown, Function<V, String> full) {
            this.shown = shown;
            this.full = full;
            tip.setWrapText(true);
            tip.setMaxWidth(640);
            setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        }

        @Override
        protected void updateItem(V v, boolean empty) {
            super.updateItem(v, empty);
            if (empty || v == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            setText(shown.apply(v));
            String all = full.apply(v);
            tip.setText(all);
            setTooltip(all == null || all.isBlank() ? null : tip);
        }
    }

    /**
     * Sizes {@code table}'s columns to their content whenever its rows change, and gives the free width to
     * {@code grow} (the last column when null). Columns stay resizable by hand; they are refitted on new rows.
     */
    public static <T> void fit(TableView<T> table, TableColumn<T, ?> grow) {
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        if (grow != null) grow.getProperties().put(GROW, Boolean.TRUE);
        ListChangeListener<T> rowsChanged = c -> later(table, true);
        table.itemsProperty().addListener((o, old, now) -> {
            if (old != null) old.removeListener(rowsChanged);
            if (now != null) now.addListener(rowsChanged);
            later(table, true);
        });
        if (table.getItems() != null) table.getItems().addListener(rowsChanged);
        table.widthProperty()
                .addListener((o, a, b) -> later(table, !table.getProperties().containsKey(FITTED)));
        table.skinProperty().addListener((o, a, b) -> later(table, true));
    }

    private static final String PENDING = "shadowbench.fit-pending";

    /**
     * Fits (or only shares out the free width) after the current pulse, once however many changes asked: column
     * widths changed in the middle of a layout pass leave the header and the rows out of step.
     */
    private static <T> void later(TableView<T> table, boolean measure) {
        Object pending = table.getProperties().get(PENDING);
        if (pending != null) {
            if (measure) table.getProperties().put(PENDING, Boolean.TRUE);
            return;
        }
        table.getProperties().put(PENDING, measure);
        Platform.runLater(() -> {
            boolean all = Boolean.TRUE.equals(table.getProperties().remove(PENDING));
            if (all) fitNow(table);
            else grow(table);
        });
    }

    /** Sizes the columns now: each as wide as its header and its widest shown value (free text capped). */
    public static <T> void fitNow(TableView<T> table) {
        Font header = font(table, ".column-header .label");
        // before a row is drawn there is no cell to ask: the header's font (the same size, maybe bold) errs wide
        Font cell = font(table, ".table-cell");
        if (cell == null) cell = header;
        ObservableList<T> items = table.getItems();
        int n = items == null ? 0 : Math.min(items.size(), MEASURED_ROWS);
        List<T> rows = n == 0 ? List.of() : new ArrayList<>(items.subList(0, n));
        Text probe = new Text();
        for (TableColumn<T, ?> c : table.getVisibleLeafColumns()) {
            double w = width(probe, c.getText(), header) + HEADER_PAD;
            for (T row : rows) {
                String s = shownText(c, row);
                if (s != null && !s.isEmpty()) w = Math.max(w, width(probe, s, cell) + CELL_PAD);
            }
            if (c.getProperties().containsKey(LONG)) w = Math.min(w, LONG_TEXT_MAX);
            w = Math.ceil(w);
            c.getProperties().put(BASE, w);
            c.setMinWidth(Math.min(w, 60));
            c.setPrefWidth(w);
        }
        // measured in the table's own (styled) font: later width changes only share out the free width
        if (cell != null && table.getWidth() > 0) table.getProperties().put(FITTED, Boolean.TRUE);
        grow(table);
    }

    /** Gives the width left over by the fitted columns to the growing column. */
    private static <T> void grow(TableView<T> table) {
        List<TableColumn<T, ?>> cols = table.getVisibleLeafColumns();
        if (cols.isEmpty() || table.getWidth() <= 0) return;
        TableColumn<T, ?> grow = cols.stream()
                .filter(c -> c.getProperties().containsKey(GROW))
                .findFirst()
                .orElse(cols.get(cols.size() - 1));
        double sum = 0;
        for (TableColumn<T, ?> c : cols) sum += base(c);
        double free = table.getWidth() - table.snappedLeftInset() - table.snappedRightInset() - sum - 18;
        grow.setPrefWidth(base(grow) + Math.max(0, free));
    }

    private static double base(TableColumn<?, ?> c) {
        Object b = c.getProperties().get(BASE);
        return b instanceof Double d ? d : c.getPrefWidth();
    }

    /** The font the table's cells (or headers) are drawn in, once styled; null before the table is shown. */
    private static Font font(TableView<?> table, String selector) {
        for (Node n : table.lookupAll(selector)) {
            if (n instanceof Labeled l) return l.getFont();
        }
        return null;
    }

    /** The width of {@code s} in {@code font} (the default font before the table is styled). */
    public static double width(Text probe, String s, Font font) {
        probe.setText(s == null ? "" : s);
        probe.setFont(font == null ? Font.getDefault() : font);
        return probe.getLayoutBounds().getWidth();
    }

    /** Opens {@code open} with a row on a double-click of it, or on Enter with a row selected. */
    public static <T> void onOpen(TableView<T> table, Consumer<T> open) {
        table.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() != MouseButton.PRIMARY || e.getClickCount() != 2) return;
            TableRow<?> row = rowOf(e.getTarget());
            if (row == null || row.isEmpty() || row.getItem() == null) return;
            @SuppressWarnings("unchecked")
            T item = (T) row.getItem();
            open.accept(item);
            e.consume();
        });
        table.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            T item = table.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && item != null) {
                open.accept(item);
                e.consume();
            }
        });
    }

    /** Double-click (or Enter) shows every column of the row in full, in a detail dialog. */
    public static <T> void openInDetail(TableView<T> table, DialogService dialogs, Function<T, String> title) {
        onOpen(table, row -> dialogs.showDetail(title.apply(row), describe(table, row)));
    }

    /** Every column of {@code row} as "Header: full value" lines (the full value, not the shortened one). */
    public static <T> String describe(TableView<T> table, T row) {
        StringBuilder sb = new StringBuilder();
        for (TableColumn<T, ?> c : table.getVisibleLeafColumns()) {
            Object v = c.getCellData(row);
            String s = v instanceof Double d ? fullNumber(d) : v == null ? "" : String.valueOf(v);
            sb.append(c.getText()).append(": ").append(s).append('\n');
        }
        return sb.toString().strip();
    }

    private static TableRow<?> rowOf(EventTarget target) {
        Node n = target instanceof Node node ? node : null;
        while (n != null && !(n instanceof TableRow<?>)) n = n.getParent();
        return (TableRow<?>) n;
    }
}
