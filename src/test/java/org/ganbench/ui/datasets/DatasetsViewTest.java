package org.ganbench.ui.datasets;

import static org.ganbench.ui.WindowTestSupport.await;
import static org.ganbench.ui.WindowTestSupport.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.ganbench.TestImages;
import org.ganbench.SharedData;
import org.ganbench.dataset.DatasetFolder;
import org.ganbench.dataset.ManifestRow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.ganbench.ui.WindowTestSupport;

@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class DatasetsViewTest {
    static final int FACES = 12;

    @TempDir
    static Path tmp;
    WindowTestSupport app;
    Path dataset;
    Path sources;

    @Start
    void start(Stage stage) throws IOException {
        Path ws = Files.createTempDirectory(tmp, "ws");
        sources = ws.resolve("illustrations");
        dataset = ws.resolve("datasets/demo");
        StringBuilder manifest = new StringBuilder(String.join(",", DatasetFolder.MANIFEST_HEADER) + "\n");
        for (int i = 1; i <= FACES; i++) {
            String face = String.format("%06d.png", i);
            TestImages.writeFace(dataset.resolve("faces").resolve(face), 64, 64, i == 5 ? 4 : i);
            TestImages.writeFace(sources.resolve("src" + (i + 1) / 2 + ".png"), 120, 90, i);
            manifest.append(face).append(",src").append((i + 1) / 2).append(".png,0,0,120,90,15,0,90,90,x,,")
                    .append(i == 5 ? "000004.png" : "").append('\n');
        }
        Files.writeString(dataset.resolve("manifest.csv"), manifest);
        Files.writeString(dataset.resolve("report.json"), "{\"input\": \"" + sources.toString().replace("\\", "\\\\")
                + "\"}");
        app = new WindowTestSupport(ws);
        app.start(stage);
    }

    @BeforeEach
    void openDemo(FxRobot robot) {
        await("dataset listed", () -> !robot.lookup("#dataset-list").queryAs(ListView.class).getItems().isEmpty());
        fx(() -> robot.lookup("#dataset-list").queryAs(ListView.class).getSelectionModel().select(0));
        await("gallery shows the faces with thumbnails", () -> app.window.views().datasets().faces().size() == FACES
                && loadedThumbnails(robot) == FACES);
    }

    /** The gallery cell showing face {@code index} (cells are recycled, so look it up by index). */
    private Node cell(FxRobot robot, int index) {
        // Only cells in this test's window that are laid out now: the gallery recycles cells, and earlier tests'
        // windows still hold theirs.
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        return robot.from(app.window.scene().getRoot()).lookup(".face-cell").queryAll().stream()
                .filter(n -> n.isVisible() && n.getScene() == app.window.scene()
                        && ((org.controlsfx.control.GridCell<?>) n).getIndex() == index)
                .findFirst().orElseThrow();
    }

    private static long loadedThumbnails(FxRobot robot) {
        return robot.lookup(".face-cell").queryAll().stream()
                .filter(n -> ((javafx.scene.control.Labeled) n).getGraphic() instanceof ImageView v
                        && v.getImage() != null && v.getImage().getProgress() == 1).count();
    }

    @Test
    void galleryStatisticsAndDuplicates(FxRobot robot) throws IOException {
        String counts = robot.lookup("#stats-counts").queryAs(Label.class).getText();
        assertTrue(counts.contains("12 faces"), counts);
        assertTrue(counts.contains("1 near-duplicates"), counts);
        assertTrue(counts.contains("6 source images"), counts);
        assertEquals(FACES, robot.lookup("#stats-sample").queryParent().getChildrenUnmodifiable().size());
        assertEquals(1, robot.lookup("#duplicates").queryAs(ListView.class).getItems().size());
        assertTrue(robot.lookup("#duplicate-legend").query().isVisible(), "a duplicate shown: its mark explained");
        WindowTestSupport.screenshot(robot.lookup("#views").query().getScene(), "datasets");
    }

    @Test
    void rejectSeveralAndUndo(FxRobot robot) {
        robot.clickOn(cell(robot, 0));
        robot.press(KeyCode.CONTROL).clickOn(cell(robot, 2)).release(KeyCode.CONTROL);
        assertEquals(Set.of("000001.png", "000003.png"), fx(() -> Set.copyOf(app.window.views().datasets().selection())));

        robot.clickOn("#reject");
        await("two faces gone from the gallery", () -> app.window.views().datasets().faces().size() == FACES - 2);
        assertFalse(Files.exists(dataset.resolve("faces/000001.png")));
        assertTrue(Files.exists(dataset.resolve("rejected/000001.png")));
        assertTrue(Files.exists(dataset.resolve("rejected/000003.png")));
        await("statistics count the rejected", () -> robot.lookup("#stats-counts").queryAs(Label.class).getText()
                .contains("2 rejected"));

        robot.clickOn("#undo-reject");
        await("faces back in the gallery", () -> app.window.views().datasets().faces().size() == FACES);
        assertTrue(Files.exists(dataset.resolve("faces/000001.png")));
        assertFalse(Files.exists(dataset.resolve("rejected/000003.png")));
    }

    @Test
    void keyboardRejectAndUndo(FxRobot robot) {
        robot.clickOn(cell(robot, 0));
        robot.type(KeyCode.DELETE);
        await("face rejected with Delete", () -> app.window.views().datasets().faces().size() == FACES - 1);
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        await("undone with Ctrl+Z", () -> app.window.views().datasets().faces().size() == FACES);
    }

    @Test
    void deleteDoesNothingWhileTheGalleryIsNotInView(FxRobot robot) {
        robot.clickOn(cell(robot, 0));
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT2).release(KeyCode.CONTROL);
        assertEquals(1, (int) fx(() -> robot.lookup("#views").queryAs(javafx.scene.control.TabPane.class)
                .getSelectionModel().getSelectedIndex()), "Ctrl+2 shows Training");
        robot.type(KeyCode.DELETE);
        WindowTestSupport.fx(() -> { });
        assertTrue(Files.exists(dataset.resolve("faces/000001.png")));
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT1).release(KeyCode.CONTROL);
        robot.type(KeyCode.DELETE);
        await("rejected once the gallery is back", () -> !Files.exists(dataset.resolve("faces/000001.png")));
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        await("and back", () -> Files.exists(dataset.resolve("faces/000001.png")));
    }

    @Test
    void cancellingAnImportKeepsAConsistentPartOfTheDataset(FxRobot robot) throws IOException {
        Path folder = app.workspace.resolve("many");
        // Enough faces that the import is still running when the Cancel click lands (400 finished first once the
        // import decoded ahead and synced in batches).
        int sources = 2000;
        for (int i = 0; i < sources; i++) {
            TestImages.writeFace(folder.resolve("f" + i + ".png"), 200, 200, i);
        }
        assertTrue(fx(() -> app.window.views().datasets().jobs().importFaces(List.of(folder))));
        await("progress shown", () -> robot.lookup("#import").query().isVisible()
                && robot.lookup("#import .progress-bar").queryAs(javafx.scene.control.ProgressBar.class)
                .getProgress() > 0);
        // The message and the bar are updated separately: wait for the job's message with faces/s.
        await("faces/s shown", () -> ((Label) ((javafx.scene.Parent) robot.lookup("#import").query())
                .getChildrenUnmodifiable().get(1)).getText().contains("faces/s"));
        robot.clickOn("#import-cancel");
        await("import stopped", () -> !app.window.views().datasets().jobs().pane().isRunning());
        DatasetFolder kept = new DatasetFolder(app.workspace.resolve("datasets/many"));
        List<ManifestRow> rows = kept.readManifest();
        assertTrue(rows.size() < sources, rows.size() + " faces kept");
        for (ManifestRow row : rows) {
            assertTrue(Files.isRegularFile(kept.faces().resolve(row.face())), row.face());
        }
        assertEquals(sources, Files.list(folder).count(), "sources untouched");
    }

    @Test
    void opensTheSourceImageOfAFace(FxRobot robot) {
        robot.clickOn(cell(robot, 3));
        robot.clickOn("#open-source");
        assertEquals(List.of(sources.resolve("src2.png")), app.openedFiles);
    }

    @Test
    void droppedFolderOfIllustrationsIsCroppedAndShown(FxRobot robot) throws Exception {
        Path folder = Files.createDirectories(app.workspace.resolve("more illustrations"));
        Files.createSymbolicLink(folder.resolve("f0.jpg"),
                SharedData.path("illustrations/jonathonyan_detect_01.jpg").toAbsolutePath());
        Files.createSymbolicLink(folder.resolve("f1.jpg"),
                SharedData.path("illustrations/jonathonyan_sample1.jpg").toAbsolutePath());
        assertTrue(fx(() -> app.window.openDropped(List.of(folder.toFile(), folder.resolve("f0.jpg").toFile()))));
        await("cropped dataset opened in the gallery", () -> app.window.views().datasets().faces().size() == 6);
        assertTrue(Files.exists(app.workspace.resolve("datasets/more illustrations/manifest.csv")));
        WindowTestSupport.screenshot(app.window.scene(), "datasets-cropped");
        await("progress pane hidden when done", () -> !app.window.views().datasets().jobs().pane().isRunning()
                && !app.window.views().datasets().jobs().pane().isVisible());
        assertFalse(fx(() -> app.window.openDropped(List.of(folder.resolve("f1.jpg").toFile()))),
                "plain files are not accepted");
    }

    @Test
    void detectionPreviewDrawsDetectorAndCropBoxesAndFollowsTheSettings(FxRobot robot) throws Exception {
        fx(() -> robot.lookup("#dataset-side").queryAs(javafx.scene.control.TabPane.class).getSelectionModel()
                .select(2));
        DetectionPreview preview = app.window.views().datasets().preview();
        fx(() -> preview.show(SharedData.path("illustrations/jonathonyan_detect_01.jpg")));
        await("four faces detected", () -> preview.detected().size() == 4);
        List<org.ganbench.dataset.FaceBox> wide = fx(preview::cropBoxes);
        assertEquals(4, wide.size());
        fx(() -> app.window.views().datasets().jobs().margin().set(0));
        List<org.ganbench.dataset.FaceBox> tight = fx(preview::cropBoxes);
        assertTrue(tight.get(0).w() < wide.get(0).w(), "margin 0 crops closer: " + tight + " vs " + wide);
        int smallest = preview.detected().stream().mapToInt(b -> Math.min(b.w(), b.h())).min().orElseThrow();
        fx(() -> app.window.views().datasets().jobs().minFace().set(smallest + 1));
        assertEquals(3, (int) fx(() -> preview.cropBoxes().size()), "the smallest face is skipped");
        String summary = fx(() -> robot.lookup("#preview-summary").queryAs(Label.class).getText());
        assertTrue(summary.contains("4 faces found, 3 kept"), summary);
        WindowTestSupport.screenshot(app.window.scene(), "datasets-preview");
    }

    @Test
    void theSyntheticDemoSetIsOneClickAwayWithProgressAndIsSelectedWhenWritten(FxRobot robot) throws Exception {
        List<Double> progress = new java.util.concurrent.CopyOnWriteArrayList<>();
        fx(() -> robot.lookup("#import .progress-bar").queryAs(javafx.scene.control.ProgressBar.class)
                .progressProperty().addListener((o, old, now) -> progress.add(now.doubleValue())));
        assertTrue(fx(() -> app.window.views().datasets().jobs().demo(600)));
        assertFalse(fx(() -> app.window.views().datasets().jobs().demo(600)), "one dataset job at a time");
        // datasets/demo is taken (this test's own dataset): the demo set goes to demo-2
        await("demo set written and selected", () -> !app.window.views().datasets().jobs().pane().isRunning()
                && "demo-2".equals(String.valueOf(robot.lookup("#dataset-list").queryAs(ListView.class)
                        .getSelectionModel().getSelectedItem()).replaceAll(".*/", ""))
                && app.window.views().datasets().faces().size() == 600);
        assertTrue(progress.stream().anyMatch(p -> p > 0 && p < 1), "progress shown while writing: " + progress);
        assertTrue(org.ganbench.eval.SyntheticDataset.hasModes(dataset.resolveSibling("demo-2")));
        assertEquals(FACES, new DatasetFolder(dataset).readManifest().size());
    }
}
