package org.ganbench.ui.shell;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;
import org.ganbench.common.Workspace;
import org.ganbench.train.RunFolder;
import org.ganbench.dataset.DatasetActions;
import org.ganbench.ui.common.BackgroundTasks;
import org.ganbench.ui.common.DesktopFiles;
import org.ganbench.ui.common.WorkspaceModel;
import org.ganbench.ui.compare.CompareController;
import org.ganbench.ui.compare.Comparison;
import org.ganbench.ui.datasets.DatasetsController;
import org.ganbench.ui.experiment.ExperimentController;
import org.ganbench.ui.experiment.RunsShown;
import org.ganbench.ui.inspect.InspectController;
import org.ganbench.ui.training.MonitorController;
import org.ganbench.ui.training.TrainingController;

/**
 * The application shell: menus and shortcuts, the Datasets / Training / Compare views (one controller each), folder
 * drag-and-drop, remembered window geometry and folders, and error dialogs.
 */
public final class MainWindow {
    public enum View { DATASETS, TRAINING, COMPARE, INSPECT }

    private final Stage stage;
    private final AppSettings settings;
    private final Path settingsFile;
    private final DatasetsController datasets;
    private final MonitorController monitor;
    private final CompareController compare;
    private final TrainingController training;
    private final InspectController inspect;
    private final ExperimentController experiments;
    private final RunExportActions exports;
    private final TabPane tabs = new TabPane();
    private final Label status = new Label();
    private final Scene scene;
    private final BackgroundTasks tasks;
    private final WorkspaceModel model;

    private final DesktopFiles files;
    private MenuBar menuBar;

