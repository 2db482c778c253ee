package org.ganbench.ui.inspect;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import javafx.css.PseudoClass;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import org.ganbench.train.GeneratedImages;

/**
 * Draws a generation into the Inspect view: the samples to pick from (the picks marked by the stylesheet's
 * {@code pick-from} and {@code pick-to}), the interpolation strip, the walk and what they are.
 */
final class StripDisplay {
    private static final PseudoClass PICK_FROM = PseudoClass.getPseudoClass("pick-from");
    private static final PseudoClass PICK_TO = PseudoClass.getPseudoClass("pick-to");

    private final InspectView view;
    private final InspectPicks picks;
    private final IntConsumer onPick;
    private StripGenerator.Result shown;

    /** {@code onPick} gets the index of a clicked sample. */
    StripDisplay(InspectView view, InspectPicks picks, IntConsumer onPick) {
        this.view = view;
        this.picks = picks;
        this.onPick = onPick;
        showPicks();
    }

    void show(StripGenerator.Result result) {
        shown = result;
        List<BufferedImage> faces = GeneratedImages.split(result.candidates(), StripGenerator.CANDIDATES,
                InspectView.TILE);
        List<Node> tiles = new ArrayList<>();
        for (int i = 0; i < faces.size(); i++) {
            Label box = new Label(null, new ImageView(SwingFXUtils.toFXImage(faces.get(i), null)));
            box.getStyleClass().add("inspect-candidate-box");
            int index = i;
            box.setOnMouseClicked(e -> onPick.accept(index));
            tiles.add(box);
        }
        view.candidates.getChildren().setAll(tiles);
        showPicks();
        view.interpolation.setImage(SwingFXUtils.toFXImage(result.interpolation().image(), null));
        view.walk.setImage(SwingFXUtils.toFXImage(result.walk().image(), null));
        view.status.setText(result.summary());
    }

    /** Marks the picked samples and says what the picks mean. */
    void showPicks() {
        List<Node> tiles = view.candidates.getChildren();
        for (int i = 0; i < tiles.size(); i++) {
            tiles.get(i).pseudoClassStateChanged(PICK_FROM, picks.order(i) == 0);
            tiles.get(i).pseudoClassStateChanged(PICK_TO, picks.order(i) == 1);
        }
        view.picked.setText(picks.describe());
    }

    /** The last generation shown, or null. */
    StripGenerator.Result shown() {
        return shown;
    }
}
