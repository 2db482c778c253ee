package org.ganbench.ui.datasets;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import org.ganbench.ui.common.ThumbnailCache;

/** A near-duplicate and the face it duplicates, side by side. */
final class DuplicatePairCell extends ListCell<Face[]> {
    private final ThumbnailCache thumbnails;
    private final ImageView left = new ImageView();
    private final ImageView right = new ImageView();
    private final Label caption = new Label();
    private final HBox box = new HBox(8, left, right, caption);

    DuplicatePairCell(ThumbnailCache thumbnails, int size) {
        this.thumbnails = thumbnails;
        for (ImageView v : List.of(left, right)) {
            v.setFitWidth(size);
            v.setFitHeight(size);
        }
    }

    @Override
    protected void updateItem(Face[] pair, boolean empty) {
        super.updateItem(pair, empty);
        if (empty || pair == null) {
            setGraphic(null);
            return;
        }
        left.setImage(null);
        right.setImage(null);
        thumbnails.request(pair[0].file(), () -> true, left::setImage);
        thumbnails.request(pair[1].file(), () -> true, right::setImage);
        caption.setText(pair[0].name() + "\nduplicates\n" + pair[1].name());
        setGraphic(box);
    }
}
