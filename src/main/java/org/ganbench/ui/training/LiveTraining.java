package org.ganbench.ui.training;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.ganbench.common.CancellationToken;
import org.ganbench.common.ProgressListener;
import org.ganbench.train.TrainableGans;
import org.ganbench.train.MetricsRow;
import org.ganbench.train.RunFolder;
import org.ganbench.train.Trainer;
import org.ganbench.train.TrainingConfig;
import org.ganbench.train.TrainingEvent;
import org.ganbench.train.TrainingSession;

/**
 * A run trained inside the window: its {@link TrainingSession} (prepared on a worker thread), and the feed of its
 * trainer's events into the monitor. The trainer calls its listener on a thread of its own and coalesces steps when
 * the listener lags; the listener only queues (the monitor's coalescer), so training never waits on the window.
 */
final class LiveTraining {
    private static final Duration END_WAIT = Duration.ofMinutes(10);
    private final TrainingSession session;
    private final List<MonitorEvent> history;

    private LiveTraining(TrainingSession session, List<MonitorEvent> history) {
        this.session = session;
        this.history = history;
    }

    /** Prepares a new run (builds the networks, loads the faces); call on a worker thread. */
    static LiveTraining newRun(TrainingConfig config, Path dataset, Path runDir, long steps, int sampleEvery,
                               int checkpointEvery, ProgressListener progress, CancellationToken cancel)
            throws IOException {
        return new LiveTraining(TrainingSession.newRun(config, dataset, runDir, steps, sampleEvery, checkpointEvery,
                TrainableGans::create, progress, cancel), List.of());
    }

    /**
     * Prepares a stopped run to continue from its newest checkpoint, to {@code newSteps} (null: its own total); call
     * on a worker thread. The history is what the folder holds up to that checkpoint (the trainer drops the rest).
     */
    static LiveTraining resume(Path runDir, Long newSteps, ProgressListener progress, CancellationToken cancel)
            throws IOException {
        TrainingSession session = TrainingSession.resume(runDir, newSteps, TrainableGans::create, progress, cancel);
        try {
            RunFolder run = session.run();
            long from = run.newestCheckpoint().map(RunFolder.StepFile::step).orElse(0L);
            List<MonitorEvent> history = new ArrayList<>();
            history.add(new MonitorEvent.Metrics(run.metrics().stream().filter(r -> r.step() <= from).toList()));
            run.samples().stream().filter(s -> s.step() <= from)
                    .forEach(s -> history.add(new MonitorEvent.Sample(s.step(), s.path())));
            return new LiveTraining(session, history);
        } catch (IOException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    RunFolder run() {
        return session.run();
    }

    Trainer trainer() {
        return session.trainer();
    }

    List<MonitorEvent> history() {
        return history;
    }

    /**
     * Starts training: steps and grids go to {@code monitor}, the run's end ({@link TrainingEvent.RunFinished} or
     * {@link TrainingEvent.RunFailed}) to {@code onEnd}; both are called on the trainer's listener thread. The
     * session is closed once the trainer has ended.
     */
    void start(Consumer<MonitorEvent> monitor, Consumer<TrainingEvent> onEnd) {
        RunFolder run = session.run();
        session.trainer().addListener(event -> {
            MonitorEvent shown = toMonitorEvent(event, run);
            if (shown != null) {
                monitor.accept(shown);
            }
            if (event instanceof TrainingEvent.RunFinished || event instanceof TrainingEvent.RunFailed) {
                closeWhenEnded();
                onEnd.accept(event);
            }
        });
        session.trainer().start();
    }

    /** What the monitor shows of a trainer's event (null: nothing). */
    static MonitorEvent toMonitorEvent(TrainingEvent event, RunFolder run) {
        if (event instanceof TrainingEvent.StepDone s) {
            return new MonitorEvent.Metrics(List.of(new MetricsRow(s.step(), Double.NaN, loss(s, "loss_dis"),
                    loss(s, "loss_gen"), loss(s, "loss_gp"), s.dReal(), s.dFake(), s.gradNormG(), s.stepsPerSecond())));
        }
        if (event instanceof TrainingEvent.Samples s) {
            return new MonitorEvent.Sample(s.step(), run.sampleFile(s.step()));
        }
        if (event instanceof TrainingEvent.DiskSpaceLow low) {
            return new MonitorEvent.Warning(low.message());
        }
        return null;
    }

    private static double loss(TrainingEvent.StepDone step, String name) {
        Double value = step.losses().get(name);
        return value == null ? Double.NaN : value;
    }

    /** Frees the networks once the trainer and its listeners are done (not on a listener thread: join waits for it). */
    private void closeWhenEnded() {
        Thread closer = new Thread(() -> {
            try {
                session.trainer().join(END_WAIT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            session.close();
        }, "training-session-close");
        closer.setDaemon(true);
        closer.start();
    }

    /** Stops after the current step (with a checkpoint of it) and waits for the end; false on timeout. */
    boolean stopAndWait(Duration timeout) throws InterruptedException {
        session.trainer().stop();
        return session.trainer().join(timeout);
    }
}
