package org.ganbench.ui.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.BiConsumer;
import javafx.application.Platform;
import javafx.concurrent.Task;
import org.ganbench.common.CancellationToken;
import org.ganbench.experiment.ExperimentJob;
import org.ganbench.experiment.Experiment;
import org.ganbench.experiment.ExperimentQueue;
import org.ganbench.train.TrainableGans;
import org.ganbench.train.Trainer;
import org.ganbench.train.TrainingEvent;

/**
 * An experiment's unfinished cells trained and evaluated in the background ({@link ExperimentJob}); cancelling
 * leaves the current run with a resumable checkpoint. What changes is told on the JavaFX thread.
 */
final class MatrixJob extends Task<Void> {
    private final Experiment experiment;
    private final CancellationToken cancel = new CancellationToken();
    private final BiConsumer<Experiment, Integer> cellChanged;
    private final BiConsumer<Integer, Path> runWritten;

    /**
     * @param cellChanged told the experiment and the index of a cell whose state changed
     * @param runWritten  told a cell's index and run folder when it has a new grid (and so new metrics)
     */
    MatrixJob(Experiment experiment, BiConsumer<Experiment, Integer> cellChanged, BiConsumer<Integer, Path> runWritten) {
        this.experiment = experiment;
        this.cellChanged = cellChanged;
        this.runWritten = runWritten;
    }

    @Override
    protected Void call() throws IOException {
        ExperimentJob.run(experiment, TrainableGans::create, new ExperimentQueue.Listener() {
            @Override
            public void cellChanged(Experiment e, int index) {
                Platform.runLater(() -> cellChanged.accept(e, index));
            }

            @Override
            public void trainerStarted(Experiment e, int index, Trainer trainer) {
                Path runDir = e.runDir(e.cells().get(index));
                trainer.addListener(event -> {
                    if (event instanceof TrainingEvent.Samples || event instanceof TrainingEvent.RunStarted) {
                        Platform.runLater(() -> runWritten.accept(index, runDir));
                    }
                });
            }
        }, (done, total, message) -> {
            updateProgress(done, total < 0 ? -1 : total);
            updateMessage(message);
        }, cancel);
        return null;
    }

    void stop() {
        cancel.cancel();
    }

    /**
     * Starts the job on a thread of its own: not the shared pool's daemon threads, so that when the window closes the
     * queue still stops its trainer with a checkpoint before the JVM ends.
     */
    void start() {
        new Thread(this, "experiment-" + experiment.id()).start();
    }
}
