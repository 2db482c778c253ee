package org.ganbench.ui.inspect;

import java.nio.file.Path;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import org.ganbench.ui.common.FolderNameCell;

/** The Inspect view's layout: run and checkpoint, the form, the samples to pick from, the strip and the walk. */
final class InspectView {
    static final int TILE = 64;

    final ComboBox<Path> runBox = new ComboBox<>();
    final ComboBox<Long> checkpointBox = new ComboBox<>();
    final TextField seed = field("inspect-seed", "0", 6);
    final TextField rows = field("inspect-rows", "5", 3);
    final TextField steps = field("inspect-steps", "8", 3);
    final CheckBox slerp = new CheckBox("spherical (slerp)");
    final TextField walkSteps = field("inspect-walk-steps", "9", 3);
    final TextField stepSize = field("inspect-step-size", "0.25", 5);
    final TextField directionSeed = field("inspect-direction-seed", "0", 6);
    final CheckBox clamp = new CheckBox("clamp to [-1, 1]");
    final TilePane candidates = new TilePane(2, 2);
    final ImageView interpolation = stripView("inspect-strip");
    final ImageView walk = stripView("inspect-walk");
    final Label picked = new Label();
    final Label status = new Label("Choose a run (or open one from disk), then Generate (Ctrl+G).");
    final ProgressBar progress = new ProgressBar(0);
    final Button cancel = button("inspect-cancel", "Cancel");
    final Button open = button("inspect-open", "Open run…");
    final Button generate = button("inspect-generate", "Generate");
    final Button newSeeds = button("inspect-new-seeds", "New seeds");
    final Button saveStrip = button("inspect-save-strip", "Save strip…");
    final Button saveWalk = button("inspect-save-walk", "Save walk…");
    final Button clearPicks = button("inspect-clear-picks", "Clear picks");
    final BorderPane root = new BorderPane();

    InspectView() {
        runBox.setId("inspect-run");
        runBox.setPrefWidth(220);
        runBox.setCellFactory(v -> new FolderNameCell());
        runBox.setButtonCell(new FolderNameCell());
        checkpointBox.setId("inspect-checkpoint");
        checkpointBox.setCellFactory(v -> new StepCell());
        checkpointBox.setButtonCell(new StepCell());
        slerp.setId("inspect-slerp");
        slerp.setTooltip(new Tooltip("Linear (default) stays inside the noise cube [-1,1]^128 the generator was "
                + "trained on; slerp keeps the vectors' length but may leave the cube."));
        clamp.setId("inspect-clamp");
        clamp.setSelected(true);
        generate.setTooltip(new Tooltip("Generate the samples, strips and walks (Ctrl+G)"));
        newSeeds.setTooltip(new Tooltip("Other samples and another walk direction (Ctrl+R)"));

        candidates.setId("inspect-candidates");
        candidates.setPrefColumns(5);
        candidates.setMaxWidth(5 * (TILE + 2));
        picked.setId("inspect-picked");
        picked.setWrapText(true);
        picked.setMaxWidth(5 * (TILE + 2));
        Label hint = new Label("Samples of the seed: click two to interpolate between them");
        hint.setWrapText(true);
        hint.setMaxWidth(5 * (TILE + 2));
        VBox left = new VBox(6, hint, candidates, picked, clearPicks);
        left.setPadding(new Insets(8));
        left.setMaxWidth(5 * (TILE + 2) + 16);

        HBox stripControls = row(new Label("Interpolation:  rows"), rows, new Label("steps"), steps, slerp, saveStrip);
        HBox walkControls = row(new Label("Walk:  steps"), walkSteps, new Label("step size"), stepSize,
                new Label("direction seed"), directionSeed, clamp, saveWalk);
        VBox strips = new VBox(6, stripControls, interpolation, walkControls, walk);
        strips.setPadding(new Insets(8));

        progress.setId("inspect-progress");
        status.setId("inspect-status");
        for (Node n : new Node[] {progress, cancel}) {
            n.setVisible(false);
            n.managedProperty().bind(n.visibleProperty());
        }
        root.setTop(new ToolBar(new Label("run"), runBox, open, new Label("checkpoint"), checkpointBox,
                new Label("seed"), seed, generate, newSeeds));
        root.setLeft(new ScrollPane(left));
        root.setCenter(new ScrollPane(strips));
        root.setBottom(row(progress, cancel, status));
    }

    /** The form as typed, parsed; an IllegalArgumentException says which field is wrong. */
    InspectSettings settings() {
        return InspectSettings.parse(seed.getText(), rows.getText(), steps.getText(), slerp.isSelected(),
                walkSteps.getText(), stepSize.getText(), directionSeed.getText(), clamp.isSelected());
    }

    void busy(boolean busy) {
        progress.setProgress(-1);
        progress.setVisible(busy);
        cancel.setVisible(busy);
    }

    private static TextField field(String id, String value, int columns) {
        TextField f = new TextField(value);
        f.setId(id);
        f.setPrefColumnCount(columns);
        return f;
    }

    private static Button button(String id, String text) {
        Button b = new Button(text);
        b.setId(id);
        return b;
    }

    private static HBox row(Node... nodes) {
        HBox box = new HBox(6, nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(2, 8, 2, 8));
        return box;
    }

    private static ImageView stripView(String id) {
        ImageView v = new ImageView();
        v.setId(id);
        v.setSmooth(false);
        v.setPreserveRatio(true);
        return v;
    }

    private static final class StepCell extends ListCell<Long> {
        @Override
        protected void updateItem(Long item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : String.format(Locale.ROOT, "step %,d", item));
        }
    }
}
