package dev.shadowbench.ui.common;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import javafx.scene.control.DatePicker;
import javafx.util.StringConverter;

/** Dates on screen as everywhere else in Shadowbench: ISO yyyy-MM-dd, whatever the machine's locale. */
public final class IsoDates {
    /** ISO dates both ways; text that is not a date reads as no date. */
    public static final StringConverter<LocalDate> CONVERTER = new StringConverter<>() {
        @Override
        public String toString(LocalDate d) {
            return d == null ? "" : d.toString();
        }

        @Override
        public LocalDate fromString(String s) {
            if (s == null || s.isBlank()) return null;
            try {
                return LocalDate.parse(s.strip());
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    };

    private IsoDates() {}

    /** Makes {@code pickers} show and read ISO dates ("2026-11-22", not "11/22/2026"). */
    public static void use(DatePicker... pickers) {
        for (DatePicker p : pickers) {
            p.setConverter(CONVERTER);
            if (p.getPromptText() == null || p.getPromptText().isEmpty()) p.setPromptText("yyyy-mm-dd");
        }
    }
}
