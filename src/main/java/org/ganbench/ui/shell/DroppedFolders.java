package org.ganbench.ui.shell;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ganbench.train.RunFolder;

/**
 * Folders dropped onto the window (or chosen), sorted without a window: run folders ({@link RunFolder#looksLikeRun})
 * and folders to crop faces from; plain files are left out. One run alone opens in the monitor, several go to the
 * comparison.
 */
record DroppedFolders(List<Path> runs, List<Path> imports) {

    static DroppedFolders sort(List<File> files) {
        List<Path> runs = new ArrayList<>();
        List<Path> imports = new ArrayList<>();
        for (File f : files) {
            Path p = f.toPath().toAbsolutePath().normalize();
            if (Files.isDirectory(p)) {
                (RunFolder.looksLikeRun(p) ? runs : imports).add(p);
            }
        }
        return new DroppedFolders(List.copyOf(runs), List.copyOf(imports));
    }

    /** Whether anything dropped is a folder the window takes. */
    boolean any() {
        return !runs.isEmpty() || !imports.isEmpty();
    }

    /** One run and nothing else: it is watched in the monitor, not compared. */
    boolean isOneRunToMonitor() {
        return runs.size() == 1 && imports.isEmpty();
    }
}
