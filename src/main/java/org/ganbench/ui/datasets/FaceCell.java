package org.ganbench.ui.datasets;

import java.nio.file.Path;
import java.util.function.Predicate;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseEvent;
import org.controlsfx.control.GridCell;
import org.ganbench.ui.common.ThumbnailCache;

/**
 * A face in the gallery: thumbnail loaded lazily, marked (by CSS pseudo-class) when selected or a near-duplicate,
 * click to select. No per-cell tooltip: creating one per recycled cell made scrolling 50,000 faces stutter.
 */
final class FaceCell extends GridCell<Face> {
    private static final PseudoClass SELECTED_FACE = PseudoClass.getPseudoClass("selected-face");
    private static final PseudoClass DUPLICATE_FACE = PseudoClass.getPseudoClass("duplicate-face");

    /** What a click on a cell does: select face {@code index}, toggled (Ctrl) or as a range (Shift). */
    @FunctionalInterface
    interface Click {
        void select(int index, boolean toggle, boolean range);
    }

    private final ThumbnailCache thumbnails;
    private final Predicate<Face> isSelected;
    private final ImageView view = new ImageView();
    private volatile Path wanted;

    FaceCell(ThumbnailCache thumbnails, int size, Predicate<Face> isSelected, Click click) {
        this.thumbnails = thumbnails;
        this.isSelected = isSelected;
        getStyleClass().add("face-cell");
        view.setFitWidth(size);
        view.setFitHeight(size);
        setGraphic(view);
        setPadding(new Insets(3));
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (getItem() != null) {
                click.select(getIndex(), e.isShortcutDown(), e.isShiftDown());
            }
        });
    }

    @Override
    protected void updateItem(Face item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            wanted = null;
            view.setImage(null);
        } else {
            Path file = item.file();
            wanted = file;
            view.setImage(thumbnails.cached(file));
            if (view.getImage() == null) {
                thumbnails.request(file, () -> file.equals(wanted), image -> {
                    if (file.equals(wanted)) {
                        view.setImage(image);
                    }
                });
            }
        }
        showSelection();
    }

    void showSelection() {
        Face item = getItem();
        pseudoClassStateChanged(SELECTED_FACE, item != null && isSelected.test(item));
        pseudoClassStateChanged(DUPLICATE_FACE, item != null && item.isDuplicate());
    }
}
