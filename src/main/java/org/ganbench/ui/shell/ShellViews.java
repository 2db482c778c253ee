package org.ganbench.ui.shell;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.stage.Window;
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
 * The window's views, one controller each, over the one workspace model and background-task pool, wired to each
 * other only here: Training shows its runs in the monitor, the experiment matrix shows its runs in the comparison.
 */
public record ShellViews(DatasetsController datasets, MonitorController monitor, TrainingController training,
                         CompareController compare, InspectController inspect, ExperimentController experiments) {

    /** The views of {@code owner}, whose run dialogs are {@code folders}; {@code settings} note the run watched. */
    static ShellViews create(Window owner, WorkspaceModel model, BackgroundTasks tasks, DatasetActions actions,
                             DesktopFiles files, FolderChoosers folders, AppSettings settings) {
        DatasetsController datasets = new DatasetsController(model, tasks, actions, files);
        MonitorController monitor = new MonitorController(tasks, folders::runToMonitor, run -> {
            settings.rememberRunFolder(run);
            tasks.say("Watching " + run);
        });
        TrainingController training = new TrainingController(model, tasks, monitor);
        CompareController compare = new CompareController(tasks, folders::runToCompare);
        InspectController inspect = new InspectController(model, tasks, folders::runToInspect);
        ExperimentController experiments = new ExperimentController(model, tasks, new RunsShown() {
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
        }, file -> files.open(file, owner, tasks));
        compare.addSidePanel(experiments.view());
        return new ShellViews(datasets, monitor, training, compare, inspect, experiments);
    }

    /** A tab per view, in the order of {@link MainWindow.View}. */
    List<Tab> tabs() {
        return List.of(tab("Datasets", datasets.view()), tab("Training", training.view()),
                tab("Compare", compare.view()), tab("Inspect", inspect.view()));
    }

    private static Tab tab(String title, Node content) {
        Tab t = new Tab(title, content);
        t.setId("tab-" + title.toLowerCase(Locale.ROOT));
        return t;
    }

    /** Stops every view's background work (the window closes). */
    void close() {
        datasets.close();
        monitor.close();
        inspect.close();
        experiments.cancel();
    }
}
