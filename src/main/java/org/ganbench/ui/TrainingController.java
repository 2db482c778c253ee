package org.ganbench.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.ganbench.common.CancellationToken;
import org.ganbench.common.ProgressListener;
import org.ganbench.common.Workspace;
import org.ganbench.dataset.DatasetFolder;
import org.ganbench.train.Algorithm;
import org.ganbench.train.RunConfig;
import org.ganbench.train.RunFolder;
import org.ganbench.train.Trainer;
import org.ganbench.train.TrainingConfig;
import org.ganbench.train.TrainingEvent;
import org.ganbench.train.TrainingSession;
import org.ganbench.ui.common.FolderNameCell;

/**
 * The Training view's controls over the monitor: dataset, algorithm, preset and hyperparameters in a validated form,
 * the device in use, and Start, Pause, Resume, Stop and "Continue run" (a stopped run shown in the monitor). Runs are
 * prepared on a worker thread; their events reach the monitor through its coalescer.
 */
public final class TrainingController {
    /** Width and batch presets: chainer-gan-lib's own, and a width a CPU trains at a useful pace. */
    enum Preset {
        SOURCE("Source (ch 512, batch 64)", 512, 64),
        CPU("CPU (ch 64, batch 32)", 64, 32),
        /** Width and batch match no preset: shown, never applied. */
        CUSTOM("Custom", 0, 0);

        final String label;
        final int ch;
        final int batch;

        Preset(String label, int ch, int batch) {
            this.label = label;
            this.ch = ch;
            this.batch = batch;
        }

        @Override
        public String toString() {
            return label;
        }

        /** The preset with this width and batch (as typed in the form), or CUSTOM. */
        static Preset matching(String ch, String batch) {
            for (Preset p : List.of(SOURCE, CPU)) {
                if (Integer.toString(p.ch).equals(ch.strip()) && Integer.toString(p.batch).equals(batch.strip())) {
                    return p;
                }
            }
            return CUSTOM;
        }
    }

    /** What the controls allow: nothing running, preparing a run, training, paused, stopping. */
    enum Phase { IDLE, PREPARING, RUNNING, PAUSED, STOPPING }

    private final Workspace workspace;
    private final MonitorController monitor;
    private final Consumer<Throwable> showError;
    private final ComboBox<Path> dataset = new ComboBox<>();
    private final ComboBox<Algorithm> algorithm = new ComboBox<>();
    private final ComboBox<Preset> preset = new ComboBox<>();
    private final Map<String, TextField> fields = new LinkedHashMap<>();
    private final Label problem = new Label();
    private final Label device = new Label("device: shown when a run starts");
    private final Label state = new Label("idle");
    private final Button start = new Button("Start");
    private final Button pause = new Button("Pause");
    private final Button resume = new Button("Resume");
    private final Button stop = new Button("Stop");
    private final Button continueRun = new Button("Continue run");
    private final ObjectProperty<Phase> phase = new SimpleObjectProperty<>(Phase.IDLE);
    private final BorderPane root = new BorderPane();
    private LiveTraining live;
    private boolean applyingPreset;
    /** Cancels the run being prepared (faces loading), while there is one. */
    private CancellationToken preparing;
    private final ProgressBar loadProgress = new ProgressBar(-1);
    private final Label loadMessage = new Label();
    private final HBox loading = new HBox(8, loadProgress, loadMessage);

