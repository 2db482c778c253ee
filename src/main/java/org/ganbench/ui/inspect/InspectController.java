package org.ganbench.ui.inspect;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.concurrent.Task;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.ganbench.common.CancellationToken;
import org.ganbench.common.Images;
import org.ganbench.common.ProgressListener;
import org.ganbench.train.GeneratedImages;
import org.ganbench.train.LatentPaths;
import org.ganbench.train.LatentStrip;
import org.ganbench.train.RunFolder;
import org.ganbench.train.RunGenerator;
import org.ganbench.ui.common.FolderNameCell;

/**
 * The Inspect view: a run's generator at one of its checkpoints, looked inside. The samples of a seed (click two of
 * them to make them the endpoints), interpolation strips between pairs of samples, and walks from the samples along a
 * latent direction (random, or from the first picked face to the second). Generation runs on one worker thread, which
 * also owns the loaded generator; the strips are saved as PNG.
 */
public final class InspectController {
    /** Samples of the seed shown to pick endpoints from (5 x 5, as the run's sample grids). */
    static final int CANDIDATES = 25;
    private static final int TILE = 64;

    /** What one generation produced, for the FX thread to show. */
    record Result(Path run, long step, byte[] candidates, LatentStrip interpolation, LatentStrip walk) {
    }

