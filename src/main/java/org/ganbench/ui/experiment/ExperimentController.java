package org.ganbench.ui.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import org.ganbench.experiment.ExperimentReport;
import org.ganbench.experiment.Experiment;
import org.ganbench.train.RunFolder;
import org.ganbench.ui.common.BackgroundTasks;
import org.ganbench.ui.common.WorkspaceModel;

/**
 * The experiment matrix ({@link MatrixView} over a {@link MatrixForm}): "Run matrix" runs a {@link MatrixJob} in
 * the background (cancellable; the current run keeps a resumable checkpoint), and the comparison is filled with the
 * first cells' runs as they train, their figures as they are computed; the report opens once written. An experiment
 * from disk is opened (and continued) the same way.
 */
public final class ExperimentController {
    private final WorkspaceModel model;
    private final BackgroundTasks tasks;
    private final RunsShown compare;
    private final Consumer<Path> openFile;
    private final MatrixForm form = new MatrixForm();
    private final MatrixView view = new MatrixView();
    private final ObjectProperty<Experiment> experiment = new SimpleObjectProperty<>();
    private MatrixJob running;

    public ExperimentController(WorkspaceModel model, BackgroundTasks tasks, RunsShown compare,
                                Consumer<Path> openFile) {
        this.model = model;
        this.tasks = tasks;
        this.compare = compare;
        this.openFile = openFile;
        view.algorithms.forEach((a, box) -> {
            box.setSelected(form.has(a));
            box.selectedProperty().addListener((o, old, now) -> form.set(a, now));
        });
        view.fields.forEach((name, f) -> {
            f.setText(form.text(name));
            f.textProperty().addListener((o, old, now) -> {
                form.setText(name, now);
                view.preset.setValue(form.preset()); // the box names what width and batch as typed are
            });
        });
        view.preset.setValue(form.preset());
        view.preset.valueProperty().addListener((o, old, now) -> {
            if (now == form.preset()) {
                return;
            }
            form.applyPreset(now);
            view.fields.get("ch").setText(form.text("ch"));
            view.fields.get("batch").setText(form.text("batch"));
        });
        model.datasets().addListener((ListChangeListener<Path>) c -> showDatasets());
        view.run.setOnAction(e -> runNew());
        view.resume.setOnAction(e -> start(experiment.get()));
        view.cancel.setOnAction(e -> cancel());
        view.openReport.setOnAction(e -> openFile.accept(experiment.get().dir().resolve(ExperimentReport.HTML)));
        showDatasets();
        updateButtons();
    }

    public Node view() {
        return view.root;
    }

    /** Opens the matrix's form (View > Experiment matrix). */
    public void expand() {
        view.root.setExpanded(true);
    }

    public java.util.Map<String, TextField> fields() {
        return view.fields;
    }

    public ObjectProperty<Experiment> experimentProperty() {
        return experiment;
    }

    public boolean isRunning() {
        return running != null;
    }

    private void showDatasets() {
        form.retainDatasets(model.datasets());
        view.showDatasets(model.datasets(), form.datasets(), form::set);
    }

    private void runNew() {
        try {
            start(Experiment.create(model.workspace().get().experiments(), null, form.plan()));
            view.problem.setText("");
        } catch (IllegalArgumentException e) {
            view.problem.setText(e.getMessage());
        } catch (IOException e) {
            tasks.report("Experiment", e);
        }
    }

    /** Shows an experiment from disk in the comparison; Continue runs its unfinished cells. */
    public void open(Path dir) {
        if (running != null) {
            tasks.report("Experiment", new IllegalStateException("An experiment is running; cancel it first."));
            return;
        }
        try {
            show(Experiment.open(dir));
        } catch (IOException e) {
            tasks.report("Experiment", e);
        }
    }

    private void show(Experiment exp) {
        experiment.set(exp);
        List<Path> shown = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (Experiment.Cell cell : exp.cells()) {
            if (shown.size() < compare.capacity()) {
                shown.add(exp.runDir(cell));
            } else {
                rest.add(cell.label() + " (" + cell.state().name().toLowerCase(Locale.ROOT) + ")");
            }
        }
        compare.showOnly(shown.stream().filter(RunFolder::looksLikeRun).toList());
        view.more.setText(rest.isEmpty() ? "" : "Not shown (the comparison takes " + compare.capacity() + "): "
                + String.join(", ", rest) + ". All cells are in the report.");
        view.status.setText(summary(exp));
        updateButtons();
    }

    private static String summary(Experiment exp) {
        StringBuilder s = new StringBuilder(exp.id()).append(": ");
        for (Experiment.Cell c : exp.cells()) {
            s.append("\n").append(c.label()).append(": ").append(c.state().name().toLowerCase(Locale.ROOT));
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
        MatrixJob task = new MatrixJob(exp, this::cellChanged, this::reload);
        view.progress.progressProperty().bind(task.progressProperty());
        task.messageProperty().addListener((o, old, now) -> view.status.setText(summary(exp) + "\n" + now));
        task.setOnSucceeded(e -> finished(exp, null));
        task.setOnFailed(e -> finished(exp, task.getException()));
        running = task;
        updateButtons();
        task.start();
    }

    private void cellChanged(Experiment exp, Integer index) {
        Experiment.Cell cell = exp.cells().get(index);
        reload(index, exp.runDir(cell));
        updateButtons();
        if (cell.state() == Experiment.CellState.FAILED) {
            tasks.report("Experiment", new IOException(cell.label() + " failed: " + cell.message()));
        }
    }

    private void reload(Integer index, Path runDir) {
        if (index < compare.capacity() && RunFolder.looksLikeRun(runDir)) {
            compare.reload(runDir);
        }
    }

    private void finished(Experiment exp, Throwable error) {
        view.progress.progressProperty().unbind();
        running = null;
        show(exp);
        if (error instanceof CancellationException) {
            view.status.setText(view.status.getText() + "\nstopped; Continue resumes it from the checkpoints.");
        } else if (error != null) {
            tasks.report("Experiment", error);
        }
    }

    public void cancel() {
        if (running != null) {
            running.stop();
        }
    }

    private void updateButtons() {
        boolean busy = running != null;
        Experiment exp = experiment.get();
        view.run.setDisable(busy);
        view.cancel.setDisable(!busy);
        view.resume.setDisable(busy || exp == null || !exp.hasUnfinishedCells());
        view.openReport.setDisable(exp == null || !Files.isRegularFile(exp.dir().resolve(ExperimentReport.HTML)));
    }
}
