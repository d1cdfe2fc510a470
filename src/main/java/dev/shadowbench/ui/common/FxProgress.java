package dev.shadowbench.ui.common;

import dev.shadowbench.core.task.ProgressSink;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** Adapts a Task's protected updateProgress/updateMessage to core's {@link ProgressSink}; {@link TaskRunner} hands one to each work. */
public final class FxProgress implements ProgressSink {
    private final BiConsumer<Long, Long> progress;
    private final Consumer<String> message;
    private final BooleanSupplier cancelled;

    public FxProgress(BiConsumer<Long, Long> progress, Consumer<String> message, BooleanSupplier cancelled) {
        this.progress = progress;
        this.message = message;
        this.cancelled = cancelled;
    }

    @Override
    public void progress(long done, long total, String msg) {
        if (total > 0) progress.accept(done, total);
        else progress.accept(-1L, -1L);
        if (msg != null) message.accept(msg);
    }

    /** Replaces the line the status bar shows for this task. */
    public void message(String msg) {
        message.accept(msg);
    }

    @Override
    public boolean isCancelled() {
        return cancelled.getAsBoolean();
    }
}
