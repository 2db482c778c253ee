package org.ganbench.ui.compare;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import javafx.concurrent.Task;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.ganbench.common.CancellationToken;
import org.ganbench.eval.RunEvaluation;
import org.ganbench.train.RunFolder;
import org.ganbench.ui.common.BackgroundTasks;

/**
 * One row per run compared: Compute (or Recompute) its evaluation, or the running one's progress bar, Cancel and
 * message. The bar and Cancel keep their size; the message takes what room is left.
 */
final class EvaluationRows {
    /** A run's evaluation in the background: what it shows, and how to cancel it. */
    private record Running(Task<?> task, CancellationToken cancel) {
    }

    private final BackgroundTasks tasks;
    private final VBox rows;
    private final IntSupplier images;
    private final Consumer<Path> evaluated;
    /** Evaluations running, by run folder; they outlive a rebuild of the rows that show them. */
    private final Map<Path, Running> running = new HashMap<>();

    /**
     * @param images    the number of faces an evaluation generates (the view's spinner)
     * @param evaluated told of a run whose figures were written (to read it again)
     */
    EvaluationRows(BackgroundTasks tasks, VBox rows, IntSupplier images, Consumer<Path> evaluated) {
        this.tasks = tasks;
        this.rows = rows;
        this.images = images;
        this.evaluated = evaluated;
    }

    /**
     * Evaluates {@code run} against its own dataset (as {@code ganbench eval run}) on one low-priority thread, so
     * that a training in this window keeps its pace.
     */
    void compute(Comparison comparison, RunData run) {
        int n = images.getAsInt();
        if (running.containsKey(run.run())) {
            return;
        }
        CancellationToken cancel = new CancellationToken();
        Task<Void> task = new Task<>() {
            @Override
            protected Void call() throws IOException {
                updateMessage("starting");
                RunEvaluation.run(RunFolder.open(run.run()), null, null, false, n, 0, 1, (done, total, message) -> {
                    updateProgress(done, total < 0 ? -1 : total);
                    updateMessage(message);
                }, cancel);
                return null;
            }
        };
        task.setOnSucceeded(e -> {
            running.remove(run.run());
            evaluated.accept(run.run());
        });
        task.setOnFailed(e -> {
            running.remove(run.run());
            show(comparison);
            if (!(task.getException() instanceof CancellationException)) {
                tasks.report("Evaluating " + run.name(), task.getException());
            }
        });
        running.put(run.run(), new Running(task, cancel));
        show(comparison);
        tasks.run(task);
    }

    /** Rebuilds the rows for the runs of {@code comparison}. */
    void show(Comparison comparison) {
        List<Node> out = new ArrayList<>();
        for (RunData r : comparison.runs()) {
            Label name = new Label(r.name(), FiguresTable.swatch(comparison.colour(r.run())));
            name.setMinWidth(140);
            name.setMaxWidth(220);
            name.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
            HBox row = new HBox(6, name);
            row.setAlignment(Pos.CENTER_LEFT);
            Running job = running.get(r.run());
            if (job == null) {
                Button compute = new Button(r.eval().isEmpty() ? "Compute" : "Recompute");
                compute.setId("compute-" + r.name());
                compute.setMinWidth(Region.USE_PREF_SIZE);
                compute.setOnAction(e -> compute(comparison, r));
                row.getChildren().add(compute);
            } else {
                ProgressBar bar = new ProgressBar();
                bar.setId("compute-progress-" + r.name());
                bar.setMinWidth(120);
                bar.setPrefWidth(160);
                bar.progressProperty().bind(job.task().progressProperty());
                Button cancel = new Button("Cancel");
                cancel.setId("compute-cancel-" + r.name());
                cancel.setMinWidth(Region.USE_PREF_SIZE);
                cancel.setOnAction(e -> job.cancel().cancel());
                Label message = new Label();
                message.setMinWidth(0);
                message.textProperty().bind(job.task().messageProperty());
                HBox.setHgrow(message, Priority.ALWAYS);
                row.getChildren().addAll(bar, cancel, message);
            }
            out.add(row);
        }
        rows.getChildren().setAll(out);
    }
}
