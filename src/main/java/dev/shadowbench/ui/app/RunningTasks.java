package dev.shadowbench.ui.app;

import dev.shadowbench.ui.common.TaskRunner;
import javafx.collections.ListChangeListener;
import javafx.concurrent.Task;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Tooltip;
import org.controlsfx.control.PopOver;
import org.controlsfx.control.TaskProgressView;

/**
 * The status bar's "3 tasks running": a link that opens every running task in a ControlsFX {@link TaskProgressView}
 * (title, message, progress and a cancel button each). The status bar itself follows only the newest task; with a
 * summary, a sample and an import running at once, this is where the others are seen and cancelled one by one.
 */
final class RunningTasks extends Hyperlink {
    private final TaskProgressView<Task<?>> view = new TaskProgressView<>();
    private final PopOver popOver = new PopOver(view);

    RunningTasks(TaskRunner tasks) {
        setId("status-tasks");
        view.setId("running-tasks");
        view.setPrefSize(420, 260);
        popOver.setArrowLocation(PopOver.ArrowLocation.BOTTOM_RIGHT);
        popOver.setDetachable(false);
        popOver.setTitle("Running tasks");
        popOver.setHeaderAlwaysVisible(true);
        setTooltip(new Tooltip("Every running task, each with its progress and a cancel button"));
        // the view drops a task itself when it ends; it only needs to learn of new ones
        tasks.running().addListener((ListChangeListener<Task<?>>) c -> {
            while (c.next()) {
                for (Task<?> t : c.getAddedSubList())
                    if (!t.isDone()) view.getTasks().add(t);
            }
            int n = tasks.running().size();
            setText(n > 1 ? n + " tasks running" : "");
            setVisible(n > 1);
            if (n == 0) popOver.hide();
        });
        for (Task<?> t : tasks.running()) if (!t.isDone()) view.getTasks().add(t);
        setVisible(false);
        setOnAction(e -> {
            if (popOver.isShowing()) popOver.hide();
            else popOver.show(this);
        });
    }

    /** The list of running tasks (for tests). */
    TaskProgressView<Task<?>> view() {
        return view;
    }
}
