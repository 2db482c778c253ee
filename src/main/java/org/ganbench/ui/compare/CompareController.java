package org.ganbench.ui.compare;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.concurrent.Task;
import javafx.scene.Node;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import org.ganbench.common.SeriesBuffer;
import org.ganbench.eval.FigureLabels;
import org.ganbench.train.MetricsRow;
import org.ganbench.ui.common.BackgroundTasks;
import org.ganbench.ui.common.CurveChart;

/**
 * The Compare view ({@link CompareView}) over a {@link Comparison} of two to four runs: their grids at one shared
 * step, their losses overlaid, and their evaluation figures, each run in its own colour throughout.
 */
public final class CompareController {
    private final BackgroundTasks tasks;
    private final Comparison comparison = new Comparison();
    private final CompareView view = new CompareView(r -> comparison.colour(r.run()));
    private final EvaluationRows evaluations;
    /** Runs asked for and not read yet: read one at a time, so that they join in the order asked. */
    private final Deque<Path> toRead = new ArrayDeque<>();
    private boolean reading;

    public CompareController(BackgroundTasks tasks, Runnable chooseRun) {
        this.tasks = tasks;
        evaluations = new EvaluationRows(tasks, view.computeRows, view.evalSamples::getValue, this::add);
        view.add.setOnAction(e -> chooseRun.run());
        view.remove.setOnAction(e -> remove(view.runList.getSelectionModel().getSelectedItem()));
        view.stepSlider.valueProperty().addListener((o, a, b) -> showStep());
        rebuild();
    }

    public Node view() {
        return view.root;
    }

    public List<RunData> runs() {
        return comparison.runs();
    }

    /** Reads {@code runDir} in the background and adds it (replacing the same run; refusing a fifth). */
    public void add(Path runDir) {
        if (!comparison.hasRoomFor(runDir)) {
            tasks.report("Compare", new IllegalStateException("At most " + Comparison.MAX_RUNS
                    + " runs can be compared; remove one first."));
            return;
        }
        toRead.add(runDir);
        readNext();
    }

    private void readNext() {
        if (reading || toRead.isEmpty()) {
            return;
        }
        Path runDir = toRead.poll();
        reading = true;
        Task<RunData> task = new Task<>() {
            @Override
            protected RunData call() throws java.io.IOException {
                return RunData.read(runDir);
            }
        };
        task.setOnSucceeded(e -> {
            comparison.add(task.getValue());
            rebuild();
            readDone();
        });
        task.setOnFailed(e -> {
            tasks.report("Compare", task.getException());
            readDone();
        });
        tasks.run(task);
    }

    private void readDone() {
        reading = false;
        readNext();
    }

    /** Shows exactly these runs (an experiment's), replacing those shown; each is read in the background. */
    public void showOnly(List<Path> runDirs) {
        comparison.retain(runDirs);
        rebuild();
        runDirs.stream().limit(Comparison.MAX_RUNS).forEach(this::add);
    }

    /** Puts {@code panel} under the list of runs (the experiment matrix). */
    public void addSidePanel(Node panel) {
        view.addSidePanel(panel);
    }

    /** The run an export takes: the one selected in the list, else the first; null when none is shown. */
    public Path exportRun() {
        RunData selected = view.runList.getSelectionModel().getSelectedItem();
        List<RunData> runs = comparison.runs();
        return selected != null ? selected.run() : runs.isEmpty() ? null : runs.get(0).run();
    }

    /** The step of the grid shown for {@code runDir} at the shared step, or null when it shows none. */
    public Long shownStep(Path runDir) {
        Long step = sharedStep();
        return step == null ? null : comparison.runs().stream().filter(r -> r.run().equals(runDir)).findFirst()
                .map(r -> comparison.gridStepAt(r, step)).orElse(null);
    }

    private void remove(RunData run) {
        comparison.remove(run.run());
        rebuild();
    }

    private void rebuild() {
        List<RunData> runs = comparison.runs();
        view.runList.getItems().setAll(runs);
        List<Long> steps = comparison.steps();
        view.stepSlider.setMax(Math.max(0, steps.size() - 1));
        view.stepSlider.setValue(view.stepSlider.getMax());
        view.stepSlider.setDisable(steps.size() < 2);
        view.lossChart.clear();
        for (RunData r : runs) {
            SeriesBuffer d = new SeriesBuffer(0.95);
            SeriesBuffer g = new SeriesBuffer(0.95);
            for (MetricsRow row : r.metrics()) {
                d.append(row.step(), row.lossDis());
                g.append(row.step(), row.lossGen());
            }
            int colour = comparison.colour(r.run());
            view.lossChart.add(r.name() + " D", d, colour, false, true, false);
            view.lossChart.add(r.name() + " G", g, colour, false, true, true);
        }
        view.lossChart.refresh();
        evaluations.show(comparison);
        List<String> keys = comparison.figureKeys();
        view.summary.show(comparison, keys.stream().filter(FigureLabels::isSummary).toList());
        view.details.show(comparison, keys.stream().filter(k -> !FigureLabels.isSummary(k)).toList());
        view.showPictures(runs, r -> comparison.colour(r.run()));
        showStep();
    }

    private Long sharedStep() {
        List<Long> steps = comparison.steps();
        return steps.isEmpty() ? null
                : steps.get((int) Math.round(Math.min(view.stepSlider.getValue(), steps.size() - 1)));
    }

    private void showStep() {
        Long step = sharedStep();
        List<RunData> runs = comparison.runs();
        view.stepLabel.setText(step != null ? String.format(Locale.ROOT, "step %,d", step)
                : runs.isEmpty() ? "" : "no sample grids");
        List<Node> panes = new ArrayList<>();
        for (RunData r : runs) {
            Long at = step == null ? null : comparison.gridStepAt(r, step);
            panes.add(view.gridPane(r, comparison.colour(r.run()), at == null ? null : r.samples().get(at),
                    step == null ? "no grids" : at == null ? "no grid yet" : String.format(Locale.ROOT, "step %,d", at)));
        }
        view.grids.getChildren().setAll(panes);
    }

    // For the view's tests.
    public CurveChart lossChart() {
        return view.lossChart;
    }

    public TableView<String> figures() {
        return view.summary.node();
    }

    public Spinner<Integer> evalSamples() {
        return view.evalSamples;
    }

    /** The colour each run shown has (table, grids and curves alike). */
    public Map<Path, Integer> colours() {
        java.util.Map<Path, Integer> out = new java.util.LinkedHashMap<>();
        comparison.runs().forEach(r -> out.put(r.run(), comparison.colour(r.run())));
        return out;
    }
}
