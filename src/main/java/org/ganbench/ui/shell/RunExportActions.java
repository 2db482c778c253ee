package org.ganbench.ui.shell;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.concurrent.Task;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.ganbench.export.RunExports;
import org.ganbench.train.RunFolder;
import org.ganbench.ui.common.BackgroundTasks;

/**
 * File > Export grid… and Export curves…: the run (and grid step) in view, written by the core's {@link RunExports}
 * (the same as {@code ganbench export}) on the shared {@link BackgroundTasks}, whose error path says failures.
 */
public final class RunExportActions {
    /** The run in view and the step of the grid it shows (null: the newest). */
    public record Target(Path run, Long step) {
    }

    private final Window owner;
    private final Supplier<Target> target;
    private final BackgroundTasks tasks;
    private Path lastFolder;

    RunExportActions(Window owner, Supplier<Target> target, BackgroundTasks tasks) {
        this.owner = owner;
        this.target = target;
        this.tasks = tasks;
    }

    void chooseGrid() {
        Target t = requireTarget();
        if (t != null) {
            Path out = choose("Export grid", t.run().getFileName() + (t.step() == null ? "" : "-step" + t.step())
                    + ".png", new FileChooser.ExtensionFilter("PNG image", "*.png"));
            if (out != null) {
                exportGrid(t, out);
            }
        }
    }

    void chooseCurves() {
        Target t = requireTarget();
        if (t != null) {
            Path out = choose("Export curves", t.run().getFileName() + "-curves.png",
                    new FileChooser.ExtensionFilter("Curve picture (PNG)", "*.png"),
                    new FileChooser.ExtensionFilter("Metrics (CSV)", "*.csv"));
            if (out != null) {
                exportCurves(t, out);
            }
        }
    }

    public Task<String> exportGrid(Target t, Path out) {
        return inBackground("Export grid", () -> "Grid of step " + RunExports.grid(new RunFolder(t.run()), t.step(), out)
                + " written to " + out);
    }

    Task<String> exportCurves(Target t, Path out) {
        return inBackground("Export curves", () -> RunExports.curves(new RunFolder(t.run()), out) + " steps of curves written to "
                + out);
    }

    private Target requireTarget() {
        Target t = target.get();
        if (t == null) {
            tasks.report("Export", new IllegalStateException("Open a run first (in the Training or Compare view)."));
        }
        return t;
    }

    private Path choose(String title, String name, FileChooser.ExtensionFilter... filters) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().addAll(filters);
        if (lastFolder != null) {
            chooser.setInitialDirectory(lastFolder.toFile());
        }
        File file = chooser.showSaveDialog(owner);
        if (file == null) {
            return null;
        }
        lastFolder = file.toPath().getParent();
        return file.toPath();
    }

    @FunctionalInterface
    private interface Export {
        String run() throws IOException;
    }

    /** Runs {@code export} on the shared pool; its failure is said under the heading {@code what}. */
    private Task<String> inBackground(String what, Export export) {
        Task<String> task = new Task<>() {
            {
                updateTitle(what);
            }

            @Override
            protected String call() throws IOException {
                return export.run();
            }
        };
        task.setOnSucceeded(e -> tasks.say(task.getValue()));
        tasks.run(task);
        return task;
    }
}
