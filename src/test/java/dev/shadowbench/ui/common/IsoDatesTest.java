package dev.shadowbench.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.shadowbench.ui.FxWait;
import java.time.LocalDate;
import java.util.Locale;
import javafx.scene.control.DatePicker;
import org.junit.jupiter.api.Test;

/** The window's date pickers show ISO dates, not "11/22/202" (issue 20, item 10). */
class IsoDatesTest {
    @Test
    void aPickerShowsAndReadsIsoDatesWhateverTheLocale() throws Exception {
        FxWait.startFx();
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.US); // a locale whose own format is 11/22/2026
        try {
            String shown = FxWait.onFx(() -> {
                DatePicker p = new DatePicker();
                IsoDates.use(p);
                new javafx.scene.Scene(new javafx.scene.layout.StackPane(p));
                p.applyCss(); // the skin writes the value into the editor
                p.setValue(LocalDate.of(2026, 11, 22));
                return p.getEditor().getText();
            });
            assertEquals("2026-11-22", shown);
        } finally {
            Locale.setDefault(before);
        }
        assertEquals(LocalDate.of(2026, 11, 20), IsoDates.CONVERTER.fromString(" 2026-11-20 "));
        assertNull(IsoDates.CONVERTER.fromString("11/20/2026"));
    }
}
