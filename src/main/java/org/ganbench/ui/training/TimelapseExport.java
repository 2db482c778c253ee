package org.ganbench.ui.training;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.control.Label;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.ganbench.train.RunFolder;
import org.ganbench.export.RunTimelapse;
import org.ganbench.ui.common.BackgroundTasks;
import org.ganbench.ui.common.FolderJobPane;

/** File > Export timelapse: the grids of the run in the monitor as MP4 or GIF, written with progress and Cancel. */
final class TimelapseExport {
    /** Grids per second (as {@code ganbench timelapse}'s default). */
    static final int FPS = 10;

    private final BackgroundTasks tasks;
    private final Supplier<Path> run;
    private final Label said;
    private final FolderJobPane<Path> pane;

    /** @param said where "timelapse written to …" is said */
    TimelapseExport(BackgroundTasks tasks, Supplier<Path> run, Label said) {
        this.tasks = tasks;
        this.run = run;
        this.said = said;
        pane = new FolderJobPane<>("timelapse", tasks, this::written, e -> tasks.report("The timelapse", e));
    }

    FolderJobPane<Path> pane() {
        return pane;
    }

    /** Asks where to write the timelapse (.mp4 or .gif), then writes it in the background. */
    void choose(Window owner) {
        Path shown = requireRun();
        if (shown != null) {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Timelapse of " + shown.getFileName());
            chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("MP4 video (H.264)", "*.mp4"),
                    new FileChooser.ExtensionFilter("Animated GIF", "*.gif"));
            chooser.setInitialFileName(shown.getFileName() + ".mp4");
            File file = chooser.showSaveDialog(owner);
            if (file != null) {
                export(file.toPath());
            }
        }
    }

    /** Writes the timelapse to {@code out}; refuses while another one is being written. */
    void export(Path out) {
        Path shown = requireRun();
        if (shown != null && !pane.start(List.of(shown), (runDir, progress, cancel) -> {
            RunTimelapse.write(new RunFolder(runDir), out, FPS, progress, cancel);
            return out;
        })) {
            tasks.report("Timelapse", new IllegalStateException("A timelapse is already being written; wait or"
                    + " cancel it."));
        }
    }

    private void written(Path out) {
        said.setText(run.get().getFileName() + "   (timelapse written to " + out + ")");
    }

    private Path requireRun() {
        Path shown = run.get();
        if (shown == null) {
            tasks.report("Timelapse", new IllegalStateException("Open a run first (File > Open run…), then export"
                    + " its timelapse."));
        }
        return shown;
    }
}
