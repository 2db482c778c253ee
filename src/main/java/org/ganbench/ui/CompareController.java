package org.ganbench.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.control.Spinner;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.ganbench.common.CancellationToken;
import org.ganbench.common.SeriesBuffer;
import org.ganbench.eval.EvalFigures;
import org.ganbench.eval.RunEvaluation;
import org.ganbench.train.MetricsRow;
import org.ganbench.train.RunFolder;
import org.ganbench.ui.common.CurveChart;

/**
 * The Compare view: two to four runs side by side. Their sample grids at one shared step slider (each run shows its
 * latest grid at or before that step), their smoothed losses overlaid, and their evaluation figures in a table, each
 * run with a button that computes (or recomputes) them in the background.
 */
public final class CompareController {
    static final int MAX_RUNS = 4;

    /** What the view needs of one run, read on a worker thread. */
    record RunData(Path run, NavigableMap<Long, Path> samples, List<MetricsRow> metrics, Map<String, String> eval) {
        static RunData read(Path run) throws IOException {
            RunFolder folder = new RunFolder(run);
            return new RunData(run, folder.samplesByStep(), folder.metrics(), EvalFigures.read(folder.evalFile()));
        }

        String name() {
            return run.getFileName().toString();
        }
    }

    /** One loader thread, so that runs join the comparison in the order they were asked for. */
    private final java.util.concurrent.ExecutorService loader = java.util.concurrent.Executors.newSingleThreadExecutor(
            r -> {
                Thread t = new Thread(r, "compare-load");
                t.setDaemon(true);
                return t;
            });
    private final Runnable chooseRun;
    private final Consumer<Throwable> showError;
    private final List<RunData> runs = new ArrayList<>();
    private final ListView<RunData> runList = new ListView<>();
    private final HBox grids = new HBox(12);
    private final Slider stepSlider = new Slider(0, 0, 0);
    private final Label stepLabel = new Label();
    private final CurveChart lossChart = new CurveChart("Losses (smoothed)", "loss");
    private final TableView<String> figures = new TableView<>();
    private final VBox computeRows = new VBox(4);
    private final Spinner<Integer> evalSamples = new Spinner<>(64, 8192, 2048, 256);
    /** Evaluations running, by run folder; they outlive a rebuild of the rows that show them. */
    private final Map<Path, Computing> computing = new java.util.HashMap<>();
    private final BorderPane root = new BorderPane();
    private List<Long> steps = List.of();

