package org.ganbench.ui.datasets;

import java.nio.file.Path;
import java.util.List;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.GridView;
import org.ganbench.ui.common.FolderNameCell;
import org.ganbench.ui.common.FolderJobPane;
import org.ganbench.ui.common.ThumbnailCache;

/**
 * The Datasets view's layout and nothing else: the list of datasets, the gallery with its tools, status and legend,
 * the side panel (statistics, duplicates, detection preview), the summary of the last job and the job's progress.
 */
final class DatasetsView {
    static final String EMPTY_WORKSPACE = """
            This workspace has no datasets yet. To make one:
              •  drop a folder of illustrations onto the window (their faces are cropped),
              •  or File > Crop faces from a folder of illustrations… (Ctrl+I),
              •  or File > Import already-cropped faces… (Ctrl+Shift+I),
              •  or make the demo set: File > Make demo dataset (Ctrl+Shift+D).""";

    final ListView<Path> datasetList = new ListView<>();
    final Button demo = new Button("Make demo dataset");
    final GridView<Face> gallery;
    final Label emptyHint = new Label(EMPTY_WORKSPACE);
    final Button reject = new Button("Reject");
    final Button undo = new Button("Undo");
    final Button openSource = new Button("Open source");
    final Label galleryStatus = new Label();
    final Label duplicateLegend = new Label("near-duplicate of an earlier face");
    final VBox stats = new VBox(6);
    final ListView<Face[]> duplicates = new ListView<>();
    final ImportSummaryPane summary = new ImportSummaryPane();
    final BorderPane root = new BorderPane();

    DatasetsView(ObservableList<Face> faces, int thumb, FolderJobPane<?> jobPane, Node preview) {
        datasetList.setId("dataset-list");
        datasetList.setCellFactory(v -> new FolderNameCell());
        datasetList.setPlaceholder(new Label("No datasets yet."));
        demo.setId("make-demo");
        demo.setMaxWidth(Double.MAX_VALUE);
        BorderPane datasetsPane = new BorderPane(datasetList);
        datasetsPane.setBottom(demo);

        gallery = new GridView<>(faces);
        gallery.setId("gallery");
        gallery.setCellWidth(thumb + 8);
        gallery.setCellHeight(thumb + 8);
        gallery.setHorizontalCellSpacing(2);
        gallery.setVerticalCellSpacing(2);
        emptyHint.setId("datasets-empty-hint");
        emptyHint.getStyleClass().add("empty-hint");
        emptyHint.setWrapText(true);
        StackPane galleryArea = new StackPane(gallery, emptyHint);
        StackPane.setAlignment(emptyHint, Pos.TOP_LEFT);

        reject.setId("reject");
        reject.setTooltip(new Tooltip("Move the selected faces to rejected/ (Delete)"));
        undo.setId("undo-reject");
        undo.setTooltip(new Tooltip("Put the last rejected faces back (Ctrl+Z)"));
        openSource.setId("open-source");
        openSource.setTooltip(new Tooltip("Show the illustration the selected face was cut from (Ctrl+Enter)"));
        // The counts sit in their own line under the gallery, where a narrow window cannot push them away.
        galleryStatus.setId("gallery-status");
        galleryStatus.setMinWidth(Region.USE_PREF_SIZE);
        Region swatch = new Region();
        swatch.getStyleClass().add("duplicate-swatch");
        duplicateLegend.setGraphic(swatch);
        duplicateLegend.setId("duplicate-legend");
        duplicateLegend.managedProperty().bind(duplicateLegend.visibleProperty());
        HBox spacer = new HBox();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox statusBar = new HBox(8, galleryStatus, spacer, duplicateLegend);
        statusBar.getStyleClass().add("gallery-status-bar");
        statusBar.setAlignment(Pos.CENTER_LEFT);

        duplicates.setId("duplicates");
        duplicates.setPlaceholder(new Label("No near-duplicates in this dataset."));
        stats.setId("dataset-stats");
        stats.setPadding(new Insets(8));
        Tab previewTab = new Tab("Detection preview", preview);
        previewTab.setId("tab-preview");
        TabPane side = new TabPane(new Tab("Statistics", stats), new Tab("Duplicates", duplicates), previewTab);
        side.setId("dataset-side");
        side.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);

        BorderPane center = new BorderPane(galleryArea, new ToolBar(reject, undo, openSource), null, statusBar, null);
        SplitPane split = new SplitPane(datasetsPane, center, side);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.16, 0.70);
        SplitPane.setResizableWithParent(datasetsPane, false);
        root.setTop(summary);
        root.setCenter(split);
        root.setBottom(jobPane);
    }

    /**
     * The statistics of the open dataset ({@code name}, null: none) with a sample of its faces spread over the whole
     * set, and its near-duplicate pairs ({@code pairs}, null: unchanged).
     */
    void showContents(String name, DatasetContents c, List<Face[]> pairs, ThumbnailCache thumbnails) {
        if (pairs != null) {
            duplicates.getItems().setAll(pairs);
        }
        if (name == null) {
            stats.getChildren().clear();
            return;
        }
        int thumb = DatasetsController.THUMB;
        int duplicatePairs = duplicates.getItems().size();
        Label counts = new Label(String.format(
                "%,d faces\n%,d near-duplicates (%,d shown side by side)\n%,d rejected\n%,d source images",
                c.faces().size(), c.duplicates(), duplicatePairs, c.rejected(), c.sources()));
        counts.setId("stats-counts");
        TilePane sample = new TilePane(2, 2);
        sample.setId("stats-sample");
        sample.setPrefColumns(5);
        sample.setMaxWidth(5 * (thumb + 2));
        int n = c.faces().size();
        for (int k = 0; k < Math.min(25, n); k++) {
            // Evenly spread over the dataset, so the sample shows its range rather than its first source.
            Face f = c.faces().get((int) ((long) k * n / Math.min(25, n)));
            ImageView v = new ImageView();
            v.setFitWidth(thumb);
            v.setFitHeight(thumb);
            thumbnails.request(f.file(), () -> true, v::setImage);
            sample.getChildren().add(v);
        }
        Label title = new Label(name);
        title.getStyleClass().add("section-label");
        stats.getChildren().setAll(title, counts, new Label("Sample"), sample);
    }
}
