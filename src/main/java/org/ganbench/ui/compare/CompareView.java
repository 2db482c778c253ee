package org.ganbench.ui.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToolBar;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.ganbench.ui.common.CurveChart;

/**
 * The Compare view's layout: the runs (each in its colour), their grids at the shared step, their losses (D solid,
 * G dashed, in the run's colour), the Compute rows, the five main figures with the rest behind a disclosure, and the
 * evaluation's pictures per run.
 */
final class CompareView {
    final ListView<RunData> runList = new ListView<>();
    final Button add = new Button("Add run…");
    final Button remove = new Button("Remove");
    final HBox grids = new HBox(12);
    final Slider stepSlider = new Slider(0, 0, 0);
    final Label stepLabel = new Label();
    final CurveChart lossChart = new CurveChart("Losses: D solid, G dashed", "smoothed loss");
    final FiguresTable summary = new FiguresTable("eval-table", "No evaluation figures (eval/eval.json) in these"
            + " runs yet: Compute them above.");
    final FiguresTable details = new FiguresTable("eval-details", "No other figures.");
    final TitledPane detailsPane = new TitledPane("All figures", details.node());
    final HBox pictures = new HBox(12);
    final TitledPane picturesPane = new TitledPane("Nearest training faces and closest generated pairs",
            new ScrollPane(pictures));
    final VBox computeRows = new VBox(4);
    final Spinner<Integer> evalSamples = new Spinner<>(64, 8192, 2048, 256);
    final BorderPane root = new BorderPane();

    CompareView(ToIntFunction<RunData> colour) {
        runList.setId("compare-runs");
        runList.setPrefWidth(200);
        runList.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(RunData item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.name());
                setGraphic(empty || item == null ? null : FiguresTable.swatch(colour.applyAsInt(item)));
            }
        });
        runList.setPlaceholder(new Label("Add 2 to 4 runs\n(Ctrl+Shift+O)"));
        add.setId("compare-add");
        remove.setId("compare-remove");
        remove.disableProperty().bind(runList.getSelectionModel().selectedItemProperty().isNull());

        grids.setId("compare-grids");
        grids.setPadding(new Insets(8));
        stepSlider.setId("compare-slider");
        stepSlider.setBlockIncrement(1);
        stepSlider.setMajorTickUnit(1);
        stepSlider.setMinorTickCount(0);
        stepSlider.setSnapToTicks(true);
        stepLabel.setId("compare-step");
        VBox top = new VBox(6, new ScrollPane(grids), stepSlider);
        top.setPadding(new Insets(4, 8, 4, 8));

        lossChart.node().setId("compare-chart");
        computeRows.setId("compute-rows");
        computeRows.setPadding(new Insets(4));
        evalSamples.setId("compute-n");
        evalSamples.setEditable(true);
        evalSamples.setPrefWidth(90);
        HBox samples = new HBox(6, new Label("images per evaluation:"), evalSamples);
        samples.setAlignment(Pos.CENTER_LEFT);
        detailsPane.setId("eval-details-pane");
        detailsPane.setExpanded(false);
        pictures.setId("eval-pictures");
        pictures.setPadding(new Insets(4));
        picturesPane.setId("eval-pictures-pane");
        picturesPane.setExpanded(false);
        summary.node().setPrefHeight(170);
        details.node().setPrefHeight(220);
        VBox table = new VBox(4, samples, computeRows, summary.node(), detailsPane, picturesPane);
        table.setPadding(new Insets(4));
        ScrollPane tableScroll = new ScrollPane(table);
        tableScroll.setFitToWidth(true);
        SplitPane bottom = new SplitPane(lossChart.node(), tableScroll);
        bottom.setDividerPositions(0.5);
        SplitPane center = new SplitPane(top, bottom);
        center.setOrientation(Orientation.VERTICAL);
        center.setDividerPositions(0.45);

        root.setTop(new ToolBar(add, remove, new Label("  shared step:"), stepLabel));
        root.setLeft(runList);
        root.setCenter(center);
    }

    /** The evaluation's pictures of each run that has them (nearest training faces, closest generated pairs). */
    void showPictures(List<RunData> runs, ToIntFunction<RunData> colour) {
        List<Node> panes = new ArrayList<>();
        for (RunData r : runs) {
            Optional<Path> nearest = r.nearestFacesPicture();
            Optional<Path> birthday = r.birthdayPicture();
            if (nearest.isPresent() || birthday.isPresent()) {
                VBox box = new VBox(4, new Label(r.name(), FiguresTable.swatch(colour.applyAsInt(r))));
                nearest.ifPresent(p -> box.getChildren().addAll(new Label("nearest training faces"), picture(p, 320)));
                birthday.ifPresent(p -> box.getChildren().addAll(new Label("closest generated pairs"), picture(p, 320)));
                panes.add(box);
            }
        }
        pictures.getChildren().setAll(panes);
        picturesPane.setDisable(panes.isEmpty());
    }

    /** A run's grid: its name in its colour, the picture (none: null), and the caption. */
    Node gridPane(RunData run, int colour, Path file, String caption) {
        Label name = new Label(run.name(), FiguresTable.swatch(colour));
        VBox box = new VBox(4, name, file == null ? new ImageView() : picture(file, 240), new Label(caption));
        box.getStyleClass().addAll("compare-grid", "run-colour-border-" + colour);
        box.setAlignment(Pos.TOP_CENTER);
        box.setMinWidth(240);
        return box;
    }

    private static ImageView picture(Path file, double width) {
        ImageView view = new ImageView(new Image(file.toUri().toString(), true));
        view.setPreserveRatio(true);
        view.setFitWidth(width);
        view.setSmooth(false);
        return view;
    }

    /** Puts {@code panel} under the list of runs (the experiment matrix). */
    void addSidePanel(Node panel) {
        runList.setPrefHeight(110);
        runList.setMinHeight(70);
        ScrollPane scroll = new ScrollPane(panel);
        scroll.setFitToWidth(true);
        VBox side = new VBox(6, runList, scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        side.setPrefWidth(340);
        root.setLeft(side);
    }
}
