package org.ganbench.ui.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.scene.Node;
import javafx.stage.Window;
import org.ganbench.dataset.DatasetActions;
import org.ganbench.dataset.FaceRejector;
import org.ganbench.ui.common.BackgroundTasks;
import org.ganbench.ui.common.DesktopFiles;
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

    private final WorkspaceModel model;
    private final BackgroundTasks tasks;
    private final DesktopFiles files;
    private final ThumbnailCache thumbnails = new ThumbnailCache(THUMB, 4000);
    private final GallerySelection state = new GallerySelection();
    private final ObservableList<Face> faces = FXCollections.observableArrayList();
    private final BooleanProperty hasSelection = new SimpleBooleanProperty();
    private final BooleanProperty canUndo = new SimpleBooleanProperty();
    private final DatasetJobs jobs;
    private final DetectionPreview preview;
    private final DatasetsView view;
    private Path dataset;

    public DatasetsController(WorkspaceModel model, BackgroundTasks tasks, DatasetActions actions, DesktopFiles files) {
        this.model = model;
        this.tasks = tasks;
        this.files = files;
        jobs = new DatasetJobs(model, tasks, actions, this::window, this::finished);
        preview = jobs.preview(this::window);
        view = new DatasetsView(faces, THUMB, jobs.pane(), preview.view());
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
        view.demo.setOnAction(e -> jobs.demo(DEMO_FACES));
        view.gallery.setCellFactory(g -> new FaceCell(thumbnails, THUMB, state::isSelected, this::select));
        view.duplicates.setCellFactory(v -> new DuplicatePairCell(thumbnails, THUMB));
        view.reject.disableProperty().bind(hasSelection.not());
        view.reject.setOnAction(e -> rejectSelected());
        view.undo.disableProperty().bind(canUndo.not());
        view.undo.setOnAction(e -> undoReject());
        view.openSource.disableProperty().bind(hasSelection.not());
        view.openSource.setOnAction(e -> openSourceOfSelection());
        view.summary.onOpenReport(report -> files.open(report, window(), tasks));
        mirror();
    }

    public Node view() {
        return view.root;
    }

    private Window window() {
        return view.root.getScene() == null ? null : view.root.getScene().getWindow();
    }

    /** The crops, imports and demo set of this view (one at a time), and the settings of the next crop. */
    public DatasetJobs jobs() {
        return jobs;
    }

    private void finished(DatasetJobs.Finished done) {
        model.refresh();
        if (Files.exists(done.dataset())) {
            view.datasetList.getSelectionModel().select(done.dataset());
        }
        if (done.summary() != null) {
            view.summary.show(done.summary());
            tasks.say(done.summary().headline());
        }
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
        view.showContents(null, null, List.of(), thumbnails);
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
        view.showContents(dataset.getFileName().toString(), contents, state.duplicatePairs(), thumbnails);
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
        view.duplicateLegend.setVisible(state.showsDuplicates());
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
        reload(contents -> view.showContents(dataset.getFileName().toString(), contents, null, thumbnails));
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
                files.open(DatasetContents.sourceOf(dataset, face.source()), window(), tasks);
            } catch (IOException e) {
                tasks.report("Cannot open the source image", e);
            }
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

    DetectionPreview preview() {
        return preview;
    }

    public void close() {
        thumbnails.close();
        jobs.cancel();
    }
}
