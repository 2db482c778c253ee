package org.ganbench.ui.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.concurrent.Task;
import javafx.scene.control.ComboBox;
import javafx.util.Duration;
import org.ganbench.dataset.DatasetFolder;
import org.ganbench.ui.common.BackgroundTasks;
import org.ganbench.ui.common.WorkspaceModel;

/**
 * The Training form's dataset box: the workspace's datasets as they come and go (the choice kept, else the dataset
 * selected in the Datasets view, else the first), each chosen one's faces counted in the background so that Start
 * can say at once that a dataset has none.
 */
final class DatasetChoice {
    private static final Duration EMPTY_RECOUNT = Duration.seconds(2);

    private final BackgroundTasks tasks;
    private final ComboBox<Path> box;
    private final BiConsumer<Path, Integer> chosen;

    /** @param chosen told the dataset chosen (null: none) and its faces (-1 while counting) */
    DatasetChoice(WorkspaceModel model, BackgroundTasks tasks, ComboBox<Path> box, BiConsumer<Path, Integer> chosen) {
        this.tasks = tasks;
        this.box = box;
        this.chosen = chosen;
        box.valueProperty().addListener((o, old, now) -> count(now));
        model.datasets().addListener((ListChangeListener<Path>) c -> show(model.datasets(), box.getValue()));
        model.selectedDataset().addListener((o, old, now) -> {
            if (now != null && box.getItems().contains(now)) {
                box.setValue(now);
            }
        });
        show(model.datasets(), model.selectedDataset().get());
    }

    private void show(List<Path> datasets, Path preferred) {
        Path keep = preferred != null && datasets.contains(preferred) ? preferred
                : datasets.isEmpty() ? null : datasets.get(0);
        box.getItems().setAll(datasets);
        if (keep != null && keep.equals(box.getValue())) {
            count(keep); // its faces may have changed: a crop writes them while the list changes
        } else {
            box.setValue(keep);
        }
    }

    /**
     * An empty dataset is looked at again every few seconds: faces written into it (a crop running, a copy) change no
     * list the workspace watcher sees, and Start should not stay disabled once they are there.
     */
    private void recountLater(Path dataset) {
        PauseTransition wait = new PauseTransition(EMPTY_RECOUNT);
        wait.setOnFinished(e -> {
            if (dataset.equals(box.getValue())) {
                countInBackground(dataset);
            }
        });
        wait.play();
    }

    private void count(Path dataset) {
        chosen.accept(dataset, -1);
        if (dataset != null) {
            countInBackground(dataset);
        }
    }

    private void countInBackground(Path dataset) {
        Task<Integer> counting = new Task<>() {
            @Override
            protected Integer call() throws IOException {
                return new DatasetFolder(dataset).readFaces().size();
            }
        };
        counting.setOnSucceeded(e -> {
            if (dataset.equals(box.getValue())) {
                chosen.accept(dataset, counting.getValue());
                if (counting.getValue() == 0) {
                    recountLater(dataset);
                }
            }
        });
        counting.setOnFailed(e -> {
            if (dataset.equals(box.getValue())) {
                chosen.accept(dataset, 0);
                tasks.report("Reading the dataset " + dataset.getFileName(), counting.getException());
            }
        });
        tasks.run(counting);
    }
}
