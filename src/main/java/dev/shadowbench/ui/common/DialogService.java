package dev.shadowbench.ui.common;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Dialogs and file choosers behind an interface, so view models are tested without a window. */
public interface DialogService {
    void showError(String title, String message, Throwable details);

    void showInfo(String title, String message);

    /** Shows a row's detail: every value in full, selectable for copying. The default shows it as information. */
    default void showDetail(String title, String text) {
        showInfo(title, text);
    }

    /**
     * Tells the user something finished or changed (an import, the verdict) without stopping them: the window shows a
     * notification that fades by itself. The default shows it as {@link #showInfo} (test doubles that record those).
     */
    default void announce(String title, String message) {
        showInfo(title, message);
    }

    Optional<Path> chooseWorkspaceToOpen();

    List<Path> chooseLogsToImport();

    Optional<Path> chooseSaveFile(String title, String suggestedName, String extension);

    /**
     * Asks for the reviewer's name, proposing {@code suggestion}; empty when the user declines. The default asks
     * nobody (test doubles that never need it).
     */
    default Optional<String> askReviewerName(String suggestion) {
        return Optional.empty();
    }

    /** Asks the user to confirm {@code message}; true only on an explicit yes. The default never confirms. */
    default boolean confirm(String title, String message) {
        return false;
    }
}
