package org.ganbench.ui.training;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import javafx.concurrent.Task;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import org.ganbench.common.CancellationToken;
import org.ganbench.common.ProgressListener;
import org.ganbench.ui.common.BackgroundTasks;

/**
 * A run being prepared in the background (the networks built, then the faces loaded: seconds for 50,000), its
 * progress shown in the Training view's loading bar; {@link #cancel} (Stop) ends it before training starts.
 */
final class RunPreparation {
    @FunctionalInterface
    interface Steps {
        LiveTraining prepare(ProgressListener progress, CancellationToken cancel) throws IOException;
    }

    private final CancellationToken cancel = new CancellationToken();

    /** Starts preparing: {@code ready} gets the run, or {@code failedOrCancelled} runs (a failure also reported). */
    RunPreparation(BackgroundTasks tasks, ProgressBar bar, Label message, Steps steps, Consumer<LiveTraining> ready,
                   Runnable failedOrCancelled) {
        Task<LiveTraining> task = new Task<>() {
            @Override
            protected LiveTraining call() throws IOException {
                updateMessage("building the networks…");
                return steps.prepare((done, total, what) -> {
                    updateProgress(done, total);
                    updateMessage(String.format(Locale.ROOT, "%s: %,d of %,d", what, done, total));
                }, cancel);
            }
        };
        bar.progressProperty().bind(task.progressProperty());
        message.textProperty().bind(task.messageProperty());
        task.setOnSucceeded(e -> {
            unbind(bar, message);
            ready.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            unbind(bar, message);
            failedOrCancelled.run();
            if (!(task.getException() instanceof CancellationException)) {
                tasks.report("Training", task.getException());
            }
        });
        tasks.run(task);
    }

    void cancel() {
        cancel.cancel();
    }

    private static void unbind(ProgressBar bar, Label message) {
        bar.progressProperty().unbind();
        message.textProperty().unbind();
    }
}
