package org.ganbench.ui.inspect;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import javafx.collections.ListChangeListener;
import javafx.concurrent.Task;
import javafx.css.PseudoClass;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.stage.FileChooser;
import org.ganbench.common.CancellationToken;
import org.ganbench.common.Images;
import org.ganbench.train.GeneratedImages;
import org.ganbench.inspect.LatentStrip;
import org.ganbench.train.RunFolder;
import org.ganbench.ui.common.BackgroundTasks;
import org.ganbench.ui.common.WorkspaceModel;

/**
 * The Inspect view: a run's generator at one of its checkpoints, looked inside. The samples of a seed (click two of
 * them to make them the endpoints, {@link InspectPicks}), interpolation strips between pairs of samples, and walks
 * along a latent direction ({@link StripGenerator}); the strips are saved as PNG.
 */
public final class InspectController {
    private static final PseudoClass PICK_FROM = PseudoClass.getPseudoClass("pick-from");
    private static final PseudoClass PICK_TO = PseudoClass.getPseudoClass("pick-to");

    private final WorkspaceModel model;
    private final BackgroundTasks tasks;
    private final InspectView view = new InspectView();
    private final InspectPicks picks = new InspectPicks();
    private final StripGenerator generator = new StripGenerator();
    /** One thread owns the generator (not thread-safe), and strips asked for one after another arrive in order. */
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ganbench-inspect");
        t.setDaemon(true);
        return t;
    });
    private StripGenerator.Result shown;
    private Task<StripGenerator.Result> running;
    private boolean generateAgain;
    private CancellationToken token;

    public InspectController(WorkspaceModel model, BackgroundTasks tasks, Runnable chooseRun) {
        this.model = model;
        this.tasks = tasks;
        model.runs().addListener((ListChangeListener<Path>) c -> refreshRuns());
        view.runBox.valueProperty().addListener((o, old, now) -> runChosen(now));
        view.checkpointBox.valueProperty().addListener((o, old, now) -> {
            if (now != null) {
                generate();
            }
        });
        view.open.setOnAction(e -> chooseRun.run());
        view.generate.setOnAction(e -> generate());
        view.newSeeds.setOnAction(e -> newSeeds());
        view.saveStrip.setOnAction(e -> save(true));
        view.saveWalk.setOnAction(e -> save(false));
        view.clearPicks.setOnAction(e -> clearPicks());
        view.cancel.setOnAction(e -> cancel());
        updatePicked();
        refreshRuns();
    }

    public Node view() {
        return view.root;
    }

    /** The workspace's runs, keeping the choice and any run opened from elsewhere. */
    void refreshRuns() {
        List<Path> found = new ArrayList<>(model.runs());
        Path keep = view.runBox.getValue();
        if (keep != null && !found.contains(keep)) {
            found.add(keep);
        }
        view.runBox.getItems().setAll(found);
        view.runBox.setValue(keep);
    }

    /** Shows {@code runDir} (from the workspace or opened from disk) and generates its strips. */
    public void open(Path runDir) {
        Path dir = runDir.toAbsolutePath().normalize();
        if (!view.runBox.getItems().contains(dir)) {
            view.runBox.getItems().add(dir);
        }
        if (dir.equals(view.runBox.getValue())) {
            generate(); // the same run again: choosing it generates otherwise
        } else {
            view.runBox.setValue(dir);
        }
    }

    private void runChosen(Path run) {
        view.checkpointBox.getItems().clear();
        clearPicks();
        if (run == null) {
            return;
        }
        try {
            RunFolder folder = RunFolder.open(run);
            view.seed.setText(Long.toString(folder.config().training().seed()));
            folder.checkpoints().forEach(c -> view.checkpointBox.getItems().add(c.step()));
            List<Long> steps = view.checkpointBox.getItems();
            if (steps.isEmpty()) {
                generate(); // which says that the run has no checkpoint yet
            } else {
                view.checkpointBox.setValue(steps.get(steps.size() - 1)); // the newest; choosing it generates
            }
        } catch (IOException e) {
            tasks.report("Inspect", e);
        }
    }

    /** Other samples and another walk direction. */
    public void newSeeds() {
        view.seed.setText(Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000)));
        view.directionSeed.setText(Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000)));
        clearPicks();
        generate();
    }

    /** Generates on the worker, one request at a time: asked again meanwhile, once more when done, as set then. */
    public void generate() {
        if (worker.isShutdown()) {
            return; // the window closed: a late selection event must not start work on the stopped worker
        }
        if (running != null) {
            generateAgain = true;
            return;
        }
        Path run = view.runBox.getValue();
        InspectSettings settings;
        try {
            if (run == null) {
                throw new IllegalArgumentException("Choose a run first, or open one from disk (Open run…).");
            }
            settings = view.settings();
        } catch (IllegalArgumentException e) {
            tasks.report("Inspect", e);
            return;
        }
        List<Long> checkpoints = List.copyOf(view.checkpointBox.getItems());
        Long chosen = view.checkpointBox.getValue();
        // The newest checkpoint is read from generator.zip, which stays valid while a trainer prunes old ones.
        Long checkpoint = chosen == null || chosen.equals(checkpoints.get(checkpoints.size() - 1)) ? null : chosen;
        List<Integer> pair = picks.pair();
        CancellationToken jobToken = new CancellationToken();
        Task<StripGenerator.Result> task = new Task<>() {
            @Override
            protected StripGenerator.Result call() {
                return generator.generate(run, checkpoint, settings, pair, (d, t, m) -> updateProgress(d, t),
                        jobToken);
            }
        };
        task.setOnSucceeded(e -> {
            finish();
            show(task.getValue());
        });
        task.setOnFailed(e -> {
            finish();
            if (task.getException() instanceof CancellationException) {
                view.status.setText("cancelled");
            } else {
                tasks.report("Inspect", task.getException());
            }
        });
        running = task;
        token = jobToken;
        view.busy(true);
        view.status.setText("generating…");
        worker.execute(task);
    }

    void cancel() {
        if (token != null) {
            token.cancel();
        }
    }

    private void finish() {
        running = null;
        token = null;
        view.busy(false);
        if (generateAgain) {
            generateAgain = false;
            generate();
        }
    }

    private void show(StripGenerator.Result result) {
        shown = result;
        List<BufferedImage> faces = GeneratedImages.split(result.candidates(), StripGenerator.CANDIDATES,
                InspectView.TILE);
        List<Node> tiles = new ArrayList<>();
        for (int i = 0; i < faces.size(); i++) {
            Label box = new Label(null, new ImageView(SwingFXUtils.toFXImage(faces.get(i), null)));
            box.getStyleClass().add("inspect-candidate-box");
            int index = i;
            box.setOnMouseClicked(e -> pick(index));
            tiles.add(box);
        }
        view.candidates.getChildren().setAll(tiles);
        updatePicked();
        view.interpolation.setImage(SwingFXUtils.toFXImage(result.interpolation().image(), null));
        view.walk.setImage(SwingFXUtils.toFXImage(result.walk().image(), null));
        if (tasks.statusIsError()) {
            tasks.say(""); // the error of an earlier try is over
        }
        view.status.setText(String.format(Locale.ROOT, "%s at step %,d: %d x %d strip, %d x %d walk",
                result.run().getFileName(), result.step(), result.interpolation().rows(),
                result.interpolation().steps(), result.walk().rows(), result.walk().steps()));
    }

    /** Picks sample {@code index} as an endpoint; two picks regenerate. */
    void pick(int index) {
        boolean pair = picks.pick(index);
        updatePicked();
        if (pair) {
            generate();
        }
    }

    private void clearPicks() {
        picks.clear();
        updatePicked();
    }

    private void updatePicked() {
        List<Node> tiles = view.candidates.getChildren();
        for (int i = 0; i < tiles.size(); i++) {
            tiles.get(i).pseudoClassStateChanged(PICK_FROM, picks.order(i) == 0);
            tiles.get(i).pseudoClassStateChanged(PICK_TO, picks.order(i) == 1);
        }
        view.picked.setText(picks.describe());
    }

    /** Saves the interpolation strip or the walk as PNG, chosen with a file dialog. */
    public void save(boolean interpolation) {
        if (shown == null) {
            tasks.report("Inspect", new IllegalStateException("Nothing to save yet: Generate first."));
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle(interpolation ? "Save the interpolation strip" : "Save the walk");
        chooser.setInitialFileName(shown.run().getFileName() + (interpolation ? "-strip-" : "-walk-")
                + shown.step() + ".png");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        File file = chooser.showSaveDialog(view.root.getScene().getWindow());
        if (file != null) {
            saveTo(interpolation, file.toPath());
        }
    }

    /** Writes the shown strip (or walk) to {@code png} in the background. */
    void saveTo(boolean interpolation, Path png) {
        LatentStrip strip = interpolation ? shown.interpolation() : shown.walk();
        Task<Path> task = new Task<>() {
            {
                updateTitle("Saving " + png.getFileName());
            }

            @Override
            protected Path call() throws IOException {
                Images.writePng(strip.image(), png);
                return png;
            }
        };
        task.setOnSucceeded(e -> tasks.say("Saved " + png));
        tasks.run(task);
    }

    /** The last strips shown (for tests). */
    StripGenerator.Result shown() {
        return shown;
    }

    boolean isGenerating() {
        return running != null;
    }

    /** Idempotent: the shell may close a window twice (its close request, then its hiding). */
    public void close() {
        if (worker.isShutdown()) {
            return;
        }
        cancel();
        worker.execute(generator::close);
        worker.shutdown();
    }
}
