package org.ganbench.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.ganbench.common.CancellationToken;
import org.ganbench.common.Workspace;
import org.ganbench.dataset.DatasetFolder;
import org.ganbench.eval.ExperimentJob;
import org.ganbench.eval.ExperimentReport;
import org.ganbench.train.Algorithm;
import org.ganbench.train.Experiment;
import org.ganbench.train.ExperimentQueue;
import org.ganbench.train.TrainableGans;
import org.ganbench.train.Trainer;
import org.ganbench.train.TrainingEvent;

/**
 * The experiment matrix in the Compare view: a form (algorithms x datasets, steps, preset), "Run matrix" that runs
 * {@link ExperimentJob} in the background (cancellable; the current run keeps a resumable checkpoint), and the
 * comparison filled with the first four cells' runs as they train, their figures as they are computed, and a button
 * that opens the report once it is written. An experiment from disk is opened (and continued) the same way.
 */
final class ExperimentController {
    private final Workspace workspace;
    private final CompareController compare;
    private final Consumer<Path> openFile;
    private final Consumer<Throwable> showError;
    private final Map<Algorithm, CheckBox> algorithms = new LinkedHashMap<>();
    private final VBox datasets = new VBox(2);
    private final ComboBox<TrainingController.Preset> preset = new ComboBox<>();
    private final Map<String, TextField> fields = new LinkedHashMap<>();
    private final Button run = new Button("Run matrix");
    private final Button resume = new Button("Continue");
    private final Button cancel = new Button("Cancel");
    private final Button openReport = new Button("Open report");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label status = new Label("no experiment");
    private final Label more = new Label();
    private final ObjectProperty<Experiment> experiment = new SimpleObjectProperty<>();
    private final TitledPane root;
    private Task<Void> running;
    private CancellationToken token;

