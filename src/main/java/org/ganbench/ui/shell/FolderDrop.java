package org.ganbench.ui.shell;

import java.io.File;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;

/**
 * Folders dropped onto the window: run folders open in the monitor (several go to the comparison), other folders
 * have their faces cropped into datasets ({@link DroppedFolders} sorts them).
 */
final class FolderDrop {
    private final MainWindow window;

    FolderDrop(MainWindow window) {
        this.window = window;
    }

    void install(Scene scene) {
        scene.setOnDragOver(this::dragOver);
        scene.setOnDragDropped(this::dragDropped);
    }

    private void dragOver(DragEvent e) {
        if (e.getDragboard().hasFiles() && e.getDragboard().getFiles().stream().anyMatch(File::isDirectory)) {
            e.acceptTransferModes(TransferMode.COPY);
        }
        e.consume();
    }

    private void dragDropped(DragEvent e) {
        boolean ok = e.getDragboard().hasFiles() && open(e.getDragboard().getFiles());
        e.setDropCompleted(ok);
        e.consume();
    }

    /** Opens dropped (or chosen) folders where they belong; returns whether anything was accepted. */
    boolean open(List<File> files) {
        DroppedFolders dropped = DroppedFolders.sort(files);
        if (dropped.isOneRunToMonitor()) {
            window.views().monitor().open(dropped.runs().get(0));
            window.show(MainWindow.View.TRAINING);
        } else if (!dropped.runs().isEmpty()) {
            dropped.runs().forEach(window.views().compare()::add);
            window.show(MainWindow.View.COMPARE);
        }
        if (!dropped.imports().isEmpty()) {
            window.settings().rememberImportFolder(dropped.imports().get(0));
            window.show(MainWindow.View.DATASETS);
            return window.views().datasets().jobs().crop(dropped.imports());
        }
        return dropped.any();
    }
}
