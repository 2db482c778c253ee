package org.ganbench.ui.common;

import java.nio.file.Path;
import javafx.scene.control.ListCell;

/** A list or combo-box cell that shows a folder (dataset, run) by its name. */
public final class FolderNameCell extends ListCell<Path> {
    @Override
    protected void updateItem(Path item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty || item == null ? null : item.getFileName().toString());
    }
}
