package org.ganbench.ui.shell;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.stage.DirectoryChooser;
import org.ganbench.train.RunFolder;

/**
 * The File menu's folder dialogs and where what they choose goes: folders to crop or import, runs to watch, compare
 * or inspect, experiments. Each dialog starts where the last one of its kind ended (the window's settings).
 */
final class FolderChoosers {
    private final MainWindow window;

    FolderChoosers(MainWindow window) {
        this.window = window;
    }

    /** The crop's folder (a dropped folder does the same), once the face detector is there. */
    void cropFolder() {
        window.views().datasets().jobs().ensureCascade(() -> {
            Path dir = choose("Folder of illustrations to crop faces from", window.settings().lastImportFolder);
            if (dir != null) {
                window.drop().open(List.of(dir.toFile()));
            }
        });
    }

    void croppedFacesFolder() {
        Path dir = choose("Folder of already-cropped faces to import", window.settings().lastImportFolder);
        if (dir != null) {
            window.settings().rememberImportFolder(dir);
            window.show(MainWindow.View.DATASETS);
            window.views().datasets().jobs().importFaces(List.of(dir));
        }
    }

    void runToMonitor() {
        Path dir = runFolder("Run folder to watch");
        if (dir != null) {
            window.views().monitor().open(dir);
            window.show(MainWindow.View.TRAINING);
        }
    }

    void runToCompare() {
        Path dir = runFolder("Run folder to compare");
        if (dir != null) {
            window.views().compare().add(dir);
            window.show(MainWindow.View.COMPARE);
        }
    }

    void runToInspect() {
        Path dir = runFolder("Run folder to inspect");
        if (dir != null) {
            window.show(MainWindow.View.INSPECT);
            window.views().inspect().open(dir);
        }
    }

    void experiment() {
        Path dir = choose("Experiment folder to open", window.model().workspace().get().experiments().toString());
        if (dir != null) {
            window.show(MainWindow.View.COMPARE);
            window.views().experiments().open(dir);
        }
    }

    /** A folder chosen from the last run's parent (or the workspace's runs), refused when it is not a run. */
    private Path runFolder(String title) {
        String last = window.settings().lastRunFolder;
        Path dir = choose(title, last != null ? last : window.model().workspace().get().runs().toString());
        if (dir == null) {
            return null;
        }
        if (!RunFolder.looksLikeRun(dir)) {
            window.tasks().report("Not a run folder", new IOException(dir + " has no config.json, metrics.csv or "
                    + "samples/."));
            return null;
        }
        window.settings().rememberRunFolder(dir);
        return dir;
    }

    /** A folder dialog titled {@code title}, starting in {@code start} when it exists; null when cancelled. */
    Path choose(String title, String start) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        if (start != null && Files.isDirectory(Path.of(start))) {
            chooser.setInitialDirectory(new File(start));
        }
        File dir = chooser.showDialog(window.stage());
        return dir == null ? null : dir.toPath();
    }
}
