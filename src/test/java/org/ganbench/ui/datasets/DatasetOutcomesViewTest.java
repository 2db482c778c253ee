package org.ganbench.ui.datasets;

import static org.ganbench.ui.WindowTestSupport.await;
import static org.ganbench.ui.WindowTestSupport.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.ganbench.SharedData;
import org.ganbench.TestImages;
import org.ganbench.dataset.DatasetFolder;
import org.ganbench.ui.WindowTestSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Every outcome said, in a fresh empty workspace with no cascade installed (a first start offline): what to do in an
 * empty workspace, the cascade asked for before the crop, which then goes on, the crop's summary, a folder without
 * faces, the margin field, and a dataset made elsewhere showing up by itself.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class DatasetOutcomesViewTest {
    @TempDir
    static Path tmp;
    WindowTestSupport app;

    @Start
    void start(Stage stage) throws Exception {
        app = new WindowTestSupport(Files.createTempDirectory(tmp, "ws"), null);
        app.start(stage);
    }

    private static String text(FxRobot robot, String id) {
        return fx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    private Path illustrations(String name) throws Exception {
        Path folder = Files.createDirectories(app.workspace.resolve(name));
        Files.createSymbolicLink(folder.resolve("f0.jpg"),
                SharedData.path("illustrations/jonathonyan_detect_01.jpg").toAbsolutePath());
        Files.createSymbolicLink(folder.resolve("f1.jpg"),
                SharedData.path("illustrations/jonathonyan_sample1.jpg").toAbsolutePath());
        Files.writeString(folder.resolve("broken.png"), "not an image");
        return folder;
    }

    @Test
    void theMissingCascadeIsAskedForAndTheCropGoesOnWithASummary(FxRobot robot) throws Exception {
        assertTrue(fx(() -> robot.lookup("#datasets-empty-hint").query().isVisible()));
        assertTrue(text(robot, "#datasets-empty-hint").contains("Crop faces from a folder of illustrations… (Ctrl+I)"));
        assertFalse(fx(() -> robot.lookup("#duplicate-legend").query().isVisible()), "no gallery, no legend");
        WindowTestSupport.screenshot(app.window.scene(), "datasets-empty-workspace");

        Path folder = illustrations("first illustrations");
        CascadeDialog dialog = app.window.views().datasets().jobs().cascadeDialog();
        Path fake = Files.writeString(tmp.resolve("lbpcascade_animeface.xml"), "<opencv_storage/>");
        List<Path> offered = new java.util.ArrayList<>(List.of(fake, SharedData.cascade()));
        fx(() -> dialog.chooseFileWith(owner -> offered.remove(0).toFile()));
        assertTrue(fx(() -> app.window.openDropped(List.of(folder.toFile()))));
        await("the cascade dialog asks", () -> robot.lookup("#missing-cascade").tryQuery().isPresent());
        assertFalse(Files.exists(app.workspace.resolve("datasets/first illustrations")), "nothing cropped yet");
        WindowTestSupport.screenshot(robot.lookup("#missing-cascade").query().getScene(), "cascade-dialog");

        robot.clickOn("#cascade-choose");
        await("a wrong file is refused in the dialog", () -> robot.lookup("#cascade-problem").queryAs(Label.class)
                .getText().contains("not the genuine"));
        robot.clickOn("#cascade-choose");
        await("the genuine file is taken and the crop goes on", () -> robot.lookup("#summary-headline").tryQuery()
                .map(n -> n.isVisible() && ((Label) n).getText().startsWith("Cropped 6 faces")).orElse(false));
        assertTrue(Files.isRegularFile(app.workspace.resolve("cache/lbpcascade_animeface.xml")), "kept in the cache");
        String details = text(robot, "#summary-details");
        assertTrue(details.contains("0 images without a face"), details);
        assertTrue(details.contains("1 file failed"), details);
        assertTrue(text(robot, "#summary-headline").endsWith(", 1 file failed"), text(robot, "#summary-headline"));
        assertEquals(Color.web("#f0c36d"), fx(() -> robot.lookup("#import-summary").queryAs(Region.class)
                .getBackground().getFills().get(0).getFill()), "a summary with a failed file is a warning, not done");
        assertEquals(1, (int) fx(() -> robot.lookup("#summary-failures").queryAs(ListView.class).getItems().size()));
        assertTrue(String.valueOf(fx(() -> robot.lookup("#summary-failures").queryAs(ListView.class).getItems()
                .get(0))).startsWith("broken.png: "));
        await("the gallery shows the new dataset", () -> app.window.views().datasets().faces().size() == 6);
        assertFalse(fx(() -> robot.lookup("#datasets-empty-hint").query().isVisible()));
        WindowTestSupport.screenshot(app.window.scene(), "datasets-crop-summary");

        robot.clickOn("#summary-open-report");
        assertEquals(List.of(app.workspace.resolve("datasets/first illustrations/report.json")), app.openedFiles);
    }

    @Test
    void aFolderWithoutFacesIsSaidAndLeavesNoEmptyDataset(FxRobot robot) throws Exception {
        fx(() -> app.window.views().datasets().jobs().cascadeDialog().chooseFileWith(owner -> SharedData.cascade().toFile()));
        fx(() -> app.window.views().datasets().jobs().ensureCascade(() -> { }));
        robot.clickOn("#cascade-choose");
        Path folder = app.workspace.resolve("landscapes");
        TestImages.writeFace(folder.resolve("a.png"), 200, 150, 1);
        TestImages.writeFace(folder.resolve("b.png"), 160, 160, 2);
        await("cascade installed", () -> robot.lookup("#missing-cascade").tryQuery().isEmpty());
        assertTrue(fx(() -> app.window.views().datasets().jobs().crop(List.of(folder))));
        await("told that no face was found", () -> robot.lookup("#summary-headline").tryQuery()
                .map(n -> n.isVisible() && ((Label) n).getText().equals(
                        "No face was found in the 2 images of “landscapes”")).orElse(false));
        assertTrue(text(robot, "#summary-details").startsWith("No dataset was made."));
        assertFalse(Files.exists(app.workspace.resolve("datasets/landscapes")), "no empty dataset left behind");
        assertTrue(fx(() -> robot.lookup("#status").queryAs(Label.class).getText()).startsWith("No face was found"));
        WindowTestSupport.screenshot(app.window.scene(), "datasets-no-faces");
    }

    @Test
    void theMarginFieldStepsByHundredthsAndIsTheNextCropsSetting(FxRobot robot) throws Exception {
        fx(() -> robot.lookup("#dataset-side").queryAs(TabPane.class).getSelectionModel().select(2));
        Spinner<?> field = robot.lookup("#preview-margin-field").queryAs(Spinner.class);
        assertEquals(0.25, app.window.views().datasets().jobs().margin().get(), 1e-9);
        robot.clickOn(field.getEditor());
        robot.type(KeyCode.UP);
        assertEquals(0.26, fx(() -> app.window.views().datasets().jobs().margin().get()), 1e-9);
        robot.type(KeyCode.DOWN, 3);
        assertEquals(0.23, fx(() -> app.window.views().datasets().jobs().margin().get()), 1e-9);
        fx(() -> field.getEditor().setText("0.4"));
        robot.clickOn(field.getEditor()).type(KeyCode.ENTER);
        assertEquals(0.40, fx(() -> app.window.views().datasets().jobs().margin().get()), 1e-9);
        Node slider = robot.lookup("#preview-margin").query();
        robot.clickOn(slider);
        fx(() -> app.window.views().datasets().jobs().margin().set(0.5));
        robot.clickOn(slider.lookup(".thumb")).type(KeyCode.RIGHT);
        assertEquals(0.51, fx(() -> app.window.views().datasets().jobs().margin().get()), 1e-9, "the slider's keys too");
        assertEquals("0.51", fx(() -> field.getEditor().getText()));
        assertTrue(fx(() -> robot.lookup("#crop-settings").query().lookupAll(".label").stream()
                .anyMatch(n -> "Settings of the next crop:".equals(((Label) n).getText()))));
        WindowTestSupport.screenshot(app.window.scene(), "datasets-preview-margin");
    }

    @Test
    void aDatasetMadeElsewhereAppearsWithoutAClick(FxRobot robot) throws Exception {
        Path made = app.workspace.resolve("datasets/from-the-command-line");
        TestImages.writeFace(made.resolve("faces/000001.png"), 64, 64, 1);
        Files.writeString(made.resolve("manifest.csv"), String.join(",", DatasetFolder.MANIFEST_HEADER) + "\n"
                + "000001.png,a.png,0,0,64,64,0,0,64,64,x,,\n");
        await("listed by the file watcher", () -> robot.lookup("#dataset-list").queryAs(ListView.class).getItems()
                .contains(made));
        assertFalse(fx(() -> robot.lookup("#datasets-empty-hint").query().isVisible()));
        fx(() -> robot.lookup("#dataset-list").queryAs(ListView.class).getSelectionModel().select(made));
        assertEquals(made, fx(() -> app.window.model().selectedDataset().get()), "Training preselects it");
    }
}
