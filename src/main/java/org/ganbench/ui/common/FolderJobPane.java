package org.ganbench.ui.common;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.ganbench.common.CancellationToken;
import org.ganbench.common.ProgressListener;

/**
 * Runs a job over folders (crop or import of datasets, a run's timelapse) one folder after another in the background
 * and shows it: a progress bar, the job's message (faces, faces/s) and a Cancel button. Hidden while idle.
 *
 * @param <R> what the job gives for each folder (the crop's result, the file written)
 */
public final class FolderJobPane<R> extends HBox {
    private final BackgroundTasks tasks;
    private final Consumer<R> onDone;
    private final Consumer<Throwable> onFailed;
    private final ProgressBar bar = new ProgressBar(0);
    private final Label label = new Label();
    private final Button cancel = new Button("Cancel");
    private Task<R> running;
    private CancellationToken token;

    /** The work done for one folder (crop job, import, timelapse). */
    @FunctionalInterface
    public interface FolderJob<R> {
        R run(Path folder, ProgressListener progress, CancellationToken cancel) throws IOException;
    }

    /**
     * {@code id} names the pane and, with "-cancel", its Cancel button (several panes share a scene); {@code onDone}
     * gets each folder's result as it finishes, {@code onFailed} the error that stopped the job (not a cancel).
     */
    public FolderJobPane(String id, BackgroundTasks tasks, Consumer<R> onDone, Consumer<Throwable> onFailed) {
        this.tasks = tasks;
        this.onDone = onDone;
        this.onFailed = onFailed;
        setId(id);
        setSpacing(8);
        setPadding(new Insets(4, 8, 4, 8));
        setAlignment(Pos.CENTER_LEFT);
        bar.setPrefWidth(240);
        bar.setMinWidth(120);
        label.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(label, Priority.ALWAYS);
        cancel.setId(id + "-cancel");
        cancel.setMinWidth(USE_PREF_SIZE);
        cancel.setOnAction(e -> cancel());
        getChildren().addAll(bar, label, cancel);
        setVisible(false);
        managedProperty().bind(visibleProperty());
    }

    public boolean isRunning() {
        return running != null;
    }

    public void cancel() {
        if (token != null) {
            token.cancel();
        }
    }

    /** Runs {@code job} on {@code folders} in order; refuses (returns false) while a job is running. */
    public boolean start(List<Path> folders, FolderJob<R> job) {
        if (running != null || folders.isEmpty()) {
            return false;
        }
        CancellationToken jobToken = new CancellationToken();
        Task<R> task = new Task<>() {
            @Override
            protected R call() throws Exception {
                R last = null;
                for (int i = 0; i < folders.size(); i++) {
                    String prefix = folders.size() > 1 ? "(" + (i + 1) + "/" + folders.size() + ") " : "";
                    Path folder = folders.get(i);
                    updateMessage(prefix + "reading " + folder.getFileName());
                    last = job.run(folder, (done, total, message) -> {
                        updateProgress(done, total < 0 ? -1 : total);
                        updateMessage(prefix + folder.getFileName() + ": " + message);
                    }, jobToken);
                    R result = last;
                    Platform.runLater(() -> onDone.accept(result));
                }
                return last;
            }
        };
        bar.progressProperty().bind(task.progressProperty());
        label.textProperty().bind(task.messageProperty());
        task.setOnSucceeded(e -> finish());
        task.setOnFailed(e -> {
            finish();
            if (!(task.getException() instanceof CancellationException)) {
                onFailed.accept(task.getException());
            }
        });
        running = task;
        token = jobToken;
        setVisible(true);
        tasks.run(task);
        return true;
    }

    private void finish() {
        bar.progressProperty().unbind();
        label.textProperty().unbind();
        running = null;
        token = null;
        setVisible(false);
    }
}
