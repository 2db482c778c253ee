package org.ganbench.ui.training;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import org.ganbench.train.RunFolder;
import org.ganbench.ui.common.BackgroundTasks;
import org.ganbench.ui.common.CurveChart;
import org.ganbench.ui.common.EventCoalescer;
import org.ganbench.ui.common.FolderJobPane;

/**
 * The Training view's monitor over one run ({@link MonitorState} drawn by {@link MonitorView}): the sample grids with
 * a slider, the curves, what the run is doing, steps/s and ETA. It is fed {@link MonitorEvent}s through an
 * {@link EventCoalescer}: by a {@link RunFolderWatcher} for a run opened from disk, or by the trainer of this window
 * ({@link LiveTraining}).
 */
public final class MonitorController {
    private final BackgroundTasks tasks;
    private final Consumer<Path> onRunOpened;
    private final EventCoalescer<MonitorEvent> coalescer = new EventCoalescer<>(this::apply);
    private final MonitorState state = new MonitorState();
    private final Label runLabel = new Label("No run open. File > Open run… (Ctrl+O)");
    private final TimelapseExport timelapse;
    private final MonitorView view;
    private final ReadOnlyLongWrapper lastStep = new ReadOnlyLongWrapper(-1);
    private final ReadOnlyStringWrapper activity = new ReadOnlyStringWrapper("");
    private RunFolderWatcher watcher;
    private Path run;

    public MonitorController(BackgroundTasks tasks, Runnable chooseRun, Consumer<Path> onRunOpened) {
        this.tasks = tasks;
        this.onRunOpened = onRunOpened;
        timelapse = new TimelapseExport(tasks, () -> run, runLabel);
        view = new MonitorView(runLabel, timelapse.pane());
        view.lossChart.add("D", state.lossDis, 0, true, true);
        view.lossChart.add("G", state.lossGen, 1, true, true);
        view.penaltyChart.add("penalty", state.lossGp, 2, true, true);
        view.healthChart.add("D(real)", state.dReal, 0, false, true);
        view.healthChart.add("D(fake)", state.dFake, 1, false, true);
        view.gradChart.add("|grad G|", state.gradNorm, 3, true, true);
        view.open.setOnAction(e -> chooseRun.run());
        view.timelapse.setOnAction(e -> chooseTimelapse());
        view.slider.valueProperty().addListener((o, a, b) -> showSample((int) Math.round(b.doubleValue())));
        view.activity.textProperty().bind(activity);
        coalescer.start();
        clear(null);
    }

    public Node view() {
        return view.root;
    }

    /** Where monitor events go: callable from any thread, applied at most once per frame. */
    public Consumer<MonitorEvent> events() {
        return coalescer::offer;
    }

    public Path run() {
        return run;
    }

    /** The newest step shown (-1: none), for the window title. */
    public ReadOnlyLongProperty lastStep() {
        return lastStep.getReadOnlyProperty();
    }

    /** What the run shown is doing, in the monitor's words ("" for no run): the one source of the run's state. */
    public ReadOnlyStringProperty activity() {
        return activity.getReadOnlyProperty();
    }

    /** Watches {@code runDir}, replacing the run shown. */
    public void open(Path runDir) {
        clear(runDir);
        watcher = new RunFolderWatcher(runDir, events());
        watcher.start(500);
        onRunOpened.accept(runDir);
    }

    /**
     * Shows a run that a trainer in this window is about to train: {@code history} (what its folder held up to the
     * step it resumes from) now, then whatever the trainer sends to {@link #events()}. No folder watching.
     */
    void attachLive(Path runDir, List<MonitorEvent> history) {
        clear(runDir);
        history.forEach(events());
        onRunOpened.accept(runDir);
    }

    private void clear(Path runDir) {
        closeWatcher();
        coalescer.clear();
        run = runDir;
        state.reset(runDir == null ? java.util.OptionalLong.empty() : new RunFolder(runDir).configuredSteps());
        lastStep.set(-1);
        view.grid.setImage(null);
        view.slider.setMax(0);
        view.stepLabel.setText("no samples yet");
        if (runDir != null) {
            runLabel.setText(runDir.getFileName().toString());
        }
        showText();
        refreshCharts();
    }

    private void apply(List<MonitorEvent> batch) {
        int gridsBefore = state.grids().size();
        boolean metrics = false;
        for (MonitorEvent event : batch) {
            if (event instanceof MonitorEvent.Problem p) {
                tasks.report("Reading the run " + run.getFileName(), new java.io.IOException(p.message()));
            }
            metrics |= event instanceof MonitorEvent.Metrics;
            state.apply(event);
        }
        if (metrics) {
            refreshCharts();
            lastStep.set(state.lastStep());
        }
        showText();
        int grids = state.grids().size();
        if (grids != gridsBefore) {
            boolean following = gridsBefore == 0 || view.slider.getValue() >= gridsBefore - 1;
            view.slider.setMax(grids - 1);
            if (following) {
                view.slider.setValue(grids - 1);
            }
            showSample((int) Math.round(view.slider.getValue()));
        }
    }

    private void showText() {
        activity.set(state.activityText());
        view.speed.setText(state.progressText());
        view.warning.setText(state.warning());
        view.warning.setVisible(!state.warning().isEmpty());
    }

    private void refreshCharts() {
        view.penaltyChart.node().setVisible(state.hasPenalty());
        for (CurveChart chart : List.of(view.lossChart, view.penaltyChart, view.healthChart, view.gradChart)) {
            chart.refresh();
        }
    }

    private void showSample(int index) {
        List<MonitorState.Grid> grids = state.grids();
        if (index < 0 || index >= grids.size()) {
            return;
        }
        view.grid.setImage(new Image(grids.get(index).file().toUri().toString(), true));
        long step = grids.get(index).step();
        view.stepLabel.setText(String.format(Locale.ROOT, "step %,d%s  (grid %d of %d)", step,
                step == 0 ? ", untrained" : "", index + 1, grids.size()));
    }

    /** Asks where to write the timelapse of the run shown (.mp4 or .gif), then writes it in the background. */
    public void chooseTimelapse() {
        timelapse.choose(view.root.getScene().getWindow());
    }

    /** Writes the timelapse of the run shown to {@code out} with progress and Cancel; refuses while one runs. */
    public void exportTimelapse(Path out) {
        timelapse.export(out);
    }

    /** The step of the grid the slider shows, or null before the first grid. */
    public Long shownStep() {
        int index = (int) Math.round(view.slider.getValue());
        return index >= 0 && index < state.grids().size() ? state.grids().get(index).step() : null;
    }

    // For the view's tests.
    public CurveChart lossChart() {
        return view.lossChart;
    }

    public FolderJobPane<Path> exportPane() {
        return timelapse.pane();
    }

    private void closeWatcher() {
        if (watcher != null) {
            watcher.close();
            watcher = null;
        }
    }

    public void close() {
        timelapse.pane().cancel();
        closeWatcher();
        coalescer.stop();
    }
}
