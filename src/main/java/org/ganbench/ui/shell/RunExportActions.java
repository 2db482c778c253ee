package org.ganbench.ui.shell;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.concurrent.Task;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.ganbench.export.RunExports;
import org.ganbench.train.RunFolder;

/**
 * File > Export grid… and Export curves…: the run (and grid step) in view, written by the core's {@link RunExports}
 * (the same as {@code ganbench export}) on a background thread; failures become error dialogs.
 */
public final class RunExportActions {
    /** The run in view and the step of the grid it shows (null: the newest). */
    public record Target(Path run, Long step) {
    }

    private final Window owner;
    private final Supplier<Target> target;
    private final Consumer<String> done;
    private final Consumer<Throwable> showError;
    private Path lastFolder;

    RunExportActions(Window owner, Supplier<Target> target, Consumer<String> done, Consumer<Throwable> showError) {
        this.owner = owner;
        this.target = target;
        this.done = done;
        this.showError = showError;
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
        return inBackground(() -> "Grid of step " + RunExports.grid(new RunFolder(t.run()), t.step(), out)
                + " written to " + out);
    }

    Task<String> exportCurves(Target t, Path out) {
        return inBackground(() -> RunExports.curves(new RunFolder(t.run()), out) + " steps of curves written to "
                + out);
    }

    Target currentTarget() {
        return target.get();
    }

    private Target requireTarget() {
        Target t = target.get();
        if (t == null) {
            showError.accept(new IllegalStateException("Open a run first (in the Training or Compare view)."));
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

    private Task<String> inBackground(Export export) {
        Task<String> task = new Task<>() {
            @Override
            protected String call() throws IOException {
                return export.run();
            }
        };
        task.setOnSucceeded(e -> done.accept(task.getValue()));
        task.setOnFailed(e -> showError.accept(task.getException()));
        Thread thread = new Thread(task, "export");
        thread.setDaemon(true);
        thread.start();
        return task;
    }
}