    ExperimentController(Workspace workspace, CompareController compare, Consumer<Path> openFile,
                         Consumer<Throwable> showError) {
        this.workspace = workspace;
        this.compare = compare;
        this.openFile = openFile;
        this.showError = showError;
        FlowPane algos = new FlowPane(8, 4);
        for (Algorithm a : Algorithm.values()) {
            CheckBox box = new CheckBox(a.name());
            box.setId("matrix-algo-" + a.name().toLowerCase(java.util.Locale.ROOT));
            box.setSelected(a != Algorithm.DCGAN); // the source article's pair
            algorithms.put(a, box);
            algos.getChildren().add(box);
        }
        datasets.setId("matrix-datasets");
        preset.setId("matrix-preset");
        preset.getItems().setAll(TrainingController.Preset.values());
        field("steps", "2000");
        field("ch", "64");
        field("batch", "32");
        field("seed", "0");
        field("eval images", "2048");
        preset.valueProperty().addListener((o, old, now) -> {
            if (now != null) {
                fields.get("ch").setText(Integer.toString(now.ch));
                fields.get("batch").setText(Integer.toString(now.batch));
            }
        });
        preset.setValue(TrainingController.Preset.CPU);

        run.setId("matrix-run");
        run.setOnAction(e -> runNew());
        resume.setId("matrix-continue");
        resume.setOnAction(e -> start(experiment.get()));
        cancel.setId("matrix-cancel");
        cancel.setOnAction(e -> cancel());
        openReport.setId("matrix-report");
        openReport.setOnAction(e -> openReport());
        progress.setId("matrix-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        status.setId("matrix-status");
        status.setWrapText(true);
        more.setId("matrix-more");
        more.setWrapText(true);
        Button refresh = new Button("↻");
        refresh.setOnAction(e -> refreshDatasets());
        HBox datasetTitle = new HBox(6, new Label("datasets"), refresh);
        datasetTitle.setAlignment(Pos.CENTER_LEFT);
        FlowPane numbers = new FlowPane(8, 4);
        numbers.getChildren().add(labelled("preset", preset));
        fields.forEach((name, f) -> numbers.getChildren().add(labelled(name, f)));
        VBox form = new VBox(6, new Label("algorithms"), algos, datasetTitle, datasets, numbers,
                new HBox(6, run, cancel), new HBox(6, resume, openReport), progress, status, more);
        form.setPadding(new Insets(6));
        root = new TitledPane("Experiment matrix", form);
        root.setId("matrix");
        updateButtons();
        refreshDatasets();
    }

    Node view() {
        return root;
    }

    Map<String, TextField> fields() {
        return fields;
    }

    ObjectProperty<Experiment> experimentProperty() {
        return experiment;
    }

    boolean isRunning() {
        return running != null;
    }

    private void field(String name, String value) {
        TextField f = new TextField(value);
        f.setId("matrix-" + name.replace(' ', '-'));
        f.setPrefColumnCount(5);
        fields.put(name, f);
    }

    private static Node labelled(String name, Node control) {
        HBox box = new HBox(4, new Label(name), control);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** The workspace's datasets as check boxes, keeping what was checked. */
    void refreshDatasets() {
        List<String> checked = checkedDatasets().stream().map(Path::toString).toList();
        List<Node> boxes = new ArrayList<>();
        try {
            for (Path d : DatasetFolder.list(workspace.datasets())) {
                CheckBox box = new CheckBox(d.getFileName().toString());
                box.setId("matrix-dataset-" + d.getFileName());
                box.setUserData(d);
                box.setSelected(checked.contains(d.toString()));
                boxes.add(box);
            }
        } catch (IOException e) {
            showError.accept(e);
        }
        datasets.getChildren().setAll(boxes);
        if (boxes.isEmpty()) {
            datasets.getChildren().add(new Label("no datasets yet (make one in the Datasets view)"));
        }
    }

    private List<Path> checkedDatasets() {
        List<Path> out = new ArrayList<>();
        for (Node n : datasets.getChildren()) {
            if (n instanceof CheckBox box && box.isSelected()) {
                out.add((Path) box.getUserData());
            }
        }
        return out;
    }

    private void runNew() {
        Experiment created;
        try {
            List<Algorithm> algos = algorithms.entrySet().stream().filter(e -> e.getValue().isSelected())
                    .map(Map.Entry::getKey).toList();
            long steps = Long.parseLong(fields.get("steps").getText().strip());
            Experiment.Plan plan = new Experiment.Plan(algos, checkedDatasets().stream().map(Path::toString).toList(),
                    steps, integer("ch"), integer("batch"), Long.parseLong(fields.get("seed").getText().strip()),
                    (int) Math.max(1, Math.min(1000, steps / 10)), (int) Math.max(1, Math.min(1000, steps)),
                    integer("eval images"));
            created = Experiment.create(workspace.experiments(), null, plan);
        } catch (NumberFormatException e) {
            showError.accept(new IllegalArgumentException("steps, ch, batch, seed and eval images must be whole"
                    + " numbers: " + e.getMessage(), e));
            return;
        } catch (IOException | IllegalArgumentException e) {
            showError.accept(e);
            return;
        }
        start(created);
    }

    private int integer(String name) {
        return Integer.parseInt(fields.get(name).getText().strip());
    }

    /** Shows an experiment from disk in the comparison; Continue runs its unfinished cells. */
    void open(Path dir) {
        if (running != null) {
            showError.accept(new IllegalStateException("An experiment is running; cancel it first."));
            return;
        }
        try {
            show(Experiment.open(dir));
        } catch (IOException e) {
            showError.accept(e);
        }
    }

    private void show(Experiment exp) {
        experiment.set(exp);
        List<Path> shown = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (Experiment.Cell cell : exp.cells()) {
            if (shown.size() < CompareController.MAX_RUNS) {
                shown.add(exp.runDir(cell));
            } else {
                rest.add(cell.label() + " (" + cell.state().name().toLowerCase(java.util.Locale.ROOT) + ")");
            }
        }
        compare.showOnly(shown.stream().filter(org.ganbench.train.RunFolder::looksLikeRun).toList());
        more.setText(rest.isEmpty() ? "" : "Not shown (the comparison takes four): " + String.join(", ", rest)
                + ". All cells are in the report.");
        status.setText(summary(exp));
        updateButtons();
    }

    private static String summary(Experiment exp) {
        StringBuilder s = new StringBuilder(exp.id()).append(": ");
        for (Experiment.Cell c : exp.cells()) {
            s.append("\n").append(c.label()).append(": ").append(c.state().name().toLowerCase(java.util.Locale.ROOT));
            if (!c.message().isEmpty()) {
                s.append(" (").append(c.message()).append(')');
            }
        }
        return s.toString();
    }

    /** Runs the experiment's unfinished cells in the background. */
    void start(Experiment exp) {
        if (running != null || exp == null) {
            return;
        }
        show(exp);
        CancellationToken jobToken = new CancellationToken();
        Task<Void> task = new Task<>() {
            @Override
            protected Void call() throws IOException {
                ExperimentJob.run(exp, TrainableGans::create, new ExperimentQueue.Listener() {
                    @Override
                    public void cellChanged(Experiment e, int index) {
                        Platform.runLater(() -> cellChanged(e, index));
                    }

                    @Override
                    public void trainerStarted(Experiment e, int index, Trainer trainer) {
                        Path runDir = e.runDir(e.cells().get(index));
                        // A new grid also means new metrics rows: the comparison reads the run folder again.
                        trainer.addListener(event -> {
                            if (event instanceof TrainingEvent.Samples || event instanceof TrainingEvent.RunStarted) {
                                Platform.runLater(() -> reload(index, runDir));
                            }
                        });
                    }
                }, (done, total, message) -> {
                    updateProgress(done, total < 0 ? -1 : total);
                    updateMessage(message);
                }, jobToken);
                return null;
            }
        };
        progress.progressProperty().bind(task.progressProperty());
        task.messageProperty().addListener((o, old, now) -> status.setText(summary(exp) + "\n" + now));
        task.setOnSucceeded(e -> finished(exp, null));
        task.setOnFailed(e -> finished(exp, task.getException()));
        running = task;
        token = jobToken;
        updateButtons();
        // Not a daemon: when the window closes, the queue still stops its trainer with a checkpoint before the JVM ends.
        Thread thread = new Thread(task, "experiment-" + exp.id());
        thread.start();
    }

    private void cellChanged(Experiment exp, int index) {
        Experiment.Cell cell = exp.cells().get(index);
        reload(index, exp.runDir(cell));
        updateButtons();
        if (cell.state() == Experiment.CellState.FAILED) {
            showError.accept(new IOException(cell.label() + " failed: " + cell.message()));
        }
    }

    private void reload(int index, Path runDir) {
        if (index < CompareController.MAX_RUNS && org.ganbench.train.RunFolder.looksLikeRun(runDir)) {
            compare.add(runDir);
        }
    }

    private void finished(Experiment exp, Throwable error) {
        progress.progressProperty().unbind();
        running = null;
        token = null;
        show(exp);
        if (error instanceof CancellationException) {
            status.setText(status.getText() + "\nstopped; Continue resumes it from the checkpoints.");
        } else if (error != null) {
            showError.accept(error);
        }
    }

    void cancel() {
        if (token != null) {
            token.cancel();
        }
    }

    private void openReport() {
        Experiment exp = experiment.get();
        if (exp != null && Files.isRegularFile(exp.dir().resolve(ExperimentReport.HTML))) {
            openFile.accept(exp.dir().resolve(ExperimentReport.HTML));
        }
    }

    private void updateButtons() {
        boolean busy = running != null;
        Experiment exp = experiment.get();
        run.setDisable(busy);
        cancel.setDisable(!busy);
        resume.setDisable(busy || exp == null || !exp.hasUnfinishedCells());
        openReport.setDisable(exp == null || !Files.isRegularFile(exp.dir().resolve(ExperimentReport.HTML)));
    }
}
