package org.ganbench.ui.training;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.concurrent.Task;
import javafx.scene.Node;
import org.ganbench.train.RunConfig;
import org.ganbench.train.RunFolder;
import org.ganbench.train.Trainer;
import org.ganbench.train.TrainingEvent;
import org.ganbench.train.TrainingSession;
import org.ganbench.ui.common.BackgroundTasks;
import org.ganbench.ui.common.WorkspaceModel;

/**
 * The Training view's controls ({@link TrainingView}) over the {@link TrainingForm} and the monitor: Start, Pause,
 * Resume, Stop and "Continue the run shown". Runs are prepared in the background; their events reach the monitor
 * through its coalescer, and what the trainer does is said there.
 */
public final class TrainingController {
    /** What the controls allow: nothing running, preparing a run, training, paused, stopping. */
    public enum Phase {
        IDLE, PREPARING, RUNNING, PAUSED, STOPPING;

        /**
         * The form's word for the run's state: the monitor's ({@code monitorSays}, the one source of it), except
         * while a new run is being prepared, which the monitor (still showing the last run) cannot know of.
         */
        public String stateText(String monitorSays) {
            return this == PREPARING ? "preparing a run…" : monitorSays.isEmpty() ? "no run shown" : monitorSays;
        }
    }

    private final WorkspaceModel model;
    private final BackgroundTasks tasks;
    private final MonitorController monitor;
    private final TrainingForm form = new TrainingForm();
    private final TrainingView view;
    private final ObjectProperty<Phase> phase = new SimpleObjectProperty<>(Phase.IDLE);
    private LiveTraining live;
    /** The run being prepared (faces loading), while there is one. */
    private RunPreparation preparing;

    public TrainingController(WorkspaceModel model, BackgroundTasks tasks, MonitorController monitor) {
        this.model = model;
        this.tasks = tasks;
        this.monitor = monitor;
        view = new TrainingView(monitor.view());
        new DatasetChoice(model, tasks, view.dataset, (dataset, faces) -> {
            form.setDataset(dataset, faces);
            validate();
        });
        view.start.setOnAction(e -> startNewRun());
        view.pause.setOnAction(e -> command(Trainer::pause, Phase.PAUSED));
        view.resume.setOnAction(e -> command(Trainer::resume, Phase.RUNNING));
        view.stop.setOnAction(e -> {
            if (preparing != null) {
                preparing.cancel();
            } else {
                command(Trainer::stop, Phase.STOPPING);
            }
        });
        view.continueRun.setOnAction(e -> continueShownRun());
        phase.addListener(o -> updateButtons());
        view.state.textProperty().bind(Bindings.createStringBinding(() -> phase.get().stateText(
                monitor.activity().get()), phase, monitor.activity()));
        monitor.lastStep().addListener((o, old, step) -> {
            if (live != null) {
                model.titleDetail().set(String.format(Locale.ROOT, "%s (step %,d)", live.run().dir().getFileName(),
                        Math.max(0, step.longValue())));
            }
        });
        new FormControls(form, view, this::validate);
    }

    public Node view() {
        return view.root;
    }

    public ObjectProperty<Phase> phaseProperty() {
        return phase;
    }

    public boolean isTraining() {
        return live != null;
    }

    private void validate() {
        view.problem.setText(form.problem());
        updateButtons();
    }

    private void updateButtons() {
        Phase p = phase.get();
        view.start.setDisable(p != Phase.IDLE || !form.problem().isEmpty());
        view.continueRun.setDisable(p != Phase.IDLE);
        view.pause.setDisable(p != Phase.RUNNING);
        view.resume.setDisable(p != Phase.PAUSED);
        view.stop.setDisable(p == Phase.IDLE || p == Phase.STOPPING);
        view.loading.setVisible(p == Phase.PREPARING);
    }

    private void command(Consumer<Trainer> action, Phase next) {
        if (live != null) {
            action.accept(live.trainer());
            phase.set(next);
            Trainer trainer = live.trainer();
            monitor.events().accept(new MonitorEvent.Activity(RunActivity.of(trainer.state(), trainer.step())));
        }
    }

