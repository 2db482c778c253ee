package org.ganbench.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToolBar;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.ganbench.common.SeriesBuffer;
import org.ganbench.train.MetricsRow;
import org.ganbench.train.RunFolder;
import org.ganbench.train.RunTimelapse;
import org.ganbench.train.SeparationDetector;
import org.ganbench.ui.common.CurveChart;
import org.ganbench.ui.common.EventCoalescer;
import org.ganbench.ui.common.FolderJobPane;

/**
 * The Training view's monitor over one run: the 5x5 sample grid with a slider through every saved grid, loss curves
 * (D, G, penalty; raw and smoothed), D(real)/D(fake) and G's gradient norm with the separation warning, steps/s and
 * ETA. It is fed {@link MonitorEvent}s through an {@link EventCoalescer}: by a {@link RunFolderWatcher} for a run
 * opened from disk, or straight from the trainer's events for a run trained in this window ({@link LiveTraining}).
 */
public final class MonitorController {
    private static final double LOSS_SMOOTHING = 0.95;
    /** Grids per second of an exported timelapse (as {@code ganbench timelapse}'s default). */
    static final int TIMELAPSE_FPS = 10;

    private final Consumer<Path> onRunOpened;
    private final Consumer<Throwable> showError;
    private final EventCoalescer<MonitorEvent> coalescer = new EventCoalescer<>(this::apply);
    private final SeriesBuffer lossDis = new SeriesBuffer(LOSS_SMOOTHING);
    private final SeriesBuffer lossGen = new SeriesBuffer(LOSS_SMOOTHING);
    private final SeriesBuffer lossGp = new SeriesBuffer(LOSS_SMOOTHING);
    private final SeriesBuffer dReal = new SeriesBuffer(LOSS_SMOOTHING);
    private final SeriesBuffer dFake = new SeriesBuffer(LOSS_SMOOTHING);
    private final SeriesBuffer gradNorm = new SeriesBuffer(LOSS_SMOOTHING);
    private final CurveChart lossChart = new CurveChart("Losses", "loss");
    private final CurveChart healthChart = new CurveChart("Discriminator outputs", "probability");
    private final CurveChart gradChart = new CurveChart("Generator gradient", "L2 norm");
    private final List<Long> sampleSteps = new ArrayList<>();
    private final List<Path> sampleFiles = new ArrayList<>();
    private final ImageView grid = new ImageView();
    private final Slider slider = new Slider(0, 0, 0);
    private final Label stepLabel = new Label("no samples yet");
    private final Label runLabel = new Label("No run open. File > Open run… (Ctrl+O)");
    private final Label speedLabel = new Label();
    private final Label warning = new Label();
    private final BorderPane root = new BorderPane();
    private final FolderJobPane exportPane;
    private SeparationDetector detector = new SeparationDetector();
    private RunFolderWatcher watcher;
    private Path run;
    private OptionalLong totalSteps = OptionalLong.empty();
    private long lastStep = -1;
    private double stepsPerSecond = Double.NaN;

