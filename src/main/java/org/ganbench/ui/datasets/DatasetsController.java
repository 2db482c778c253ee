package org.ganbench.ui.datasets;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.scene.Node;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.controlsfx.control.Notifications;
import org.ganbench.dataset.CropJob;
import org.ganbench.dataset.DatasetActions;
import org.ganbench.dataset.FaceRejector;
import org.ganbench.eval.SyntheticDataset;
import org.ganbench.ui.common.BackgroundTasks;
import org.ganbench.ui.common.DesktopFiles;
import org.ganbench.ui.common.FolderJobPane;
import org.ganbench.ui.common.ThumbnailCache;
import org.ganbench.ui.common.WorkspaceModel;

/**
 * The Datasets view: the workspace's datasets, a virtualised gallery of one dataset's faces with multi-selection,
 * reject/undo ({@link GallerySelection}), duplicates side by side, a face's source image, statistics, the detection
 * preview, and crops and imports with progress that end with a summary ({@link ImportSummary}).
 */
public final class DatasetsController {
    static final int THUMB = 64;
    /** Faces of the demo dataset ("Make demo dataset"), as the README's first experiment uses. */
    public static final int DEMO_FACES = 20_000;
    private static final long DEMO_SEED = 1;

    /** What a dataset job left: the dataset, and for a crop or import what it did (null for the demo set). */
    record Finished(Path dataset, ImportSummary summary) {
    }

    private final WorkspaceModel model;
    private final BackgroundTasks tasks;
    private final DatasetActions actions;
    private final DesktopFiles files;
    private final ThumbnailCache thumbnails = new ThumbnailCache(THUMB, 4000);
    private final GallerySelection state = new GallerySelection();
    private final ObservableList<Face> faces = FXCollections.observableArrayList();
    private final BooleanProperty hasSelection = new SimpleBooleanProperty();
    private final BooleanProperty canUndo = new SimpleBooleanProperty();
    /** Settings of the next crop, shared with the detection preview. */
    private final DoubleProperty margin = new SimpleDoubleProperty(CropJob.Options.DEFAULTS.margin());
    private final IntegerProperty minFace = new SimpleIntegerProperty(CropJob.Options.DEFAULTS.minFace());
    private final BooleanProperty keepEmpty = new SimpleBooleanProperty();
    private final FolderJobPane<Finished> jobPane;
    private final CascadeDialog cascadeDialog;
    private final DetectionPreview preview;
    private final DatasetsView view;
    private Path dataset;

    public DatasetsController(WorkspaceModel model, BackgroundTasks tasks, DatasetActions actions, DesktopFiles files) {
        this.model = model;
        this.tasks = tasks;
        this.actions = actions;
        this.files = files;
        cascadeDialog = new CascadeDialog(tasks);
        jobPane = new FolderJobPane<>("import", tasks, this::finished, e -> tasks.report("The dataset job", e));
        preview = new DetectionPreview(actions, margin, minFace, keepEmpty, this::choosePreviewImage, tasks);
        view = new DatasetsView(faces, THUMB, jobPane, preview.view());
        view.datasetList.setItems(model.datasets());
        view.datasetList.getSelectionModel().selectedItemProperty().addListener((o, old, now) -> {
            if (now != null) {
                model.selectedDataset().set(now);
                open(now);
            }
        });
        model.datasets().addListener((javafx.collections.ListChangeListener<Path>) c -> reselect());
        model.workspace().addListener((o, old, now) -> open(null));
        view.emptyHint.visibleProperty().bind(Bindings.isEmpty(model.datasets()));
        view.demo.setOnAction(e -> makeDemoDataset(DEMO_FACES));
        view.gallery.setCellFactory(g -> new FaceCell(thumbnails, THUMB, state::isSelected, this::select));
        view.duplicates.setCellFactory(v -> new DuplicatePairCell(thumbnails, THUMB));
        view.reject.disableProperty().bind(hasSelection.not());
        view.reject.setOnAction(e -> rejectSelected());
        view.undo.disableProperty().bind(canUndo.not());
        view.undo.setOnAction(e -> undoReject());
        view.openSource.disableProperty().bind(hasSelection.not());
        view.openSource.setOnAction(e -> openSourceOfSelection());
        view.summary.onOpenReport(this::openFile);
    }

    public Node view() {
        return view.root;
    }

    private Window window() {
        return view.root.getScene() == null ? null : view.root.getScene().getWindow();
    }

    /** Runs {@code then} once the face detector's cascade is there (asking for it first when it is missing). */
    public void ensureCascade(Runnable then) {
        cascadeDialog.ensure(window(), actions, then);
    }

    /** Crops the faces of folders of illustrations (drop, chooser), after the cascade is found; false while busy. */
    public boolean cropFolders(List<Path> folders) {
        if (jobPane.isRunning()) {
            return false;
        }
        ensureCascade(() -> startJob(folders, (folder, progress, cancel) -> summarised(actions(folder).cropFaces(
                folder, margin.get(), minFace.get(), keepEmpty.get(), progress, cancel), true)));
        return true;
    }

    /** Imports folders of already-cropped faces; false while another job runs. */
    public boolean importCroppedFolders(List<Path> folders) {
        return startJob(folders, (folder, progress, cancel) -> summarised(actions(folder).importFaces(folder,
                progress, cancel), false));
    }

    /** Writes the synthetic demo set into {@code datasets/demo} (or demo-2, ... when taken); false while busy. */
    public boolean makeDemoDataset(int n) {
        Path datasets = model.workspace().get().datasets();
        Path target = datasets.resolve("demo");
        for (int k = 2; Files.exists(target); k++) {
            target = datasets.resolve("demo-" + k);
        }
        return startJob(List.of(target), (dir, progress, cancel) -> {
            SyntheticDataset.write(dir, n, DEMO_SEED, progress, cancel);
            return new Finished(dir, null);
        });
    }

