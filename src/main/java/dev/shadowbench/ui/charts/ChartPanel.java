package dev.shadowbench.ui.charts;

import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.SegmentedButton;

/**
 * A chart on a card: its title, one line of what it shows (with units), the chart's toggles as ControlsFX
 * {@link SegmentedButton}s (one choice of two or three, which a row of toggle buttons would need a ToggleGroup,
 * styling and "never none selected" code for), and the {@link PlotView}.
 */
public final class ChartPanel extends VBox {
    private final Label caption = new Label();
    private final HBox toggles = new HBox(6);
    private final PlotView view = new PlotView();

    public ChartPanel(String id, String title) {
        super(4);
        setId(id + "-panel");
        view.setId(id);
        Label t = new Label(title);
        t.getStyleClass().add("card-title");
        caption.getStyleClass().add("text-muted");
        caption.setId(id + "-caption");
        caption.setWrapText(false);
        caption.setMinWidth(0);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        toggles.setAlignment(Pos.CENTER_RIGHT);
        HBox head = new HBox(8, t, grow, toggles);
        head.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(head, caption, view);
        VBox.setVgrow(view, Priority.ALWAYS);
        getStyleClass().add("card");
        setPadding(new Insets(8, 10, 8, 10));
    }

    public PlotView view() {
        return view;
    }

    /** The one line under the title: what the chart shows, with units. */
    public void setCaption(String text) {
        caption.setText(text);
    }

    /**
     * Adds a choice of {@code options} (the first selected), telling {@code onChange} the chosen index; one of them
     * is always selected. {@code id} names the segmented button for tests.
     */
    public SegmentedButton addChoice(String id, List<String> options, int selected, Consumer<Integer> onChange) {
        SegmentedButton seg = new SegmentedButton();
        seg.setId(id);
        for (String o : options) {
            ToggleButton b = new ToggleButton(o);
            b.setId(id + "-" + o.replaceAll("[^A-Za-z0-9]+", "-").toLowerCase(java.util.Locale.ROOT));
            b.setFocusTraversable(true);
            seg.getButtons().add(b);
        }
        seg.getButtons().get(selected).setSelected(true);
        seg.getToggleGroup().selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true); // a choice, never none
                return;
            }
            onChange.accept(seg.getButtons().indexOf((ToggleButton) b));
        });
        toggles.getChildren().add(seg);
        return seg;
    }
}
