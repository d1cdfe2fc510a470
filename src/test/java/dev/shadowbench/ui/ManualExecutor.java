package dev.shadowbench.ui;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;

/**
 * An executor that only queues: the test decides which task runs, on which thread and when, so races such as
 * "the older request finishes last" are played in a fixed order instead of hoped for.
 */
public final class ManualExecutor implements Executor {
    private final Deque<Runnable> queued = new ArrayDeque<>();

    @Override
    public synchronized void execute(Runnable command) {
        queued.addLast(command);
    }

    /** The oldest queued task, taken off the queue (not run). */
    public synchronized Runnable next() {
        Runnable r = queued.pollFirst();
        if (r == null) throw new AssertionError("no task is queued");
        return r;
    }

    /** The newest queued task, taken off the queue (not run). */
    public synchronized Runnable newest() {
        Runnable r = queued.pollLast();
        if (r == null) throw new AssertionError("no task is queued");
        return r;
    }

    public synchronized int queued() {
        return queued.size();
    }

    /** Runs queued tasks on the calling thread, including those they queue, until none is left. */
    public void runAll() {
        while (true) {
            Runnable r;
            synchronized (this) {
                r = queued.pollFirst();
            }
            if (r == null) return;
            r.run();
        }
    }
}