    private boolean startJob(List<Path> folders, FolderJobPane.FolderJob<Finished> job) {
        boolean started = jobPane.start(folders, job);
        if (!started) {
            tasks.report("Datasets", new IllegalStateException("A dataset job is already running; wait for it or "
                    + "cancel it."));
        }
        return started;
    }

    private DatasetActions actions(Path folder) {
        return actions.in(model.workspace().get().datasets());
    }

    private static Finished summarised(org.ganbench.dataset.CropResult result, boolean crop) {
        return new Finished(result.dataset(), ImportSummary.of(result, crop));
    }

    private void finished(Finished done) {
        model.refresh();
        if (Files.exists(done.dataset())) {
            view.datasetList.getSelectionModel().select(done.dataset());
        }
        if (done.summary() != null) {
            view.summary.show(done.summary());
            tasks.say(done.summary().oneLine());
            if (window() != null) {
                Notifications.create().owner(window()).title("GanBench").text(done.summary().oneLine())
                        .showInformation();
            }
        }
    }

    private void choosePreviewImage() {
        ensureCascade(() -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Source image to preview the detection on");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Images", "*.png", "*.jpg", "*.jpeg",
                    "*.webp", "*.bmp", "*.gif", "*.PNG", "*.JPG", "*.JPEG"));
            File file = chooser.showOpenDialog(window());
            if (file != null) {
                preview.show(file.toPath());
            }
        });
    }

    /** Opens a dataset folder (null: none); its faces load in the background. */
    void open(Path datasetDir) {
        if (datasetDir != null && datasetDir.equals(dataset)) {
            return;
        }
        dataset = datasetDir;
        state.forgetUndo();
        state.show(List.of());
        mirror();
        view.stats.getChildren().clear();
        view.duplicates.getItems().clear();
        if (datasetDir != null) {
            reload(this::show);
        }
    }

    private void reselect() {
        if (dataset != null && model.datasets().contains(dataset)) {
            view.datasetList.getSelectionModel().select(dataset);
        }
    }

    /** Reads the open dataset in the background and hands it to {@code use}, unless another was opened meanwhile. */
    private void reload(Consumer<DatasetContents> use) {
        Path dir = dataset;
        view.galleryStatus.setText("loading " + dir.getFileName() + "…");
        Task<DatasetContents> task = new Task<>() {
            {
                updateTitle("Reading the dataset " + dir.getFileName());
            }

            @Override
            protected DatasetContents call() throws IOException {
                return DatasetContents.read(dir);
            }
        };
        task.setOnSucceeded(e -> {
            if (dir.equals(dataset)) {
                use.accept(task.getValue());
            }
        });
        tasks.run(task);
    }

    private void show(DatasetContents contents) {
        state.show(contents.faces());
        List<Face[]> pairs = state.duplicatePairs();
        view.duplicates.getItems().setAll(pairs);
        view.showStats(dataset.getFileName().toString(), contents, pairs.size(), thumbnails, THUMB);
        mirror();
    }

    /** Shows the state: faces, selection marks, counts, what can be done. */
    private void mirror() {
        if (faces.size() != state.faces().size() || !faces.equals(state.faces())) {
            faces.setAll(state.faces());
        }
        hasSelection.set(!state.selected().isEmpty());
        canUndo.set(state.canUndo());
        view.galleryStatus.setText(state.status());
        view.gallery.lookupAll(".face-cell").forEach(n -> ((FaceCell) n).showSelection());
    }

    void select(int index, boolean toggle, boolean range) {
        state.select(index, toggle, range);
        mirror();
    }

    public void selectAll() {
        state.selectAll();
        mirror();
    }

    /** Moves the selected faces to rejected/ (undoable). */
    public void rejectSelected() {
        if (dataset == null) {
            return;
        }
        try {
            state.rejectSelected(new FaceRejector(dataset));
        } catch (IOException | RuntimeException e) {
            tasks.report("Could not reject the faces (nothing was moved)", e);
            return;
        }
        mirror();
        reload(contents -> view.showStats(dataset.getFileName().toString(), contents,
                view.duplicates.getItems().size(), thumbnails, THUMB));
    }

    /** Puts back the faces of the last rejection. */
    public void undoReject() {
        try {
            state.undoReject(new FaceRejector(dataset));
        } catch (IOException | RuntimeException e) {
            tasks.report("Could not put the faces back", e);
            return;
        }
        mirror();
        reload(this::show);
    }

    public void openSourceOfSelection() {
        Face face = state.firstSelected();
        if (face != null) {
            try {
                openFile(DatasetContents.sourceOf(dataset, face.source()));
            } catch (IOException e) {
                tasks.report("Cannot open the source image", e);
            }
        }
    }

    private void openFile(Path file) {
        try {
            files.open(file, window());
            if (!files.canOpen()) {
                tasks.say("No program to open files on this desktop (xdg-open): " + file.getFileName()
                        + " is shown in a window of GanBench's own.");
            }
        } catch (IOException e) {
            tasks.report("Cannot open " + file.getFileName(), e);
        }
    }

    public BooleanProperty canUndoProperty() {
        return canUndo;
    }

    List<Face> faces() {
        return faces;
    }

    Set<String> selection() {
        return state.selected();
    }

    FolderJobPane<Finished> importPane() {
        return jobPane;
    }

    DetectionPreview preview() {
        return preview;
    }

    CascadeDialog cascadeDialog() {
        return cascadeDialog;
    }

    DoubleProperty marginProperty() {
        return margin;
    }

    IntegerProperty minFaceProperty() {
        return minFace;
    }

    public void close() {
        thumbnails.close();
        jobPane.cancel();
    }
}