    public TrainingController(Workspace workspace, MonitorController monitor, Consumer<Throwable> showError) {
        this.workspace = workspace;
        this.monitor = monitor;
        this.showError = showError;
        dataset.setId("train-dataset");
        dataset.setCellFactory(v -> new FolderNameCell());
        dataset.setButtonCell(new FolderNameCell());
        dataset.setOnShowing(e -> refreshDatasets());
        algorithm.setId("train-algorithm");
        algorithm.getItems().setAll(Algorithm.values());
        preset.setId("train-preset");
        preset.getItems().setAll(Preset.values());
        field("ch", "64");
        field("batch", "32");
        field("lr", "");
        field("n_dis", "");
        field("lambda", "");
        field("steps", "2000");
        field("sample every", "100");
        field("checkpoint every", "500");
        field("seed", "0");
        algorithm.valueProperty().addListener((o, old, now) -> applyAlgorithmDefaults(now));
        preset.valueProperty().addListener((o, old, now) -> {
            if (now != null && now != Preset.CUSTOM) {
                applyingPreset = true; // the half-applied preset (new width, old batch) is no edit
                fields.get("ch").setText(Integer.toString(now.ch));
                fields.get("batch").setText(Integer.toString(now.batch));
                applyingPreset = false;
            }
        });
        // Edits of the width or batch show "Custom" once they leave the preset, and the preset again when they match.
        for (String name : List.of("ch", "batch")) {
            fields.get(name).textProperty().addListener(o -> {
                if (!applyingPreset) {
                    preset.setValue(Preset.matching(fields.get("ch").getText(), fields.get("batch").getText()));
                }
            });
        }
        algorithm.setValue(Algorithm.DRAGAN);
        preset.setValue(Preset.CPU);
        fields.values().forEach(f -> f.textProperty().addListener(o -> validate()));
        dataset.valueProperty().addListener(o -> validate());

        start.setId("train-start");
        pause.setId("train-pause");
        resume.setId("train-resume");
        stop.setId("train-stop");
        continueRun.setId("train-continue");
        problem.setId("train-problem");
        problem.setStyle("-fx-text-fill: #b00020;");
        device.setId("train-device");
        state.setId("train-state");
        start.setOnAction(e -> startNewRun());
        pause.setOnAction(e -> command(Trainer::pause, Phase.PAUSED));
        resume.setOnAction(e -> command(Trainer::resume, Phase.RUNNING));
        stop.setOnAction(e -> {
            if (preparing != null) {
                preparing.cancel();
            } else {
                command(Trainer::stop, Phase.STOPPING);
            }
        });
        continueRun.setOnAction(e -> continueShownRun());
        phase.addListener(o -> updateButtons());

        FlowPane form = new FlowPane(10, 6);
        form.getChildren().addAll(labelled("dataset", dataset), labelled("algorithm", algorithm),
                labelled("preset", preset));
        fields.forEach((name, f) -> form.getChildren().add(labelled(name, f)));
        HBox buttons = new HBox(6, start, pause, resume, stop, continueRun, state, device);
        loadProgress.setId("train-load-progress");
        loadProgress.setPrefWidth(240);
        loadMessage.setId("train-load-message");
        loading.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        loading.managedProperty().bind(loading.visibleProperty());
        VBox top = new VBox(6, form, buttons, loading, problem);
        top.setPadding(new Insets(8));
        top.setId("train-form");
        root.setTop(top);
        root.setCenter(monitor.view());
        refreshDatasets();
        validate();
        updateButtons();
    }

    public Node view() {
        return root;
    }

    ObjectProperty<Phase> phaseProperty() {
        return phase;
    }

    Map<String, TextField> fields() {
        return fields;
    }

    ComboBox<Path> datasetBox() {
        return dataset;
    }

    private void field(String name, String value) {
        TextField f = new TextField(value);
        f.setId("train-" + name.replace(' ', '-'));
        f.setPrefColumnCount(name.equals("lr") ? 7 : 5);
        fields.put(name, f);
    }

    private static Node labelled(String name, Node control) {
        HBox box = new HBox(4, new Label(name), control);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return box;
    }

    private void applyAlgorithmDefaults(Algorithm a) {
        TrainingConfig d = a.defaults(8, 1, 0);
        fields.get("lr").setText(Double.toString(d.learningRate()));
        fields.get("n_dis").setText(Integer.toString(d.nDis()));
        fields.get("lambda").setText(Double.toString(d.gradientPenalty()));
    }

    /** The datasets of the workspace, keeping the choice. */
    void refreshDatasets() {
        List<Path> found = new ArrayList<>();
        try {
            found.addAll(DatasetFolder.list(workspace.datasets()));
        } catch (IOException e) {
            showError.accept(e);
        }
        Path keep = dataset.getValue();
        dataset.getItems().setAll(found);
        dataset.setValue(keep != null && found.contains(keep) ? keep : found.isEmpty() ? null : found.get(0));
    }

    /** What the form asks for, or an IllegalArgumentException saying what is wrong. */
    private record Request(TrainingConfig config, long steps, int sampleEvery, int checkpointEvery) {
    }

    private Request request() {
        if (dataset.getValue() == null) {
            throw new IllegalArgumentException("choose a dataset (make one in the Datasets view)");
        }
        TrainingConfig d = algorithm.getValue().defaults(8, 1, 0);
        TrainingConfig config = new TrainingConfig(algorithm.getValue(), integer("ch"), integer("batch"),
                decimal("lr"), d.beta1(), d.beta2(), integer("n_dis"), decimal("lambda"), integer("seed"));
        Request r = new Request(config, integer("steps"), integer("sample every"), integer("checkpoint every"));
        if (r.steps() < 1 || r.sampleEvery() < 1 || r.checkpointEvery() < 1) {
            throw new IllegalArgumentException("steps, sample every and checkpoint every must be at least 1");
        }
        return r;
    }

