package org.ganbench.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Function;
import org.ganbench.common.CancellationToken;
import org.ganbench.common.ProgressListener;
import org.ganbench.experiment.Experiment.Cell;
import org.ganbench.experiment.Experiment.CellState;
import org.ganbench.train.RunFolder;
import org.ganbench.train.RunStatus;
import org.ganbench.train.TrainableGan;
import org.ganbench.train.TrainableGans;
import org.ganbench.train.Trainer;
import org.ganbench.train.TrainingConfig;
import org.ganbench.train.TrainingEvent;
import org.ganbench.train.TrainingSession;

/**
 * Trains an experiment's cells one after another with {@link TrainingSession} (never two at once), then hands each
 * finished run to a follow-up (its evaluation). A cell that fails is recorded with its reason and the queue goes on.
 * Cancelling stops the current trainer after its step, with a checkpoint, and leaves that cell TRAINING, so that
 * running the queue again (on the experiment opened anew) continues it; cells already DONE or FAILED are kept.
 */
public final class ExperimentQueue {
    private static final Duration POLL = Duration.ofMillis(200);

    /** What is done with a cell's finished run (evaluation); may be cancelled through the token. */
    @FunctionalInterface
    public interface Followup {
        void run(Experiment experiment, Cell cell, RunFolder run, ProgressListener progress, CancellationToken cancel)
                throws IOException;
    }

    /** Told (on the queue's thread) each time a cell's state changed, and when a cell's trainer starts. */
    public interface Listener {
        /** A failure here fails the cell (not the queue). */
        void cellChanged(Experiment experiment, int index) throws IOException;

        default void trainerStarted(Experiment experiment, int index, Trainer trainer) {
        }
    }

    private final Experiment experiment;
    private final Function<TrainingConfig, TrainableGan> engine;
    private final Followup followup;
    private final Listener listener;

    /** @param engine makes the algorithm ({@code TrainableGans::create} but for tests) */
    public ExperimentQueue(Experiment experiment, Function<TrainingConfig, TrainableGan> engine, Followup followup,
                           Listener listener) {
        this.experiment = experiment;
        this.engine = engine;
        this.followup = followup;
        this.listener = listener;
    }

    /**
     * Works through every unfinished cell. Progress counts steps over the whole matrix.
     *
     * @throws CancellationException when cancelled (after the current trainer stopped with a checkpoint)
     */
    public void run(ProgressListener progress, CancellationToken cancel) throws IOException {
        List<Cell> cells = experiment.cells();
        for (int i = 0; i < cells.size(); i++) {
            Cell cell = experiment.cells().get(i);
            if (cell.state() == CellState.DONE || cell.state() == CellState.FAILED) {
                continue;
            }
            cancel.throwIfCancelled();
            String prefix = "(" + (i + 1) + "/" + cells.size() + ") " + cell.label() + ": ";
            long offset = i * experiment.plan().steps();
            long total = cells.size() * experiment.plan().steps();
            ProgressListener cellProgress = (done, all, message) -> progress.progress(offset, total, prefix + message);
            ProgressListener evalProgress = (done, all, message) -> progress.progress(offset
                    + experiment.plan().steps(), total, prefix + message);
            ProgressListener stepProgress = (done, all, message) -> progress.progress(offset + done, total,
                    prefix + message);
            try {
                if (cell.state() != CellState.EVALUATING) {
                    set(i, CellState.TRAINING, "");
                    if (!train(i, cell, cellProgress, stepProgress, cancel)) {
                        continue;
                    }
                }
                set(i, CellState.EVALUATING, "");
                followup.run(experiment, cell, RunFolder.open(experiment.runDir(cell)), evalProgress, cancel);
                set(i, CellState.DONE, "");
            } catch (CancellationException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                set(i, CellState.FAILED, e.getMessage() == null ? e.toString() : e.getMessage());
            }
        }
    }

    /** Trains (or continues) one cell's run; false when it failed (and was recorded so). */
    private boolean train(int index, Cell cell, ProgressListener cellProgress, ProgressListener stepProgress,
                          CancellationToken cancel) throws IOException {
        Path runDir = experiment.runDir(cell);
        RunFolder existing = new RunFolder(runDir);
        if (Files.isRegularFile(existing.configFile()) && existing.status().state() == RunStatus.State.FINISHED
                && existing.status().step() >= experiment.plan().steps()) {
            return true; // trained before the queue was stopped, not yet evaluated
        }
        Experiment.Plan plan = experiment.plan();
        try (TrainingSession session = Files.isRegularFile(existing.configFile())
                ? TrainingSession.resume(runDir, null, engine, cellProgress, cancel)
                : TrainingSession.newRun(plan.training(cell.algorithm()), Path.of(cell.dataset()), runDir, plan.steps(),
                        plan.sampleEvery(), plan.checkpointEvery(), engine, cellProgress, cancel)) {
            Trainer trainer = session.trainer();
            trainer.addListener(event -> {
                if (event instanceof TrainingEvent.StepDone step) {
                    stepProgress.progress(step.step(), plan.steps(), String.format(java.util.Locale.ROOT,
                            "step %d of %d, %.2f steps/s", step.step(), plan.steps(), step.stepsPerSecond()));
                }
            });
            listener.trainerStarted(experiment, index, trainer);
            trainer.start();
            boolean interrupted = false;
            while (true) {
                try {
                    if (trainer.join(POLL)) {
                        break;
                    }
                } catch (InterruptedException e) {
                    interrupted = true; // an interrupt cancels: the trainer still ends with a checkpoint
                    cancel.cancel();
                }
                if (cancel.isCancelled()) {
                    trainer.stop();
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (trainer.state() == Trainer.State.STOPPED) {
                throw new CancellationException("stopped at step " + trainer.step());
            }
            if (trainer.state() == Trainer.State.FAILED) {
                set(index, CellState.FAILED, session.run().status().message());
                return false;
            }
            return true;
        }
    }

    private void set(int index, CellState state, String message) throws IOException {
        experiment.update(index, state, message);
        listener.cellChanged(experiment, index);
    }
}
