package org.ganbench.ui.datasets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.stage.Window;
import org.ganbench.dataset.CropJob;
import org.ganbench.dataset.CropResult;
import org.ganbench.dataset.DatasetActions;
import org.ganbench.eval.SyntheticDataset;
import org.ganbench.ui.common.BackgroundTasks;
import org.ganbench.ui.common.FolderJobPane;
import org.ganbench.ui.common.WorkspaceModel;

/**
 * The Datasets view's jobs, one at a time with progress and Cancel: crops (after the cascade is found), imports of
 * cropped faces and the demo set, into the current workspace, with the settings of the next crop.
 */
public final class DatasetJobs {
    private static final long DEMO_SEED = 1;

    /** What a dataset job left: the dataset, and for a crop or import what it did (null for the demo set). */
    public record Finished(Path dataset, ImportSummary summary) {
    }

    private final WorkspaceModel model;
    private final BackgroundTasks tasks;
    private final DatasetActions actions;
    private final Supplier<Window> window;
    private final DoubleProperty margin = new SimpleDoubleProperty(CropJob.Options.DEFAULTS.margin());
    private final IntegerProperty minFace = new SimpleIntegerProperty(CropJob.Options.DEFAULTS.minFace());
    private final BooleanProperty keepEmpty = new SimpleBooleanProperty();
    private final CascadeDialog cascadeDialog;
    private final FolderJobPane<Finished> pane;

    DatasetJobs(WorkspaceModel model, BackgroundTasks tasks, DatasetActions actions, Supplier<Window> window,
                Consumer<Finished> onFinished) {
        this.model = model;
        this.tasks = tasks;
        this.actions = actions;
        this.window = window;
        cascadeDialog = new CascadeDialog(tasks);
        pane = new FolderJobPane<>("import", tasks, onFinished, e -> tasks.report("The dataset job", e));
    }

    /** Runs {@code then} once the face detector's cascade is there (asking for it first when it is missing). */
    public void ensureCascade(Runnable then) {
        cascadeDialog.ensure(window.get(), actions, then);
    }

    /** Crops the faces of folders of illustrations, after the cascade is found; false while another job runs. */
    public boolean crop(List<Path> folders) {
        if (busy()) {
            return false;
        }
        ensureCascade(() -> start(folders, (folder, progress, cancel) -> summarised(workspaceActions().cropFaces(
                folder, margin.get(), minFace.get(), keepEmpty.get(), progress, cancel), true)));
        return true;
    }

    /** Imports folders of already-cropped faces; false while another job runs. */
    public boolean importFaces(List<Path> folders) {
        return start(folders, (folder, progress, cancel) -> summarised(workspaceActions().importFaces(folder,
                progress, cancel), false));
    }

    /** Writes the synthetic demo set into {@code datasets/demo} (or demo-2, ... when taken); false while busy. */
    public boolean demo(int faces) {
        Path datasets = model.workspace().get().datasets();
        Path target = datasets.resolve("demo");
        for (int k = 2; Files.exists(target); k++) {
            target = datasets.resolve("demo-" + k);
        }
        return start(List.of(target), (dir, progress, cancel) -> {
            SyntheticDataset.write(dir, faces, DEMO_SEED, progress, cancel);
            return new Finished(dir, null);
        });
    }

    private boolean busy() {
        if (pane.isRunning()) {
            tasks.report("Datasets", new IllegalStateException("A dataset job is already running; wait for it or "
                    + "cancel it."));
        }
        return pane.isRunning();
    }

    private boolean start(List<Path> folders, FolderJobPane.FolderJob<Finished> job) {
        return !busy() && pane.start(folders, job);
    }

    /** The actions on the datasets of the workspace shown now (File > Open workspace switches it). */
    private DatasetActions workspaceActions() {
        return actions.in(model.workspace().get().datasets());
    }

    private static Finished summarised(CropResult result, boolean crop) {
        return new Finished(result.dataset(), ImportSummary.of(result, crop));
    }

    public FolderJobPane<Finished> pane() {
        return pane;
    }

    CascadeDialog cascadeDialog() {
        return cascadeDialog;
    }

    DetectionPreview preview(Supplier<Window> owner) {
        return new DetectionPreview(actions, margin, minFace, keepEmpty, owner, this::ensureCascade, tasks);
    }

    public DoubleProperty margin() {
        return margin;
    }

    public IntegerProperty minFace() {
        return minFace;
    }

    public void cancel() {
        pane.cancel();
    }
}