    private int integer(String name) {
        String text = fields.get(name).getText().strip();
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + text + "'");
        }
    }

    private double decimal(String name) {
        String text = fields.get(name).getText().strip();
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, not '" + text + "'");
        }
    }

    /** Checks the form; the first problem is shown and Start stays disabled until it is fixed. */
    boolean validate() {
        try {
            request();
            problem.setText("");
        } catch (IllegalArgumentException e) {
            problem.setText(e.getMessage());
        }
        updateButtons();
        return problem.getText().isEmpty();
    }

    private void updateButtons() {
        Phase p = phase.get();
        start.setDisable(p != Phase.IDLE || !problem.getText().isEmpty());
        continueRun.setDisable(p != Phase.IDLE);
        pause.setDisable(p != Phase.RUNNING);
        resume.setDisable(p != Phase.PAUSED);
        stop.setDisable(p != Phase.RUNNING && p != Phase.PAUSED && p != Phase.PREPARING);
        loading.setVisible(p == Phase.PREPARING);
        state.setText(p.name().toLowerCase(Locale.ROOT));
    }

    private void command(Consumer<Trainer> action, Phase next) {
        if (live != null) {
            action.accept(live.trainer());
            phase.set(next);
        }
    }

    void startNewRun() {
        if (!validate() || phase.get() != Phase.IDLE) {
            return;
        }
        Request r = request();
        Path runDir = TrainingSession.defaultRunDir(workspace, r.config().algorithm());
        Path data = dataset.getValue();
        prepare((progress, cancel) -> LiveTraining.newRun(r.config(), data, runDir, r.steps(), r.sampleEvery(),
                r.checkpointEvery(), progress, cancel));
    }

    /** Continues the run shown in the monitor from its newest checkpoint, to the step count in the form if higher. */
    void continueShownRun() {
        Path runDir = monitor.run();
        if (runDir == null || phase.get() != Phase.IDLE) {
            showError.accept(new IOException("Open a stopped run first (File > Open run…), then continue it."));
            return;
        }
        Long steps;
        try {
            steps = (long) integer("steps");
        } catch (IllegalArgumentException e) {
            steps = null;
        }
        Long wanted = steps;
        prepare((progress, cancel) -> {
            long configured = new RunFolder(runDir).configuredSteps().orElse(0);
            return LiveTraining.resume(runDir, wanted != null && wanted > configured ? wanted : null, progress,
                    cancel);
        });
    }

    @FunctionalInterface
    private interface Preparation {
        LiveTraining prepare(ProgressListener progress, CancellationToken cancel) throws IOException;
    }

    /**
     * Prepares a run on a worker thread: building the networks, then loading the faces (many seconds for 50,000),
     * shown with a progress bar; Stop cancels it.
     */
    private void prepare(Preparation preparation) {
        phase.set(Phase.PREPARING);
        CancellationToken cancel = new CancellationToken();
        preparing = cancel;
        Task<LiveTraining> task = new Task<>() {
            @Override
            protected LiveTraining call() throws IOException {
                updateMessage("building the networks…");
                return preparation.prepare((done, total, message) -> {
                    updateProgress(done, total);
                    updateMessage(String.format(Locale.ROOT, "%s: %,d of %,d", message, done, total));
                }, cancel);
            }
        };
        loadProgress.progressProperty().bind(task.progressProperty());
        loadMessage.textProperty().bind(task.messageProperty());
        task.setOnSucceeded(e -> {
            preparedOrFailed();
            begin(task.getValue());
        });
        task.setOnFailed(e -> {
            preparedOrFailed();
            phase.set(Phase.IDLE);
            if (!(task.getException() instanceof CancellationException)) {
                showError.accept(task.getException());
            }
        });
        Thread thread = new Thread(task, "training-prepare");
        thread.setDaemon(true);
        thread.start();
    }

    private void preparedOrFailed() {
        preparing = null;
        loadProgress.progressProperty().unbind();
        loadMessage.textProperty().unbind();
    }

    private void begin(LiveTraining run) {
        live = run;
        monitor.attachLive(run.run().dir(), run.history());
        try {
            RunConfig config = run.run().config();
            device.setText("device: " + config.device());
        } catch (IOException e) {
            device.setText("device: unknown (" + e.getMessage() + ")");
        }
        phase.set(Phase.RUNNING);
        run.start(monitor.events(), event -> Platform.runLater(() -> ended(run, event)));
    }

    private void ended(LiveTraining run, TrainingEvent event) {
        if (live == run) {
            live = null;
            phase.set(Phase.IDLE);
        }
        if (event instanceof TrainingEvent.RunFailed failed) {
            showError.accept(new IOException("The run " + run.run().dir().getFileName() + " failed: "
                    + failed.reason()));
        }
    }

    public boolean isTraining() {
        return live != null;
    }

    /**
     * For closing the window: stops a running trainer (it checkpoints the step it is on) on a worker thread, then
     * runs {@code then} on the FX thread.
     */
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
        Thread stopper = new Thread(() -> {
            try {
                run.stopAndWait(Duration.ofMinutes(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Platform.runLater(then);
        }, "training-stop");
        stopper.setDaemon(true);
        stopper.start();
    }
}