    void startNewRun() {
        if (phase.get() != Phase.IDLE || !form.problem().isEmpty()) {
            return;
        }
        TrainingForm.Request r = form.request();
        Path runDir = TrainingSession.defaultRunDir(model.workspace().get(), r.config().algorithm());
        Path data = form.dataset();
        prepare((progress, cancel) -> LiveTraining.newRun(r.config(), data, runDir, r.steps(), r.sampleEvery(),
                r.checkpointEvery(), progress, cancel));
    }

    /**
     * Continues the run shown in the monitor from its newest checkpoint, to the form's step count if higher; asks
     * first when the run is not what the form describes (it trains on with its own settings).
     */
    void continueShownRun() {
        Path runDir = monitor.run();
        if (runDir == null || phase.get() != Phase.IDLE) {
            tasks.report("Continue run", new IllegalStateException("Open a stopped run first (File > Open run…),"
                    + " then continue it."));
            return;
        }
        RunConfig config;
        try {
            config = new RunFolder(runDir).config();
        } catch (IOException e) {
            tasks.report("Continue run", e);
            return;
        }
        if (!form.describes(config) && !view.confirm("Continue " + runDir.getFileName() + "?", runDir.getFileName()
                + " was trained as " + TrainingForm.describe(config) + ", which is not what the form describes.\n\n"
                + "Continuing trains it on with its own settings.")) {
            return;
        }
        long steps = form.stepsAsked();
        prepare((progress, cancel) -> LiveTraining.resume(runDir, steps > config.steps() ? steps : null, progress,
                cancel));
    }

    /** Prepares a run in the background; Stop cancels it. */
    private void prepare(RunPreparation.Steps steps) {
        phase.set(Phase.PREPARING);
        preparing = new RunPreparation(tasks, view.loadProgress, view.loadMessage, steps, run -> {
            preparing = null;
            begin(run);
        }, () -> {
            preparing = null;
            phase.set(Phase.IDLE);
        });
    }

    private void begin(LiveTraining run) {
        live = run;
        model.trainingActive().set(true);
        monitor.attachLive(run.run().dir(), run.history());
        try {
            view.device.setText("device: " + run.run().config().deviceAndPrecision());
        } catch (IOException e) {
            view.device.setText("device: unknown (" + e.getMessage() + ")");
        }
        phase.set(Phase.RUNNING);
        monitor.events().accept(new MonitorEvent.Activity(RunActivity.of(Trainer.State.RUNNING, 0)));
        run.start(monitor.events(), event -> Platform.runLater(() -> ended(run, event)));
    }

    private void ended(LiveTraining run, TrainingEvent event) {
        RunActivity.Kind kind = event instanceof TrainingEvent.RunFinished f && f.completed() ? RunActivity.Kind.FINISHED
                : event instanceof TrainingEvent.RunFinished ? RunActivity.Kind.STOPPED : RunActivity.Kind.FAILED;
        String reason = event instanceof TrainingEvent.RunFailed failed ? failed.reason() : "";
        monitor.events().accept(new MonitorEvent.Activity(new RunActivity(kind, run.trainer().step(), reason)));
        if (live == run) {
            live = null;
            phase.set(Phase.IDLE);
            model.trainingActive().set(false);
            model.titleDetail().set("");
        }
        if (kind == RunActivity.Kind.FAILED) {
            tasks.report("Training", new IOException("The run " + run.run().dir().getFileName() + " failed: "
                    + reason));
        }
    }

    /** For closing the window: stops a running trainer (it checkpoints its step), then runs {@code then}. */
    public void stopThen(Runnable then) {
        if (preparing != null) {
            preparing.cancel(); // a run still loading its faces never starts
        }
        LiveTraining run = live;
        if (run == null) {
            then.run();
            return;
        }
        phase.set(Phase.STOPPING);
        Task<Boolean> stopping = new Task<>() {
            @Override
            protected Boolean call() throws InterruptedException {
                return run.stopAndWait(Duration.ofMinutes(5));
            }
        };
        stopping.setOnSucceeded(e -> then.run());
        stopping.setOnFailed(e -> then.run());
        tasks.run(stopping);
    }
}