    public MainWindow(Stage stage, Workspace workspace, AppSettings settings, Path settingsFile,
                      DatasetActions actions, DesktopFiles files) {
        this.stage = stage;
        this.settings = settings;
        this.files = files;
        this.settingsFile = settingsFile;
        this.tasks = new BackgroundTasks(() -> stage);
        this.model = new WorkspaceModel(workspace);
        Consumer<Path> openFile = file -> files.open(file, stage, tasks);
        datasets = new DatasetsController(model, tasks, actions, files);
        monitor = new MonitorController(tasks, this::chooseRunToMonitor, run -> {
            settings.lastRunFolder = run.getParent() == null ? null : run.getParent().toString();
            tasks.say("Watching " + run);
        });
        training = new TrainingController(model, tasks, monitor);
        compare = new CompareController(tasks, this::chooseRunToCompare);
        inspect = new InspectController(model, tasks, this::chooseRunToInspect);
        experiments = new ExperimentController(model, tasks, new RunsShown() {
            @Override
            public int capacity() {
                return Comparison.MAX_RUNS;
            }

            @Override
            public void showOnly(List<Path> runs) {
                compare.showOnly(runs);
            }

            @Override
            public void reload(Path run) {
                compare.add(run);
            }
        }, openFile);
        compare.addSidePanel(experiments.view());
        exports = new RunExportActions(stage, this::exportTarget, tasks::say, e -> showError("Export", e));

        tabs.setId("views");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().addAll(tab("Datasets", datasets.view()), tab("Training", training.view()),
                tab("Compare", compare.view()));
        tabs.getTabs().add(tab("Inspect", inspect.view()));
        status.setId("status");
        // Nothing to say: where the work goes and how to start.
        status.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> tasks.status().get()
                .isEmpty() ? "Workspace: " + model.workspace().get().root()
                + "   (drop folders of illustrations onto the window to crop their faces)" : tasks.status().get(),
                tasks.status(), model.workspace()));
        BorderPane root = new BorderPane(tabs);
        menuBar = menus();
        root.setTop(menuBar);
        root.setBottom(status);
        status.getStyleClass().add("status-line");
        scene = new Scene(root, settings.width, settings.height);
        scene.getStylesheets().add(MainWindow.class.getResource("/org/ganbench/ui/ganbench.css").toExternalForm());
        scene.setOnDragOver(this::dragOver);
        scene.setOnDragDropped(this::dragDropped);
    }

    private static Tab tab(String title, javafx.scene.Node content) {
        Tab t = new Tab(title, content);
        t.setId("tab-" + title.toLowerCase(java.util.Locale.ROOT));
        return t;
    }

    private MenuBar menus() {
        MenuItem cropFolder = item("Crop faces from a folder of illustrations…", "Shortcut+I",
                this::chooseCropFolder);
        MenuItem importFolder = item("Import already-cropped faces…", "Shortcut+Shift+I",
                this::chooseCroppedFacesFolder);
        MenuItem openRun = item("Open run…", "Shortcut+O", this::chooseRunToMonitor);
        MenuItem compareRun = item("Add run to comparison…", "Shortcut+Shift+O", this::chooseRunToCompare);
        MenuItem timelapse = item("Export timelapse of the run…", "Shortcut+T", monitor::chooseTimelapse);
        MenuItem openExperiment = item("Open experiment…", "Shortcut+Shift+E", this::chooseExperiment);
        MenuItem matrix = item("Experiment matrix…", "Shortcut+E", this::showExperimentForm);
        MenuItem exportGrid = item("Export grid…", "Shortcut+Shift+G", exports::chooseGrid);
        MenuItem exportCurves = item("Export curves…", "Shortcut+Shift+C", exports::chooseCurves);
        MenuItem refresh = item("Refresh datasets and runs", "F5", model::refresh);
        MenuItem demo = item("Make demo dataset", "Shortcut+Shift+D", () -> {
            show(View.DATASETS);
            datasets.jobs().demo(DatasetsController.DEMO_FACES);
        });
        MenuItem quit = item("Quit", "Shortcut+Q", this::requestClose);
        MenuItem openWorkspace = item("Open workspace…", "Shortcut+Shift+W", this::chooseWorkspace);
        Menu file = new Menu("_File", null, openWorkspace, new SeparatorMenuItem(), cropFolder, importFolder,
                openRun, compareRun, matrix, openExperiment,
                new SeparatorMenuItem(), exportGrid, exportCurves, timelapse, new SeparatorMenuItem(), demo, refresh,
                new SeparatorMenuItem(), quit);

        MenuItem reject = item("Reject selected faces", "Delete", datasets::rejectSelected);
        MenuItem undo = item("Undo reject", "Shortcut+Z", datasets::undoReject);
        MenuItem selectAll = item("Select all faces", "Shortcut+A", datasets::selectAll);
        MenuItem source = item("Open source image", "Shortcut+Enter", datasets::openSourceOfSelection);
        // Face actions only while the gallery is in view: Delete must not reject faces one cannot see.
        var galleryHidden = tabs.getSelectionModel().selectedIndexProperty().isNotEqualTo(View.DATASETS.ordinal());
        reject.disableProperty().bind(galleryHidden);
        undo.disableProperty().bind(datasets.canUndoProperty().not().or(galleryHidden));
        selectAll.disableProperty().bind(galleryHidden);
        source.disableProperty().bind(galleryHidden);
        Menu edit = new Menu("_Edit", null, reject, undo, selectAll, source);

        Menu view = new Menu("_View", null, item("Datasets", "Shortcut+1", () -> show(View.DATASETS)),
                item("Training", "Shortcut+2", () -> show(View.TRAINING)),
                item("Compare", "Shortcut+3", () -> show(View.COMPARE)));
        view.getItems().add(item("Inspect", "Shortcut+4", () -> show(View.INSPECT)));
        Menu help = new Menu("_Help", null,
                item("About GanBench", "F1", () -> HelpDialogs.showAbout(stage, model.workspace().get(),
                        settingsFile, tasks)),
                item("Keyboard shortcuts", "Shortcut+Slash", () -> HelpDialogs.showShortcuts(stage, menuBar)));
        MenuBar bar = new MenuBar(file, edit, view, inspectMenu(), help);
        bar.setId("menu-bar");
        return bar;
    }

    /** The Inspect view's actions; they act only while it is in view. */
    private Menu inspectMenu() {
        MenuItem open = item("Inspect a run…", "Shortcut+Shift+N", this::chooseRunToInspect);
        MenuItem generate = item("Generate strips and walks", "Shortcut+G", inspect::generate);
        MenuItem newSeeds = item("New seeds", "Shortcut+R", inspect::newSeeds);
        MenuItem saveStrip = item("Save interpolation strip…", "Shortcut+S", () -> inspect.save(true));
        MenuItem saveWalk = item("Save walk…", "Shortcut+Shift+S", () -> inspect.save(false));
        var inspectHidden = tabs.getSelectionModel().selectedIndexProperty().isNotEqualTo(View.INSPECT.ordinal());
        for (MenuItem item : List.of(generate, newSeeds, saveStrip, saveWalk)) {
            item.disableProperty().bind(inspectHidden);
        }
        return new Menu("_Inspect", null, open, generate, newSeeds, saveStrip, saveWalk);
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setAccelerator(KeyCombination.keyCombination(accelerator));
        item.setOnAction(e -> action.run());
        return item;
    }

    public Scene scene() {
        return scene;
    }

    public void show(View view) {
        tabs.getSelectionModel().select(view.ordinal());
    }

    public DatasetsController datasets() {
        return datasets;
    }

    public TrainingController training() {
        return training;
    }

    public MonitorController monitor() {
        return monitor;
    }

    public CompareController compare() {
        return compare;
    }

    public InspectController inspect() {
        return inspect;
    }

    public ExperimentController experiments() {
        return experiments;
    }

    public RunExportActions exports() {
        return exports;
    }

    /** What the Export menu exports: the monitor's run and grid in the Training view, else the comparison's. */
    public RunExportActions.Target exportTarget() {
        if (tabs.getSelectionModel().getSelectedIndex() == View.TRAINING.ordinal()) {
            return monitor.run() == null ? null : new RunExportActions.Target(monitor.run(), monitor.shownStep());
        }
        Path run = compare.exportRun();
        return run == null ? null : new RunExportActions.Target(run, compare.shownStep(run));
    }

    private void showExperimentForm() {
        show(View.COMPARE);
        experiments.expand();
    }

    void chooseExperiment() {
        Path dir = chooseFolder("Experiment folder to open", model.workspace().get().experiments().toString());
        if (dir != null) {
            show(View.COMPARE);
            experiments.open(dir);
        }
    }

    private void dragOver(DragEvent e) {
        if (e.getDragboard().hasFiles() && e.getDragboard().getFiles().stream().anyMatch(File::isDirectory)) {
            e.acceptTransferModes(TransferMode.COPY);
        }
        e.consume();
    }

    private void dragDropped(DragEvent e) {
        boolean ok = e.getDragboard().hasFiles() && openDropped(e.getDragboard().getFiles());
        e.setDropCompleted(ok);
        e.consume();
    }

    /**
     * Handles dropped (or chosen) folders: run folders open in the monitor (a second one goes to the comparison),
     * other folders are imported as datasets. Plain files are ignored. Returns whether anything was accepted.
     */
    public boolean openDropped(List<File> files) {
        List<Path> imports = new ArrayList<>();
        List<Path> runs = new ArrayList<>();
        for (File f : files) {
            Path p = f.toPath().toAbsolutePath().normalize();
            if (Files.isDirectory(p)) {
                (RunFolder.looksLikeRun(p) ? runs : imports).add(p);
            }
        }
        if (runs.size() == 1 && imports.isEmpty()) {
            monitor.open(runs.get(0));
            show(View.TRAINING);
        } else if (!runs.isEmpty()) {
            runs.forEach(compare::add);
            show(View.COMPARE);
        }
        if (!imports.isEmpty()) {
            settings.lastImportFolder = imports.get(0).getParent() == null ? null : imports.get(0).getParent().toString();
            show(View.DATASETS);
            if (!datasets.jobs().crop(imports)) {
                return false;
            }
        }
        return !imports.isEmpty() || !runs.isEmpty();
    }

    /** Folder chooser for the crop job (a dropped folder does the same), once the face detector is there. */
    void chooseCropFolder() {
        datasets.jobs().ensureCascade(() -> {
            Path dir = chooseFolder("Folder of illustrations to crop faces from", settings.lastImportFolder);
            if (dir != null) {
                openDropped(List.of(dir.toFile()));
            }
        });
    }

    /** File > Open workspace…: another folder becomes the workspace, unless the window's trainer is running. */
    void chooseWorkspace() {
        if (model.trainingActive().get() || training.isTraining()) {
            showError("Open workspace", new IllegalStateException("Training is running in this workspace: stop it "
                    + "first (Training view, Stop), then open the other workspace."));
            return;
        }
        Path dir = chooseFolder("Workspace folder to open", model.workspace().get().root().toString());
        if (dir != null) {
            openWorkspace(dir);
        }
    }

    /** Switches every view to the workspace at {@code dir} (made a workspace when it is not one yet). */
    public void openWorkspace(Path dir) {
        try {
            model.workspace().set(Workspace.create(dir));
        } catch (IOException e) {
            showError("Cannot open the workspace " + dir, e);
            return;
        }
        settings.lastWorkspace = model.workspace().get().root().toString();
        settings.lastRunFolder = null;
        tasks.say("Workspace: " + model.workspace().get().root());
    }

    /** "GanBench — ~/GanBench — dragan-20261201-1204 (step 1,200)". */
    static String title(Path workspace, String detail) {
        Path home = Path.of(System.getProperty("user.home"));
        String where = workspace.startsWith(home) && !workspace.equals(home)
                ? "~/" + home.relativize(workspace).toString().replace('\\', '/') : workspace.toString();
        return "GanBench — " + where + (detail == null || detail.isBlank() ? "" : " — " + detail);
    }

    void chooseCroppedFacesFolder() {
        Path dir = chooseFolder("Folder of already-cropped faces to import", settings.lastImportFolder);
        if (dir != null) {
            settings.lastImportFolder = dir.getParent() == null ? null : dir.getParent().toString();
            show(View.DATASETS);
            datasets.jobs().importFaces(List.of(dir));
        }
    }

    void chooseRunToMonitor() {
        Path dir = chooseRunFolder("Run folder to watch");
        if (dir != null) {
            monitor.open(dir);
            show(View.TRAINING);
        }
    }

    void chooseRunToCompare() {
        Path dir = chooseRunFolder("Run folder to compare");
        if (dir != null) {
            compare.add(dir);
            show(View.COMPARE);
        }
    }

    void chooseRunToInspect() {
        Path dir = chooseRunFolder("Run folder to inspect");
        if (dir != null) {
            show(View.INSPECT);
            inspect.open(dir);
        }
    }

    private Path chooseRunFolder(String title) {
        String start = settings.lastRunFolder != null ? settings.lastRunFolder
                : model.workspace().get().runs().toString();
        Path dir = chooseFolder(title, start);
        if (dir != null && !RunFolder.looksLikeRun(dir)) {
            showError("Not a run folder", new IOException(dir + " has no config.json, metrics.csv or samples/."));
            return null;
        }
        if (dir != null) {
            settings.lastRunFolder = dir.getParent() == null ? null : dir.getParent().toString();
        }
        return dir;
    }

    private Path chooseFolder(String title, String start) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        if (start != null && Files.isDirectory(Path.of(start))) {
            chooser.setInitialDirectory(new File(start));
        }
        File dir = chooser.showDialog(stage);
        return dir == null ? null : dir.toPath();
    }

    public void showError(String what, Throwable e) {
        tasks.report(what, e);
    }

    /** The background-task pool and status line every view shares. */
    public BackgroundTasks tasks() {
        return tasks;
    }

    /** The workspace's datasets and runs, shared by every view. */
    public WorkspaceModel model() {
        return model;
    }

    /** Places the stage where it was last time and saves its geometry when it closes. */
    public void install() {
        stage.titleProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> title(model.workspace().get().root(), model.titleDetail().get()), model.workspace(),
                model.titleDetail()));
        stage.setScene(scene);
        // Only where a screen still is (a second monitor may have gone since).
        if (!Double.isNaN(settings.x) && !Double.isNaN(settings.y)
                && !javafx.stage.Screen.getScreensForRectangle(settings.x, settings.y, 100, 100).isEmpty()) {
            stage.setX(settings.x);
            stage.setY(settings.y);
        }
        stage.setMaximized(settings.maximized);
        model.watch();
        // A running trainer is stopped first, with a checkpoint of the step it is on; then the window closes.
        stage.setOnCloseRequest(e -> {
            if (training.isTraining()) {
                e.consume();
                requestClose();
            }
        });
        stage.setOnHidden(e -> close());
    }

    /** Closes the window, first stopping a running trainer with a checkpoint of the step it is on. */
    void requestClose() {
        if (training.isTraining()) {
            tasks.say("Stopping training (checkpoint of the current step) before closing…");
        }
        training.stopThen(stage::close);
    }

    /** Stops background work and remembers the window (called when the stage closes). */
    public void close() {
        if (!stage.isMaximized() && stage.getWidth() > 0) {
            settings.width = stage.getWidth();
            settings.height = stage.getHeight();
            settings.x = stage.getX();
            settings.y = stage.getY();
        }
        settings.maximized = stage.isMaximized();
        datasets.close();
        model.close();
        tasks.shutdown();
        monitor.close();
        inspect.close();
        experiments.cancel();
        try {
            settings.save(settingsFile);
        } catch (IOException e) {
            System.err.println("could not save window settings to " + settingsFile + ": " + e.getMessage());
        }
    }
}
