package org.ganbench.ui.training;

import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.ganbench.ui.common.CurveChart;
import org.ganbench.ui.common.FolderJobPane;

/**
 * The monitor's layout: toolbar (open, timelapse, run name, activity, speed), the warning banner, the sample grid
 * with its slider, and the charts (losses; DRAGAN's penalty on a chart of its own, since at about 10 it would
 * flatten D's 1.39 and G's 0.69; D's outputs; G's gradient norm).
 */
final class MonitorView {
    final CurveChart lossChart = new CurveChart("Losses", "loss");
    final CurveChart penaltyChart = new CurveChart("Gradient penalty (DRAGAN)", "penalty");
    final CurveChart healthChart = new CurveChart("Discriminator outputs", "probability");
    final CurveChart gradChart = new CurveChart("Generator gradient", "L2 norm");
    final ImageView grid = new ImageView();
    final Slider slider = new Slider(0, 0, 0);
    final Label stepLabel = new Label("no samples yet");
    final Label runLabel;
    final Label activity = new Label();
    final Label speed = new Label();
    final Label warning = new Label();
    final Button open = new Button("Open run…");
    final Button timelapse = new Button("Timelapse…");
    final FolderJobPane<Path> exportPane;
    final BorderPane root = new BorderPane();

    MonitorView(Label runLabel, FolderJobPane<Path> exportPane) {
        this.runLabel = runLabel;
        this.exportPane = exportPane;
        lossChart.node().setId("loss-chart");
        penaltyChart.node().setId("penalty-chart");
        healthChart.node().setId("health-chart");
        gradChart.node().setId("grad-chart");
        penaltyChart.startAxisAtZero();
        healthChart.startAxisAtZero();
        gradChart.startAxisAtZero();
        penaltyChart.node().managedProperty().bind(penaltyChart.node().visibleProperty());

        grid.setId("sample-grid");
        grid.setPreserveRatio(true);
        grid.setSmooth(false);
        grid.setFitWidth(5 * 64 * 1.5);
        slider.setId("sample-slider");
        slider.setBlockIncrement(1);
        slider.setMajorTickUnit(1);
        slider.setMinorTickCount(0);
        slider.setSnapToTicks(true);
        stepLabel.setId("sample-step");
        VBox left = new VBox(8, grid, slider, stepLabel);
        left.setPadding(new Insets(8));
        left.setAlignment(Pos.TOP_CENTER);
        left.setMinWidth(280);

        VBox charts = new VBox(4, lossChart.node(), penaltyChart.node(), healthChart.node(), gradChart.node());
        for (Node c : charts.getChildren()) {
            VBox.setVgrow(c, Priority.ALWAYS);
        }
        // Fills the height it has, and scrolls rather than cuts off the last chart where four do not fit.
        ScrollPane chartsPane = new ScrollPane(charts);
        chartsPane.setFitToWidth(true);
        chartsPane.setFitToHeight(true);
        chartsPane.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        chartsPane.setId("monitor-charts");
        SplitPane split = new SplitPane(new ScrollPane(left), chartsPane);
        split.setDividerPositions(0.4);

        open.setId("open-run");
        runLabel.setId("run-name");
        activity.setId("run-activity");
        activity.getStyleClass().add("run-activity");
        speed.setId("run-speed");
        HBox spacer = new HBox();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        warning.setId("separation-warning");
        warning.getStyleClass().addAll("warning-banner", "separation");
        warning.setWrapText(true);
        warning.setMaxWidth(Double.MAX_VALUE);
        warning.setVisible(false);
        warning.managedProperty().bind(warning.visibleProperty());
        timelapse.setId("export-timelapse");
        timelapse.setTooltip(new Tooltip("The run's grids as MP4 or GIF (Ctrl+T)"));
        root.setTop(new VBox(new ToolBar(open, timelapse, runLabel, activity, spacer, speed), warning));
        root.setCenter(split);
        root.setBottom(exportPane);
    }
}