    public CompareController(Runnable chooseRun, Consumer<Throwable> showError) {
        this.chooseRun = chooseRun;
        this.showError = showError;
        runList.setId("compare-runs");
        runList.setPrefWidth(200);
        runList.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(RunData item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.name());
            }
        });
        runList.setPlaceholder(new Label("Add 2 to 4 runs\n(Ctrl+Shift+O)"));
        Button add = new Button("Add run…");
        add.setId("compare-add");
        add.setOnAction(e -> chooseRun.run());
        Button remove = new Button("Remove");
        remove.setId("compare-remove");
        remove.disableProperty().bind(runList.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> remove(runList.getSelectionModel().getSelectedItem()));

        grids.setId("compare-grids");
        grids.setPadding(new Insets(8));
        stepSlider.setId("compare-slider");
        stepSlider.setBlockIncrement(1);
        stepSlider.setMajorTickUnit(1);
        stepSlider.setMinorTickCount(0);
        stepSlider.setSnapToTicks(true);
        stepSlider.valueProperty().addListener((o, a, b) -> showStep());
        stepLabel.setId("compare-step");
        VBox top = new VBox(6, grids, stepSlider);
        top.setPadding(new Insets(4, 8, 4, 8));

        figures.setId("eval-table");
        figures.setPlaceholder(new Label("No evaluation figures (eval/eval.json) in these runs yet."));
        figures.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        lossChart.node().setId("compare-chart");
        computeRows.setId("compute-rows");
        computeRows.setPadding(new Insets(4));
        evalSamples.setId("compute-n");
        evalSamples.setEditable(true);
        evalSamples.setPrefWidth(90);
        HBox samples = new HBox(6, new Label("images per evaluation:"), evalSamples);
        samples.setAlignment(Pos.CENTER_LEFT);
        VBox table = new VBox(4, samples, computeRows, figures);
        table.setPadding(new Insets(4));
        VBox.setVgrow(figures, Priority.ALWAYS);
        SplitPane bottom = new SplitPane(lossChart.node(), table);
        bottom.setDividerPositions(0.62);
        SplitPane center = new SplitPane(top, bottom);
        center.setOrientation(javafx.geometry.Orientation.VERTICAL);
        center.setDividerPositions(0.5);

        root.setTop(new ToolBar(add, remove, new Label("  shared step:"), stepLabel));
        root.setLeft(runList);
        root.setCenter(center);
        rebuild();
    }

    public Node view() {
        return root;
    }

    List<RunData> runs() {
        return runs;
    }

    CurveChart lossChart() {
        return lossChart;
    }

    TableView<String> figures() {
        return figures;
    }

    /** Reads {@code runDir} in the background and adds it (replacing the same run; refusing a fifth). */
    public void add(Path runDir) {
        if (runs.stream().noneMatch(r -> r.run().equals(runDir)) && runs.size() >= MAX_RUNS) {
            showError.accept(new IllegalStateException("At most " + MAX_RUNS
                    + " runs can be compared; remove one first."));
            return;
        }
        Task<RunData> task = new Task<>() {
            @Override
            protected RunData call() throws IOException {
                if (!RunFolder.looksLikeRun(runDir)) {
                    throw new IOException(runDir + " is not a run folder (no config.json, metrics.csv or samples/)");
                }
                return RunData.read(runDir);
            }
        };
        task.setOnSucceeded(e -> {
            runs.removeIf(r -> r.run().equals(runDir));
            if (runs.size() < MAX_RUNS) {
                runs.add(task.getValue());
            }
            rebuild();
        });
        task.setOnFailed(e -> showError.accept(task.getException()));
        loader.execute(task);
    }

    /** Shows exactly these runs (an experiment's), replacing those shown; each is read in the background. */
    void showOnly(List<Path> runDirs) {
        runs.removeIf(r -> !runDirs.contains(r.run()));
        rebuild();
        runDirs.stream().limit(MAX_RUNS).forEach(this::add);
    }

    /** Puts {@code panel} under the list of runs (the experiment matrix). */
    public void addSidePanel(Node panel) {
        runList.setPrefHeight(110);
        runList.setMinHeight(70);
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(panel);
        scroll.setFitToWidth(true);
        VBox side = new VBox(6, runList, scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        side.setPrefWidth(340);
        root.setLeft(side);
    }

    /** The run an export takes: the one selected in the list, else the first; null when none is shown. */
    public Path exportRun() {
        RunData selected = runList.getSelectionModel().getSelectedItem();
        return selected != null ? selected.run() : runs.isEmpty() ? null : runs.get(0).run();
    }

    /** The step of the grid shown for {@code runDir} at the shared step, or null when it shows none. */
    public Long shownStep(Path runDir) {
        if (steps.isEmpty()) {
            return null;
        }
        long step = steps.get((int) Math.round(Math.min(stepSlider.getValue(), steps.size() - 1)));
        return runs.stream().filter(r -> r.run().equals(runDir)).findFirst()
                .map(r -> r.samples().floorKey(step)).orElse(null);
    }

    void remove(RunData run) {
        runs.remove(run);
        rebuild();
    }

    private void rebuild() {
        runList.getItems().setAll(runs);
        Set<Long> allSteps = new TreeSet<>();
        runs.forEach(r -> allSteps.addAll(r.samples().keySet()));
        steps = List.copyOf(allSteps);
        stepSlider.setMax(Math.max(0, steps.size() - 1));
        stepSlider.setValue(stepSlider.getMax());
        stepSlider.setDisable(steps.size() < 2);

        lossChart.clear();
        for (int i = 0; i < runs.size(); i++) {
            SeriesBuffer d = new SeriesBuffer(0.95);
            SeriesBuffer g = new SeriesBuffer(0.95);
            for (MetricsRow row : runs.get(i).metrics()) {
                d.append(row.step(), row.lossDis());
                g.append(row.step(), row.lossGen());
            }
            lossChart.add(runs.get(i).name() + " D", d, 2 * i, false, true);
            lossChart.add(runs.get(i).name() + " G", g, 2 * i + 1, false, true);
        }
        lossChart.refresh();
        rebuildTable();
        showStep();
    }

    /** A run's evaluation running in the background: what it shows, and how to cancel it. */
    private record Computing(Task<?> task, CancellationToken cancel) {
    }

    Spinner<Integer> evalSamples() {
        return evalSamples;
    }

    /**
     * Evaluates {@code run} against its own dataset (RunEvaluation, as {@code ganbench eval run}) on a background
     * thread capped to one low-priority thread, so that a training in this window keeps its pace; the figures are read
     * again when it is done.
     */
    void computeFigures(RunData run) {
        if (computing.containsKey(run.run())) {
            return;
        }
        CancellationToken cancel = new CancellationToken();
        int n = evalSamples.getValue();
        Task<Void> task = new Task<>() {
            @Override
            protected Void call() throws IOException {
                updateMessage("starting");
                RunEvaluation.run(RunFolder.open(run.run()), null, null, n, 0, 1, (done, total, message) -> {
                    updateProgress(done, total < 0 ? -1 : total);
                    updateMessage(message);
                }, cancel);
                return null;
            }
        };
        task.setOnSucceeded(e -> {
            computing.remove(run.run());
            if (runs.stream().anyMatch(r -> r.run().equals(run.run()))) {
                add(run.run());
            }
        });
        task.setOnFailed(e -> {
            computing.remove(run.run());
            rebuildComputeRows();
            if (!(task.getException() instanceof java.util.concurrent.CancellationException)) {
                showError.accept(new IOException("Evaluating " + run.name() + " failed: "
                        + task.getException().getMessage(), task.getException()));
            }
        });
        computing.put(run.run(), new Computing(task, cancel));
        rebuildComputeRows();
        Thread thread = new Thread(task, "compare-eval-" + run.name());
        thread.setDaemon(true);
        thread.start();
    }

    /** One row per run: Compute (or Recompute), or the running evaluation's progress and Cancel. */
    private void rebuildComputeRows() {
        List<Node> rows = new ArrayList<>();
        for (RunData r : runs) {
            Label name = new Label(r.name());
            name.setMinWidth(120);
            HBox row = new HBox(6, name);
            row.setAlignment(Pos.CENTER_LEFT);
            Computing job = computing.get(r.run());
            if (job == null) {
                Button compute = new Button(r.eval().isEmpty() ? "Compute" : "Recompute");
                compute.setId("compute-" + r.name());
                compute.setOnAction(e -> computeFigures(r));
                row.getChildren().add(compute);
            } else {
                ProgressBar bar = new ProgressBar();
                bar.setId("compute-progress-" + r.name());
                bar.progressProperty().bind(job.task().progressProperty());
                Label message = new Label();
                message.textProperty().bind(job.task().messageProperty());
                Button cancel = new Button("Cancel");
                cancel.setId("compute-cancel-" + r.name());
                cancel.setOnAction(e -> job.cancel().cancel());
                row.getChildren().addAll(bar, cancel, message);
            }
            rows.add(row);
        }
        computeRows.getChildren().setAll(rows);
    }

    private void rebuildTable() {
        rebuildComputeRows();
        figures.getColumns().clear();
        Set<String> names = new LinkedHashSet<>();
        runs.forEach(r -> names.addAll(r.eval().keySet()));
        if (names.isEmpty()) {
            figures.getItems().clear();
            return;
        }
        TableColumn<String, String> figure = new TableColumn<>("figure");
        figure.setMinWidth(90);
        figure.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue()));
        figures.getColumns().add(figure);
        for (RunData r : runs) {
            TableColumn<String, String> col = new TableColumn<>(r.name());
            col.setMinWidth(70);
            col.setCellValueFactory(c -> new ReadOnlyStringWrapper(r.eval().getOrDefault(c.getValue(), "—")));
            figures.getColumns().add(col);
        }
        figures.getItems().setAll(names);
    }

    private void showStep() {
        if (steps.isEmpty()) {
            stepLabel.setText(runs.isEmpty() ? "" : "no sample grids");
            grids.getChildren().setAll(runs.stream().map(r -> gridPane(r, null, "no grids")).toList());
            return;
        }
        long step = steps.get((int) Math.round(Math.min(stepSlider.getValue(), steps.size() - 1)));
        stepLabel.setText(String.format(Locale.ROOT, "step %,d", step));
        List<Node> panes = new ArrayList<>();
        for (RunData r : runs) {
            Map.Entry<Long, Path> at = r.samples().floorEntry(step);
            panes.add(gridPane(r, at == null ? null : at.getValue(), at == null ? "no grid yet"
                    : String.format(Locale.ROOT, "step %,d", at.getKey())));
        }
        grids.getChildren().setAll(panes);
    }

    private static Node gridPane(RunData run, Path file, String caption) {
        ImageView view = new ImageView();
        view.setPreserveRatio(true);
        view.setFitWidth(240);
        view.setSmooth(false);
        if (file != null) {
            view.setImage(new Image(file.toUri().toString(), true));
        }
        VBox box = new VBox(4, new Label(run.name()), view, new Label(caption));
        box.getStyleClass().add("compare-grid");
        box.setAlignment(Pos.TOP_CENTER);
        box.setMinWidth(240);
        return box;
    }
}