    public MonitorController(Runnable chooseRun, Consumer<Path> onRunOpened, Consumer<Throwable> showError) {
        this.onRunOpened = onRunOpened;
        this.showError = showError;
        this.exportPane = new FolderJobPane("timelapse", out -> runLabel.setText(run.getFileName() + "   (timelapse written to "
                + out + ")"), e -> showError.accept(new java.io.IOException("The timelapse failed: " + e.getMessage(), e)));
        lossChart.add("D", lossDis, 0, true, true);
        lossChart.add("G", lossGen, 1, true, true);
        lossChart.add("penalty", lossGp, 2, true, true);
        healthChart.add("D(real)", dReal, 0, false, true);
        healthChart.add("D(fake)", dFake, 1, false, true);
        gradChart.add("|grad G|", gradNorm, 3, true, true);
        lossChart.node().setId("loss-chart");
        healthChart.node().setId("health-chart");
        gradChart.node().setId("grad-chart");

        grid.setId("sample-grid");
        grid.setPreserveRatio(true);
        grid.setSmooth(false);
        grid.setFitWidth(5 * 64 * 1.5);
        slider.setId("sample-slider");
        slider.setBlockIncrement(1);
        slider.setMajorTickUnit(1);
        slider.setMinorTickCount(0);
        slider.setSnapToTicks(true);
        slider.valueProperty().addListener((o, a, b) -> showSample((int) Math.round(b.doubleValue())));
        stepLabel.setId("sample-step");
        VBox left = new VBox(8, grid, slider, stepLabel);
        left.setPadding(new Insets(8));
        left.setAlignment(Pos.TOP_CENTER);
        left.setMinWidth(280);

        VBox charts = new VBox(4, lossChart.node(), healthChart.node(), gradChart.node());
        for (Node c : charts.getChildren()) {
            VBox.setVgrow(c, Priority.ALWAYS);
        }
        SplitPane split = new SplitPane(new ScrollPane(left), charts);
        split.setDividerPositions(0.4);

        Button open = new Button("Open run…");
        open.setId("open-run");
        open.setOnAction(e -> chooseRun.run());
        runLabel.setId("run-name");
        speedLabel.setId("run-speed");
        HBox spacer = new HBox();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        warning.setId("separation-warning");
        warning.setWrapText(true);
        warning.setMaxWidth(Double.MAX_VALUE);
        warning.setPadding(new Insets(6, 10, 6, 10));
        warning.setStyle("-fx-background-color: #b00020; -fx-text-fill: white; -fx-font-weight: bold;");
        warning.setVisible(false);
        warning.managedProperty().bind(warning.visibleProperty());
        Button timelapse = new Button("Timelapse…");
        timelapse.setId("export-timelapse");
        timelapse.setTooltip(new javafx.scene.control.Tooltip("The run's grids as MP4 or GIF (Ctrl+T)"));
        timelapse.setOnAction(e -> chooseTimelapse());
        root.setTop(new VBox(new ToolBar(open, timelapse, runLabel, spacer, speedLabel), warning));
        root.setCenter(split);
        root.setBottom(exportPane);
        coalescer.start();
    }

    Node view() {
        return root;
    }

    /** Where monitor events go: callable from any thread, applied at most once per frame. */
    Consumer<MonitorEvent> events() {
        return coalescer::offer;
    }

    public Path run() {
        return run;
    }

    /** Watches {@code runDir}, replacing the run shown. */
    public void open(Path runDir) {
        reset(runDir);
        watcher = new RunFolderWatcher(runDir, events());
        watcher.start(500);
        onRunOpened.accept(runDir);
    }

    /**
     * Shows a run that a trainer in this window is about to continue: {@code history} (what the run folder held up
     * to the step it resumes from) now, then whatever the trainer sends to {@link #events()}. No folder watching.
     */
    void attachLive(Path runDir, List<MonitorEvent> history) {
        reset(runDir);
        history.forEach(events());
        onRunOpened.accept(runDir);
    }

    private void reset(Path runDir) {
        closeWatcher();
        coalescer.clear();
        run = runDir;
        for (SeriesBuffer b : List.of(lossDis, lossGen, lossGp, dReal, dFake, gradNorm)) {
            b.clear();
        }
        sampleSteps.clear();
        sampleFiles.clear();
        grid.setImage(null);
        slider.setMax(0);
        stepLabel.setText("no samples yet");
        detector = new SeparationDetector();
        lastStep = -1;
        stepsPerSecond = Double.NaN;
        totalSteps = new RunFolder(runDir).configuredSteps();
        runLabel.setText(runDir.getFileName().toString());
        warning.setVisible(false);
        refreshCharts();
    }

    private void apply(List<MonitorEvent> batch) {
        boolean metricsChanged = false;
        int samplesBefore = sampleSteps.size();
        for (MonitorEvent event : batch) {
            if (event instanceof MonitorEvent.Metrics m) {
                m.rows().forEach(this::addRow);
                metricsChanged = true;
            } else if (event instanceof MonitorEvent.Sample s) {
                sampleSteps.add(s.step());
                sampleFiles.add(s.file());
            } else if (event instanceof MonitorEvent.Problem p) {
                showError.accept(new java.io.IOException("Problem reading the run " + run + ": " + p.message()));
            }
        }
        if (metricsChanged) {
            refreshCharts();
            updateSpeedAndWarning();
        }
        if (sampleSteps.size() != samplesBefore) {
            boolean following = samplesBefore == 0 || slider.getValue() >= samplesBefore - 1;
            slider.setMax(sampleSteps.size() - 1);
            if (following) {
                slider.setValue(sampleSteps.size() - 1);
            }
            showSample((int) Math.round(slider.getValue()));
        }
    }

