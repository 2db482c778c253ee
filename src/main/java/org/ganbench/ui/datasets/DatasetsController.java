package org.ganbench.ui.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.css.PseudoClass;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.controlsfx.control.GridCell;
import org.controlsfx.control.GridView;
import org.ganbench.dataset.FaceRejector;
import org.ganbench.dataset.CascadeLocator;
import org.ganbench.dataset.CropJob;
import org.ganbench.dataset.DatasetFolder;
import org.ganbench.eval.SyntheticDataset;
import org.ganbench.dataset.DatasetActions;
import org.ganbench.ui.common.ErrorDialogs;
import org.ganbench.ui.common.FolderJobPane;
import org.ganbench.ui.common.FolderNameCell;
import org.ganbench.ui.common.ThumbnailCache;

/**
 * The Datasets view: the workspace's datasets, a virtualised gallery of one dataset's faces with multi-selection,
 * reject/undo, duplicates side by side, opening a face's source image, statistics, and imports with progress.
 */
public final class DatasetsController {
    static final int THUMB = 64;
    /** Faces of the demo dataset ("Make demo dataset"), as the README's first experiment uses. */
    public static final int DEMO_FACES = 20_000;
    private static final long DEMO_SEED = 1;

    /** One face of the open dataset. */
    record Face(String name, Path file, String source, String duplicateOf) {
    }

    private final Path datasetsDir;
    private final Consumer<Path> openFile;
    private final Consumer<Throwable> showError;
    private final ThumbnailCache thumbnails = new ThumbnailCache(THUMB, 4000);
    private final ListView<Path> datasetList = new ListView<>();
    private final ObservableList<Face> faces = FXCollections.observableArrayList();
    private final GridView<Face> gallery = new GridView<>(faces);
    private final Set<String> selected = new LinkedHashSet<>();
    private final BooleanProperty hasSelection = new SimpleBooleanProperty();
    private final Deque<FaceRejector.Rejection> undo = new ArrayDeque<>();
    private final BooleanProperty canUndo = new SimpleBooleanProperty();
    private final Label status = new Label();
    private final VBox stats = new VBox(6);
    private final ListView<Face[]> duplicates = new ListView<>();
    private final FolderJobPane importPane;
    private final DatasetActions actions;
    private final DetectionPreview preview;
    /** Crop settings of the crop job, shared with the detection preview. */
    private final DoubleProperty margin = new SimpleDoubleProperty(CropJob.Options.DEFAULTS.margin());
    private final IntegerProperty minFace = new SimpleIntegerProperty(CropJob.Options.DEFAULTS.minFace());
    private final BorderPane root = new BorderPane();
    private int anchor = -1;
    private Path dataset;

    public DatasetsController(Path datasetsDir, DatasetActions actions, Consumer<Path> openFile,
                       Consumer<Throwable> showError) {
        this.datasetsDir = datasetsDir;
        this.openFile = openFile;
        this.showError = showError;
        this.actions = actions;
        this.importPane = new FolderJobPane("import", imported -> {
            refreshDatasets();
            datasetList.getSelectionModel().select(imported);
        }, this::jobFailed);

        datasetList.setId("dataset-list");
        datasetList.setCellFactory(v -> new FolderNameCell());
        datasetList.getSelectionModel().selectedItemProperty().addListener((o, old, now) -> open(now));
        datasetList.setPlaceholder(new Label("No datasets yet.\nDrop a folder of faces here,\nor make the demo set."));
        Button demo = new Button("Make demo dataset");
        demo.setId("make-demo");
        demo.setMaxWidth(Double.MAX_VALUE);
        demo.setTooltip(new Tooltip("Draw " + String.format("%,d", DEMO_FACES) + " synthetic faces with 64 known "
                + "modes into datasets/demo (as ganbench synth)"));
        demo.setOnAction(e -> {
            if (!makeDemoDataset(DEMO_FACES)) {
                showError.accept(new IllegalStateException("A dataset job is already running; wait for it or cancel it."));
            }
        });
        BorderPane datasetsPane = new BorderPane(datasetList);
        datasetsPane.setBottom(demo);

        gallery.setId("gallery");
        gallery.setCellWidth(THUMB + 8);
        gallery.setCellHeight(THUMB + 8);
        gallery.setHorizontalCellSpacing(2);
        gallery.setVerticalCellSpacing(2);
        gallery.setCellFactory(g -> new FaceCell());

        Button reject = new Button("Reject");
        reject.setId("reject");
        reject.setTooltip(new Tooltip("Move the selected faces to rejected/ (Delete)"));
        reject.disableProperty().bind(hasSelection.not());
        reject.setOnAction(e -> rejectSelected());
        Button undoButton = new Button("Undo");
        undoButton.setId("undo-reject");
        undoButton.setTooltip(new Tooltip("Put the last rejected faces back (Ctrl+Z)"));
        undoButton.disableProperty().bind(canUndo.not());
        undoButton.setOnAction(e -> undoReject());
        Button source = new Button("Open source");
        source.setId("open-source");
        source.disableProperty().bind(hasSelection.not());
        source.setOnAction(e -> openSourceOfSelection());
        status.setId("gallery-status");
        HBox spacer = new HBox();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ToolBar tools = new ToolBar(reject, undoButton, source, spacer, status);

        duplicates.setId("duplicates");
        duplicates.setPlaceholder(new Label("No near-duplicates in this dataset."));
        duplicates.setCellFactory(v -> new DuplicatePairCell());
        stats.setId("dataset-stats");
        stats.setPadding(new Insets(8));
        preview = new DetectionPreview(actions, margin, minFace, this::choosePreviewImage, this::jobFailed);
        Tab previewTab = new Tab("Detection preview", preview.view());
        previewTab.setId("tab-preview");
        TabPane side = new TabPane(new Tab("Statistics", stats), new Tab("Duplicates", duplicates), previewTab);
        side.setId("dataset-side");
        side.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);

