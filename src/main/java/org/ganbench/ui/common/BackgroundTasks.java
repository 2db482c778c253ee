package org.ganbench.ui.common;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;
import javafx.concurrent.WorkerStateEvent;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The views' one way to work in the background: a shared pool of named daemon threads ({@code ganbench-task-N}),
 * made once by the shell and handed to each view. A task that fails without an onFailed handler of its own is logged
 * and shown in one error dialog; the status line says the last error until the next task succeeds.
 */
public final class BackgroundTasks {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundTasks.class);

    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "ganbench-task-" + threads.incrementAndGet());
        t.setDaemon(true);
        return t;
    });
    private final Supplier<Window> dialogOwner;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private boolean statusIsError;

    /** @param dialogOwner the window error dialogs belong to (null: none yet) */
    public BackgroundTasks(Supplier<Window> dialogOwner) {
        this.dialogOwner = dialogOwner;
    }

    /** Runs {@code task} on the pool; call on the JavaFX thread. */
    public <T> void run(Task<T> task) {
        task.addEventHandler(WorkerStateEvent.WORKER_STATE_SUCCEEDED, e -> {
            if (statusIsError) {
                say("");
            }
        });
        task.addEventHandler(WorkerStateEvent.WORKER_STATE_FAILED, e -> {
            if (task.getOnFailed() == null && !(task.getException() instanceof CancellationException)) {
                report(task.getTitle() == null || task.getTitle().isEmpty() ? "Something went wrong"
                        : task.getTitle(), task.getException());
            }
        });
        try {
            pool.execute(task);
        } catch (RejectedExecutionException closed) {
            task.cancel(); // the window has closed (a folder watcher's last event): nothing is left to show it in
        }
    }

    /** Logs {@code error}, shows it in an error dialog headed {@code what}, and says it in the status line. */
    public void report(String what, Throwable error) {
        if (!Platform.isFxApplicationThread()) {
            Platform.runLater(() -> report(what, error));
            return;
        }
        LOG.error("{} failed", what, error);
        status.set(what + ": " + ErrorMessages.of(error));
        statusIsError = true;
        ErrorDialogs.show(dialogOwner.get(), what, error);
    }

    /** Says {@code message} in the status line (clearing a shown error); empty: nothing to say. */
    public void say(String message) {
        status.set(message);
        statusIsError = false;
    }

    /** The current state in one line: the last error until a task succeeds, or the last thing said. */
    public ReadOnlyStringProperty status() {
        return status.getReadOnlyProperty();
    }

    /** Whether the status line shows an error. */
    public boolean statusIsError() {
        return statusIsError;
    }

    /** Stops taking tasks and interrupts the running ones (the window closes). */
    public void shutdown() {
        pool.shutdownNow();
    }
}