    private void addRow(MetricsRow r) {
        lossDis.append(r.step(), r.lossDis());
        lossGen.append(r.step(), r.lossGen());
        lossGp.append(r.step(), r.lossGp());
        dReal.append(r.step(), r.dReal());
        dFake.append(r.step(), r.dFake());
        gradNorm.append(r.step(), r.gradNormG());
        detector.accept(r.step(), r.dReal(), r.dFake());
        lastStep = r.step();
        if (!Double.isNaN(r.stepsPerS())) {
            stepsPerSecond = r.stepsPerS();
        }
    }

    private void refreshCharts() {
        lossChart.refresh();
        healthChart.refresh();
        gradChart.refresh();
    }

    private void updateSpeedAndWarning() {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "step %,d", lastStep));
        totalSteps.ifPresent(total -> s.append(String.format(Locale.ROOT, " of %,d", total)));
        if (!Double.isNaN(stepsPerSecond)) {
            s.append(String.format(Locale.ROOT, "   %.2f steps/s", stepsPerSecond));
        }
        if (totalSteps.isPresent()) {
            long left = totalSteps.getAsLong() - lastStep;
            if (left > 0 && stepsPerSecond > 0) {
                s.append("   ETA ").append(formatDuration((long) (left / stepsPerSecond)));
            } else if (left <= 0) {
                s.append("   done");
            }
        }
        speedLabel.setText(s.toString());
        warning.setText("\u26a0 " + detector.message());
        warning.setVisible(detector.isWarning());
    }

    static String formatDuration(long seconds) {
        return seconds >= 3600 ? String.format(Locale.ROOT, "%dh %02dm", seconds / 3600, seconds % 3600 / 60)
                : String.format(Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60);
    }

    private void showSample(int index) {
        if (index < 0 || index >= sampleFiles.size()) {
            return;
        }
        grid.setImage(new Image(sampleFiles.get(index).toUri().toString(), true));
        stepLabel.setText(String.format(Locale.ROOT, "step %,d  (grid %d of %d)", sampleSteps.get(index), index + 1,
                sampleSteps.size()));
    }

    /** Asks where to write the timelapse of the run shown (.mp4 or .gif), then writes it in the background. */
    public void chooseTimelapse() {
        if (run == null) {
            showError.accept(new java.io.IOException("Open a run first (File > Open run…), then export its timelapse."));
            return;
        }
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle("Timelapse of " + run.getFileName());
        chooser.getExtensionFilters().addAll(new javafx.stage.FileChooser.ExtensionFilter("MP4 video (H.264)", "*.mp4"),
                new javafx.stage.FileChooser.ExtensionFilter("Animated GIF", "*.gif"));
        chooser.setInitialFileName(run.getFileName() + ".mp4");
        java.io.File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file != null) {
            exportTimelapse(file.toPath());
        }
    }

    /**
     * Writes the timelapse of the run shown to {@code out} ({@link RunTimelapse}) with progress and Cancel below the
     * monitor; refuses while another export runs.
     */
    void exportTimelapse(Path out) {
        if (run == null) {
            showError.accept(new java.io.IOException("Open a run first (File > Open run…), then export its timelapse."));
            return;
        }
        boolean started = exportPane.start(List.of(run), (runDir, progress, cancel) -> {
            RunTimelapse.write(new RunFolder(runDir), out, TIMELAPSE_FPS, progress, cancel);
            return out;
        });
        if (!started) {
            showError.accept(new IllegalStateException("A timelapse is already being written; wait or cancel it."));
        }
    }

    FolderJobPane exportPane() {
        return exportPane;
    }

    /** The step of the grid the slider shows, or null before the first grid. */
    public Long shownStep() {
        int index = (int) Math.round(slider.getValue());
        return index >= 0 && index < sampleSteps.size() ? sampleSteps.get(index) : null;
    }

    // Accessors for the view's tests.
    CurveChart lossChart() {
        return lossChart;
    }

    Label warningLabel() {
        return warning;
    }

    private void closeWatcher() {
        if (watcher != null) {
            watcher.close();
            watcher = null;
        }
    }

    public void close() {
        exportPane.cancel();
        closeWatcher();
        coalescer.stop();
    }
}