        BorderPane center = new BorderPane(gallery, tools, null, null, null);
        SplitPane split = new SplitPane(datasetsPane, center, side);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.16, 0.72);
        SplitPane.setResizableWithParent(datasetsPane, false);
        root.setCenter(split);
        root.setBottom(importPane);
        refreshDatasets();
    }

    public Node view() {
        return root;
    }

    /** Starts the crop job on folders of illustrations (drop, chooser); false while another job runs. */
    public boolean cropFolders(List<Path> folders) {
        return importPane.start(folders, (folder, progress, cancel) -> actions.cropFaces(folder, margin.get(),
                minFace.get(), progress, cancel));
    }

    /**
     * Writes the synthetic demo set ({@link SyntheticDataset}, {@code n} faces) into {@code datasets/demo} (or demo-2,
     * ... when taken) with progress and Cancel, then selects it; false while another job runs.
     */
    public boolean makeDemoDataset(int n) {
        Path target = datasetsDir.resolve("demo");
        for (int k = 2; Files.exists(target); k++) {
            target = datasetsDir.resolve("demo-" + k);
        }
        return importPane.start(List.of(target), (dir, progress, cancel) -> {
            SyntheticDataset.write(dir, n, DEMO_SEED, progress, cancel);
            return dir;
        });
    }

    /** Starts importing folders of already-cropped faces; false while another job runs. */
    public boolean importCroppedFolders(List<Path> folders) {
        return importPane.start(folders, actions::importFaces);
    }

    DetectionPreview preview() {
        return preview;
    }

    private void choosePreviewImage() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Source image to preview the detection on");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Images", "*.png", "*.jpg", "*.jpeg",
                "*.webp", "*.bmp", "*.gif", "*.PNG", "*.JPG", "*.JPEG"));
        java.io.File file = chooser.showOpenDialog(root.getScene().getWindow());
        if (file != null) {
            preview.show(file.toPath());
        }
    }

    DoubleProperty marginProperty() {
        return margin;
    }

    IntegerProperty minFaceProperty() {
        return minFace;
    }

    private void jobFailed(Throwable e) {
        if (e instanceof CascadeLocator.CascadeNotFoundException missing) {
            ErrorDialogs.missingCascade(root.getScene().getWindow(), missing.getMessage(), this::fetchCascade);
        } else {
            showError.accept(new IOException("The dataset job failed: " + messageOf(e), e));
        }
    }

    /** Downloads the cascade in the background; the user then drops the folder again. */
    void fetchCascade() {
        Task<Path> task = new Task<>() {
            @Override
            protected Path call() throws IOException {
                return actions.fetchCascade();
            }
        };
        task.setOnSucceeded(e -> status.setText("Cascade saved to " + task.getValue()
                + "; drop the folder again to crop it."));
        task.setOnFailed(e -> showError.accept(new IOException("Could not fetch the cascade: "
                + messageOf(task.getException()), task.getException())));
        Thread thread = new Thread(task, "cascade-fetch");
        thread.setDaemon(true);
        thread.start();
    }

    FolderJobPane importPane() {
        return importPane;
    }

    List<Face> faces() {
        return faces;
    }

    Set<String> selection() {
        return selected;
    }

    public BooleanProperty canUndoProperty() {
        return canUndo;
    }

    /** Re-reads the list of datasets, keeping the open one selected. */
    public void refreshDatasets() {
        List<Path> found = new ArrayList<>();
        try {
            found.addAll(DatasetFolder.list(datasetsDir));
        } catch (IOException e) {
            showError.accept(new IOException("Cannot list the datasets in " + datasetsDir + ": " + e.getMessage(), e));
        }
        Path keep = dataset;
        datasetList.getItems().setAll(found);
        if (keep != null && found.contains(keep)) {
            datasetList.getSelectionModel().select(keep);
        }
    }

    /** Opens a dataset folder: its faces load in the background. */
    void open(Path datasetDir) {
        if (datasetDir == null || datasetDir.equals(dataset)) {
            return;
        }
        dataset = datasetDir;
        undo.clear();
        canUndo.set(false);
        reload();
    }

    private void reload() {
        status.setText("loading " + dataset.getFileName() + "…");
        readInBackground(this::show);
    }

    /** Reads the open dataset on a worker thread and hands it to {@code use}, unless another was opened meanwhile. */
    private void readInBackground(Consumer<DatasetContents> use) {
        Path dir = dataset;
        Task<DatasetContents> task = new Task<>() {
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
        task.setOnFailed(e -> showError.accept(task.getException()));
        Thread t = new Thread(task, "dataset-load");
        t.setDaemon(true);
        t.start();
    }

    private void show(DatasetContents contents) {
        selected.clear();
        anchor = -1;
        hasSelection.set(false);
        faces.setAll(contents.faces());
        Map<String, Face> byName = new HashMap<>();
        for (Face f : contents.faces()) {
            byName.put(f.name(), f);
        }
        List<Face[]> pairs = new ArrayList<>();
        for (Face f : contents.faces()) {
            Face original = byName.get(f.duplicateOf());
            if (original != null) {
                pairs.add(new Face[] {f, original});
            }
        }
        duplicates.getItems().setAll(pairs);
        showStats(contents, pairs.size());
        updateStatus();
    }

    private void showStats(DatasetContents c, int duplicatePairs) {
        Label counts = new Label(String.format(
                "%,d faces\n%,d near-duplicates (%,d shown side by side)\n%,d rejected\n%,d source images",
                c.faces().size(), c.duplicates(), duplicatePairs, c.rejected(), c.sources()));
        counts.setId("stats-counts");
        TilePane sample = new TilePane(2, 2);
        sample.setId("stats-sample");
        sample.setPrefColumns(5);
        sample.setMaxWidth(5 * (THUMB + 2));
        int n = c.faces().size();
        for (int k = 0; k < Math.min(25, n); k++) {
            // Evenly spread over the dataset, so the sample shows its range rather than its first source.
            Face f = c.faces().get((int) ((long) k * n / Math.min(25, n)));
            ImageView v = new ImageView();
            v.setFitWidth(THUMB);
            v.setFitHeight(THUMB);
            thumbnails.request(f.file(), () -> true, v::setImage);
            sample.getChildren().add(v);
        }
        stats.getChildren().setAll(new Label(dataset.getFileName().toString()), counts, new Label("Sample"), sample);
    }

    private void updateStatus() {
        String detail = "";
        if (selected.size() == 1 && anchor >= 0 && anchor < faces.size()) {
            Face f = faces.get(anchor);
            detail = "   " + f.name() + (f.source().isEmpty() ? "" : " from " + f.source())
                    + (f.duplicateOf().isEmpty() ? "" : ", duplicate of " + f.duplicateOf());
        }
        status.setText(String.format("%,d faces, %,d selected", faces.size(), selected.size()) + detail);
    }

    void select(int index, boolean toggle, boolean range) {
        if (index < 0 || index >= faces.size()) {
            return;
        }
        if (range && anchor >= 0) {
            if (!toggle) {
                selected.clear();
            }
            for (int i = Math.min(anchor, index); i <= Math.max(anchor, index); i++) {
                selected.add(faces.get(i).name());
            }
        } else if (toggle) {
            String name = faces.get(index).name();
            if (!selected.remove(name)) {
                selected.add(name);
            }
            anchor = index;
        } else {
            selected.clear();
            selected.add(faces.get(index).name());
            anchor = index;
        }
        selectionChanged();
    }

    public void selectAll() {
        faces.forEach(f -> selected.add(f.name()));
        selectionChanged();
    }

    private void selectionChanged() {
        hasSelection.set(!selected.isEmpty());
        updateStatus();
        // Cells show selection; a light refresh of the visible cells only.
        gallery.lookupAll(".face-cell").forEach(n -> ((FaceCell) n).showSelection());
    }

    /** Moves the selected faces to rejected/ (undoable). */
    public void rejectSelected() {
        if (dataset == null || selected.isEmpty()) {
            return;
        }
        List<String> names = new ArrayList<>(selected);
        try {
            undo.push(new FaceRejector(dataset).reject(names));
        } catch (IOException | RuntimeException e) {
            showError.accept(new IOException("Could not reject the faces (nothing was moved): " + messageOf(e), e));
            return;
        }
        canUndo.set(true);
        Set<String> gone = new HashSet<>(names);
        faces.removeIf(f -> gone.contains(f.name()));
        selected.clear();
        anchor = -1;
        selectionChanged();
        reloadStatsLater();
    }

    /** Puts back the faces of the last rejection. */
    public void undoReject() {
        if (undo.isEmpty()) {
            return;
        }
        try {
            new FaceRejector(dataset).restore(undo.peek());
            undo.pop();
        } catch (IOException | RuntimeException e) {
            showError.accept(new IOException("Could not put the faces back: " + messageOf(e), e));
            return;
        }
        canUndo.set(!undo.isEmpty());
        reload();
    }

    private void reloadStatsLater() {
        readInBackground(contents -> showStats(contents, duplicates.getItems().size()));
    }

    public void openSourceOfSelection() {
        if (selected.isEmpty()) {
            return;
        }
        String name = selected.iterator().next();
        Face face = faces.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
        if (face == null) {
            return;
        }
        try {
            openFile.accept(DatasetContents.sourceOf(dataset, face.source()));
        } catch (IOException e) {
            showError.accept(e);
        }
    }

    public void close() {
        thumbnails.close();
        importPane.cancel();
    }

    private static String messageOf(Throwable e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    private static final PseudoClass SELECTED_FACE = PseudoClass.getPseudoClass("selected-face");
    private static final PseudoClass DUPLICATE_FACE = PseudoClass.getPseudoClass("duplicate-face");

    /**
     * A face in the gallery: thumbnail loaded lazily, marked when selected or a near-duplicate, click to select. No
     * per-cell tooltip: creating one per recycled cell made scrolling 50,000 faces stutter.
     */
    private final class FaceCell extends GridCell<Face> {
        private final ImageView view = new ImageView();
        private volatile Path wanted;

        FaceCell() {
            getStyleClass().add("face-cell");
            view.setFitWidth(THUMB);
            view.setFitHeight(THUMB);
            setGraphic(view);
            setPadding(new Insets(3));
            addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
                if (getItem() != null) {
                    select(getIndex(), e.isShortcutDown(), e.isShiftDown());
                }
            });
        }

        @Override
        protected void updateItem(Face item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                wanted = null;
                view.setImage(null);
            } else {
                Path file = item.file();
                wanted = file;
                view.setImage(thumbnails.cached(file));
                if (view.getImage() == null) {
                    thumbnails.request(file, () -> file.equals(wanted), image -> {
                        if (file.equals(wanted)) {
                            view.setImage(image);
                        }
                    });
                }
            }
            showSelection();
        }

        void showSelection() {
            Face item = getItem();
            boolean on = item != null && selected.contains(item.name());
            pseudoClassStateChanged(SELECTED_FACE, on);
            pseudoClassStateChanged(DUPLICATE_FACE, item != null && !item.duplicateOf().isEmpty());
        }
    }

    /** A near-duplicate and the face it duplicates, side by side. */
    private final class DuplicatePairCell extends ListCell<Face[]> {
        private final ImageView left = new ImageView();
        private final ImageView right = new ImageView();
        private final Label caption = new Label();
        private final HBox box = new HBox(8, left, right, caption);

        DuplicatePairCell() {
            for (ImageView v : List.of(left, right)) {
                v.setFitWidth(THUMB);
                v.setFitHeight(THUMB);
            }
        }

        @Override
        protected void updateItem(Face[] pair, boolean empty) {
            super.updateItem(pair, empty);
            if (empty || pair == null) {
                setGraphic(null);
                return;
            }
            left.setImage(null);
            right.setImage(null);
            thumbnails.request(pair[0].file(), () -> true, left::setImage);
            thumbnails.request(pair[1].file(), () -> true, right::setImage);
            caption.setText(pair[0].name() + "\nduplicates\n" + pair[1].name());
            setGraphic(box);
        }
    }
}