    private final Path runsDir;
    private final Runnable chooseRun;
    private final Consumer<Throwable> showError;
    /** One thread: the generator is not thread-safe, and strips asked for one after another arrive in order. */
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "inspect-generate");
        t.setDaemon(true);
        return t;
    });
    private final ComboBox<Path> runBox = new ComboBox<>();
    private final ComboBox<Long> checkpointBox = new ComboBox<>();
    private final TextField seed = field("inspect-seed", "0", 6);
    private final TextField rows = field("inspect-rows", "5", 3);
    private final TextField steps = field("inspect-steps", "8", 3);
    private final CheckBox slerp = new CheckBox("spherical (slerp)");
    private final TextField walkSteps = field("inspect-walk-steps", "9", 3);
    private final TextField stepSize = field("inspect-step-size", "0.25", 5);
    private final TextField directionSeed = field("inspect-direction-seed", "0", 6);
    private final CheckBox clamp = new CheckBox("clamp to [-1, 1]");
    private final TilePane candidates = new TilePane(2, 2);
    private final ImageView interpolationView = stripView("inspect-strip");
    private final ImageView walkView = stripView("inspect-walk");
    private final Label picked = new Label();
    private final Label status = new Label("Choose a run (or open one from disk), then Generate (Ctrl+G).");
    private final ProgressBar progress = new ProgressBar(0);
    private final Button cancel = new Button("Cancel");
    private final BorderPane root = new BorderPane();
    /** Indices of the picked samples, in click order (at most two). */
    private final List<Integer> picks = new ArrayList<>();
    private RunGenerator loaded;
    private Path loadedRun;
    private Long loadedCheckpoint;
    private Result shown;
    private Task<Result> running;
    private boolean generateAgain;
    private CancellationToken token;

    public InspectController(Path runsDir, Runnable chooseRun, Consumer<Throwable> showError) {
        this.runsDir = runsDir;
        this.chooseRun = chooseRun;
        this.showError = showError;
        runBox.setId("inspect-run");
        runBox.setPrefWidth(220);
        runBox.setCellFactory(v -> new FolderNameCell());
        runBox.setButtonCell(new FolderNameCell());
        runBox.setOnShowing(e -> refreshRuns());
        runBox.valueProperty().addListener((o, old, now) -> runChosen(now));
        checkpointBox.setId("inspect-checkpoint");
        checkpointBox.setCellFactory(v -> new StepCell());
        checkpointBox.setButtonCell(new StepCell());
        checkpointBox.valueProperty().addListener((o, old, now) -> {
            if (now != null) {
                generate();
            }
        });
        slerp.setId("inspect-slerp");
        slerp.setTooltip(new Tooltip("Linear (default) stays inside the noise cube [-1,1]^128 the generator was "
                + "trained on; slerp keeps the vectors' length but may leave the cube."));
        clamp.setId("inspect-clamp");
        clamp.setSelected(true);

        Button open = button("inspect-open", "Open run…", chooseRun);
        Button generate = button("inspect-generate", "Generate", this::generate);
        generate.setTooltip(new Tooltip("Generate the samples, strips and walks (Ctrl+G)"));
        Button newSeeds = button("inspect-new-seeds", "New seeds", this::newSeeds);
        newSeeds.setTooltip(new Tooltip("Other samples and another walk direction (Ctrl+R)"));
        Button saveStrip = button("inspect-save-strip", "Save strip…", () -> save(true));
        Button saveWalk = button("inspect-save-walk", "Save walk…", () -> save(false));
        Button clearPicks = button("inspect-clear-picks", "Clear picks", this::clearPicks);

        candidates.setId("inspect-candidates");
        candidates.setPrefColumns(5);
        candidates.setMaxWidth(5 * (TILE + 2));
        picked.setId("inspect-picked");
        picked.setWrapText(true);
        picked.setMaxWidth(5 * (TILE + 2));
        Label hint = new Label("Samples of the seed: click two to interpolate between them");
        hint.setWrapText(true);
        hint.setMaxWidth(5 * (TILE + 2));
        VBox left = new VBox(6, hint, candidates,
                picked, clearPicks);
        left.setPadding(new Insets(8));
        left.setMaxWidth(5 * (TILE + 2) + 16);

        HBox stripControls = row(new Label("Interpolation:  rows"), rows, new Label("steps"), steps, slerp, saveStrip);
        HBox walkControls = row(new Label("Walk:  steps"), walkSteps, new Label("step size"), stepSize,
                new Label("direction seed"), directionSeed, clamp, saveWalk);
        VBox strips = new VBox(6, stripControls, interpolationView, walkControls, walkView);
        strips.setPadding(new Insets(8));

        progress.setId("inspect-progress");
        cancel.setId("inspect-cancel");
        cancel.setOnAction(e -> cancel());
        status.setId("inspect-status");
        HBox bottom = row(progress, cancel, status);
        progress.setVisible(false);
        cancel.setVisible(false);
        progress.managedProperty().bind(progress.visibleProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());

        root.setTop(new ToolBar(new Label("run"), runBox, open, new Label("checkpoint"), checkpointBox,
                new Label("seed"), seed, generate, newSeeds));
        root.setLeft(new ScrollPane(left));
        root.setCenter(new ScrollPane(strips));
        root.setBottom(bottom);
        updatePicked();
        refreshRuns();
    }

    public Node view() {
        return root;
    }

    private static TextField field(String id, String value, int columns) {
        TextField f = new TextField(value);
        f.setId(id);
        f.setPrefColumnCount(columns);
        return f;
    }

    private static Button button(String id, String text, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private static HBox row(Node... nodes) {
        HBox box = new HBox(6, nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(2, 8, 2, 8));
        return box;
    }

    private static ImageView stripView(String id) {
        ImageView v = new ImageView();
        v.setId(id);
        v.setSmooth(false);
        v.setPreserveRatio(true);
        return v;
    }

    /** The workspace's runs, keeping the choice and any run opened from elsewhere. */
    void refreshRuns() {
        List<Path> found = new ArrayList<>();
        try {
            RunFolder.list(runsDir).forEach(r -> found.add(r.dir()));
        } catch (IOException e) {
            showError.accept(e);
        }
        Path keep = runBox.getValue();
        if (keep != null && !found.contains(keep)) {
            found.add(keep);
        }
        runBox.getItems().setAll(found);
        runBox.setValue(keep);
    }

    /** Shows {@code runDir} (from the workspace or opened from disk) and generates its strips. */
    public void open(Path runDir) {
        Path dir = runDir.toAbsolutePath().normalize();
        if (!runBox.getItems().contains(dir)) {
            runBox.getItems().add(dir);
        }
        if (dir.equals(runBox.getValue())) {
            generate(); // the same run again: choosing it generates otherwise
        } else {
            runBox.setValue(dir);
        }
    }

    private void runChosen(Path run) {
        checkpointBox.getItems().clear();
        clearPicks();
        if (run == null) {
            return;
        }
        try {
            RunFolder folder = RunFolder.open(run);
            seed.setText(Long.toString(folder.config().training().seed()));
            // choosing the newest checkpoint generates the run's strips
            folder.checkpoints().forEach(c -> checkpointBox.getItems().add(c.step()));
            if (checkpointBox.getItems().isEmpty()) {
                generate(); // which says that the run has no checkpoint yet
            } else {
                checkpointBox.setValue(checkpointBox.getItems().get(checkpointBox.getItems().size() - 1));
            }
        } catch (IOException e) {
            showError.accept(e);
        }
    }

    /** Other samples and another walk direction. */
    public void newSeeds() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        seed.setText(Integer.toString(random.nextInt(1_000_000)));
        directionSeed.setText(Integer.toString(random.nextInt(1_000_000)));
        clearPicks();
        generate();
    }

    /**
     * Generates the samples, the strips and the walks on the worker thread, one request at a time: asked again while
     * generating, it generates once more when done, with the settings of then.
     */
    public void generate() {
        if (running != null) {
            generateAgain = true;
            return;
        }
        Path run = runBox.getValue();
        if (run == null) {
            showError.accept(new IOException("Choose a run first, or open one from disk (Open run…)."));
            return;
        }
        Job request;
        try {
            request = request(run);
        } catch (IllegalArgumentException e) {
            showError.accept(e);
            return;
        }
        CancellationToken jobToken = new CancellationToken();
        Task<Result> task = new Task<>() {
            @Override
            protected Result call() {
                return request.run((done, total, message) -> updateProgress(done, total), jobToken);
            }
        };
        task.setOnSucceeded(e -> {
            finish();
            show(task.getValue());
        });
        task.setOnFailed(e -> {
            finish();
            if (!(task.getException() instanceof CancellationException)) {
                showError.accept(task.getException());
            } else {
                status.setText("cancelled");
            }
        });
        running = task;
        token = jobToken;
        progress.setProgress(-1);
        progress.setVisible(true);
        cancel.setVisible(true);
        status.setText("generating…");
        worker.execute(task);
    }

    /** A generation, run on the worker thread. */
    @FunctionalInterface
    private interface Job {
        Result run(ProgressListener progress, CancellationToken cancel);
    }

    /** What the form asks for, read on the FX thread; an IllegalArgumentException says what is wrong. */
    private Job request(Path run) {
        long seedValue = longValue(seed, "seed");
        int rowCount = intValue(rows, "rows");
        int stripSteps = intValue(steps, "interpolation steps");
        boolean spherical = slerp.isSelected();
        int walkStepCount = intValue(walkSteps, "walk steps");
        double size = doubleValue(stepSize, "step size");
        long directionSeedValue = longValue(directionSeed, "direction seed");
        boolean clamped = clamp.isSelected();
        List<Integer> pair = picks.size() == 2 ? List.copyOf(picks) : List.of();
        List<Long> checkpoints = List.copyOf(checkpointBox.getItems());
        Long chosen = checkpointBox.getValue();
        // The newest checkpoint is read from generator.zip, which stays valid while a trainer prunes old ones.
        Long checkpoint = chosen == null || chosen.equals(checkpoints.get(checkpoints.size() - 1)) ? null : chosen;
        return (progressListener, cancelToken) -> {
            RunGenerator generator = generator(run, checkpoint);
            int latent = generator.latentSize();
            byte[] samples = generator.sample(seedValue, CANDIDATES, (d, t, m) -> { }, cancelToken);
            LatentStrip interpolation;
            float[] direction;
            if (pair.isEmpty()) {
                interpolation = LatentStrip.interpolations(generator, seedValue, rowCount, stripSteps, spherical,
                        progressListener, cancelToken);
                direction = LatentPaths.randomDirection(directionSeedValue, latent);
            } else {
                float[] from = LatentPaths.noiseVector(seedValue, pair.get(0), latent);
                float[] to = LatentPaths.noiseVector(seedValue, pair.get(1), latent);
                interpolation = LatentStrip.interpolations(generator, List.of(from), List.of(to), stripSteps,
                        spherical, progressListener, cancelToken);
                direction = LatentPaths.directionBetween(from, to);
            }
            LatentStrip walk = LatentStrip.walks(generator, seedValue, rowCount, direction, size, walkStepCount,
                    clamped, progressListener, cancelToken);
            return new Result(run, generator.step(), samples, interpolation, walk);
        };
    }

    /** The generator of {@code run} at {@code checkpoint} (null: the newest), loaded once; on the worker thread. */
    private RunGenerator generator(Path run, Long checkpoint) {
        if (loaded == null || !run.equals(loadedRun) || !Objects.equals(checkpoint, loadedCheckpoint)) {
            closeGenerator();
            try {
                loaded = RunGenerator.open(RunFolder.open(run), checkpoint);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e.getMessage(), e);
            }
            loadedRun = run;
            loadedCheckpoint = checkpoint;
        }
        return loaded;
    }

    private void closeGenerator() {
        if (loaded != null) {
            loaded.close();
            loaded = null;
        }
    }

    private static long longValue(TextField f, String name) {
        try {
            return Long.parseLong(f.getText().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + f.getText() + "'");
        }
    }

    private static int intValue(TextField f, String name) {
        try {
            return Integer.parseInt(f.getText().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + f.getText() + "'");
        }
    }

    private static double doubleValue(TextField f, String name) {
        try {
            return Double.parseDouble(f.getText().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, not '" + f.getText() + "'");
        }
    }

    void cancel() {
        if (token != null) {
            token.cancel();
        }
    }

    private void finish() {
        running = null;
        token = null;
        progress.setVisible(false);
        cancel.setVisible(false);
        if (generateAgain) {
            generateAgain = false;
            generate();
        }
    }

    private void show(Result result) {
        shown = result;
        List<BufferedImage> faces = GeneratedImages.split(result.candidates(), CANDIDATES, TILE);
        List<Node> tiles = new ArrayList<>();
        for (int i = 0; i < faces.size(); i++) {
            ImageView v = new ImageView(SwingFXUtils.toFXImage(faces.get(i), null));
            v.getStyleClass().add("inspect-candidate");
            int index = i;
            Label box = new Label(null, v);
            box.getStyleClass().add("inspect-candidate-box");
            box.setOnMouseClicked(e -> pick(index));
            tiles.add(box);
        }
        candidates.getChildren().setAll(tiles);
        updatePicked();
        interpolationView.setImage(SwingFXUtils.toFXImage(result.interpolation().image(), null));
        walkView.setImage(SwingFXUtils.toFXImage(result.walk().image(), null));
        status.setText(String.format(Locale.ROOT, "%s at step %,d: %d x %d strip, %d x %d walk",
                result.run().getFileName(), result.step(), result.interpolation().rows(),
                result.interpolation().steps(), result.walk().rows(), result.walk().steps()));
    }

    /** Picks sample {@code index} as an endpoint (a third pick starts a new pair); two picks regenerate. */
    void pick(int index) {
        if (picks.size() == 2) {
            picks.clear();
        }
        if (!picks.contains(index)) {
            picks.add(index);
        }
        updatePicked();
        if (picks.size() == 2) {
            generate();
        }
    }

    private void clearPicks() {
        picks.clear();
        updatePicked();
    }

    private void updatePicked() {
        for (int i = 0; i < candidates.getChildren().size(); i++) {
            Node n = candidates.getChildren().get(i);
            int order = picks.indexOf(i);
            n.setStyle(order < 0 ? "" : "-fx-background-color: " + (order == 0 ? "#2e7d32" : "#c62828") + ";");
        }
        picked.setText(switch (picks.size()) {
            case 0 -> "No faces picked: the rows go from sample 2r to 2r+1; the walk's direction is random.";
            case 1 -> "From sample " + picks.get(0) + " (green): pick the face to go to.";
            default -> "From sample " + picks.get(0) + " (green) to " + picks.get(1)
                    + " (red): one strip between them, and the walk's direction from one to the other.";
        });
    }

    /** Saves the interpolation strip or the walk as PNG, chosen with a file dialog. */
    public void save(boolean interpolation) {
        if (shown == null) {
            showError.accept(new IllegalStateException("Nothing to save yet: Generate first."));
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle(interpolation ? "Save the interpolation strip" : "Save the walk");
        chooser.setInitialFileName(shown.run().getFileName() + (interpolation ? "-strip-" : "-walk-")
                + shown.step() + ".png");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file != null) {
            saveTo(interpolation, file.toPath());
        }
    }

    /** Writes the shown strip (or walk) to {@code png} on the worker thread. */
    void saveTo(boolean interpolation, Path png) {
        LatentStrip strip = interpolation ? shown.interpolation() : shown.walk();
        Task<Path> task = new Task<>() {
            @Override
            protected Path call() throws IOException {
                Images.writePng(strip.image(), png);
                return png;
            }
        };
        task.setOnSucceeded(e -> status.setText("Saved " + png));
        task.setOnFailed(e -> showError.accept(task.getException()));
        worker.execute(task);
    }

    /** The last strips shown (for tests). */
    Result shown() {
        return shown;
    }

    List<Integer> picks() {
        return picks;
    }

    boolean isGenerating() {
        return running != null;
    }

    public void close() {
        cancel();
        worker.execute(this::closeGenerator);
        worker.shutdown();
    }

    private static final class StepCell extends ListCell<Long> {
        @Override
        protected void updateItem(Long item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : String.format(Locale.ROOT, "step %,d", item));
        }
    }
}
