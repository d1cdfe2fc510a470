package dev.shadowbench.ui;

import dev.shadowbench.ui.common.DialogService;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Test dialogs that show nothing and choose nothing; a test overrides what it wants to see (usually showError). */
public class QuietDialogs implements DialogService {
    @Override
    public void showError(String title, String message, Throwable details) {}

    @Override
    public void showInfo(String title, String message) {}

    @Override
    public Optional<Path> chooseWorkspaceToOpen() {
        return Optional.empty();
    }

    @Override
    public List<Path> chooseLogsToImport() {
        return List.of();
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, String suggestedName, String extension) {
        return Optional.empty();
    }
}
