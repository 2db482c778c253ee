package org.ganbench.ui.compare;

import static org.ganbench.ui.WindowTestSupport.await;
import static org.ganbench.ui.WindowTestSupport.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.ganbench.train.Algorithm;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.ganbench.ui.RunFolders;
import org.ganbench.ui.TinyRuns;
import org.ganbench.ui.WindowTestSupport;
import org.ganbench.ui.shell.MainWindow;

@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class CompareViewTest {
    @TempDir
    static Path tmp;
    WindowTestSupport app;

    @Start
    void start(Stage stage) throws IOException {
        app = new WindowTestSupport(Files.createTempDirectory(tmp, "ws"));
        app.start(stage);
    }

    /** "run: caption under its grid", in the order the grids are laid out. */
    private static List<String> captions(FxRobot robot) {
        return fx(() -> robot.lookup("#compare-grids").queryAs(Parent.class).getChildrenUnmodifiable().stream()
                .map(n -> ((Label) ((Parent) n).getChildrenUnmodifiable().get(0)).getText() + ": "
                        + ((Label) ((Parent) n).getChildrenUnmodifiable().get(2)).getText()).toList());
    }

    @Test
    void twoRunsSideBySideWithSharedStepCurvesAndFigures(FxRobot robot) throws IOException {
        Path dragan = RunFolders.write(app.workspace.resolve("runs/dragan"), 400, 100, true);
        Path sngan = RunFolders.write(app.workspace.resolve("runs/sngan"), 400, 200, false);
        Files.createDirectories(dragan.resolve("eval"));
        Files.writeString(dragan.resolve("eval/eval.json"), "{\"checkpoint_step\": 400, \"swd\": {\"mean\": 0.0321},"
                + " \"ms_ssim\": {\"generated\": {\"mean\": 0.187}, \"real\": {\"mean\": 0.2}},"
                + " \"random_features\": {\"frechet_distance\": 12.5, \"kid\": 0.01, \"coverage\": 0.61},"
                + " \"memorisation\": {\"copied_fraction\": 0.01}}");

        assertTrue(fx(() -> app.window.openDropped(List.of(dragan.toFile(), sngan.toFile()))));
        await("both runs loaded", () -> app.window.views().compare().runs().size() == 2);
        assertEquals(2, (int) fx(() -> robot.lookup("#views").queryAs(TabPane.class).getSelectionModel()
                .getSelectedIndex()), "the Compare view is shown");
        await("both grids shown", () -> robot.lookup(".compare-grid").queryAll().stream()
                .allMatch(n -> ((ImageView) ((Parent) n).getChildrenUnmodifiable().get(1)).getImage() != null));
        assertEquals(List.of("dragan: step 400", "sngan: step 400"), captions(robot));

        // The shared slider runs over every step either run saved: 100, 200, 300, 400.
        Slider slider = robot.lookup("#compare-slider").queryAs(Slider.class);
        assertEquals(3.0, fx(slider::getMax));
        fx(() -> slider.setValue(0));
        assertEquals(List.of("dragan: step 100", "sngan: no grid yet"), captions(robot));
        fx(() -> slider.setValue(2));
        assertEquals(List.of("dragan: step 300", "sngan: step 200"), captions(robot), "each run shows its latest grid so far");

        @SuppressWarnings("unchecked")
        TableView<String> table = robot.lookup("#eval-table").queryAs(TableView.class);
        assertEquals(List.of("swd.mean", "ms_ssim.generated.mean", "random_features.frechet_distance",
                "random_features.coverage", "memorisation.copied_fraction"), fx(() -> List.copyOf(table.getItems())),
                "the five main figures first");
        assertEquals(List.of("SWD ↓", "MS-SSIM (diversity) ↓", "Fréchet distance ↓", "coverage ↑",
                "copied samples ↓ (0 unless it copies)"), fx(() -> table.getItems().stream()
                .map(k -> String.valueOf(table.getColumns().get(0).getCellData(k))).toList()), "readable names");
        assertEquals(3, (int) fx(() -> table.getColumns().size()), "figure, dragan, sngan");
        assertEquals("0.03210", fx(() -> table.getColumns().get(1).getCellData(0)));
        assertEquals("—", fx(() -> table.getColumns().get(2).getCellData(0)), "sngan not evaluated");
        assertEquals("dragan", fx(() -> ((Label) table.getColumns().get(1).getGraphic()).getText()));
        assertEquals(dragan.toString(), fx(() -> ((Label) table.getColumns().get(1).getGraphic()).getTooltip().getText()),
                "the full name in a tooltip");
        assertTrue(fx(() -> table.getColumns().get(1).getWidth()) >= 110, "wide enough for a run's name");
        assertTrue(fx(() -> table.getColumns().stream().mapToDouble(c -> c.getWidth()).sum() <= table.getWidth()),
                "both runs' columns in view, none behind the scrollbar");
        @SuppressWarnings("unchecked")
        TableView<String> details = robot.lookup("#eval-details").queryAs(TableView.class);
        assertEquals(List.of("checkpoint_step", "ms_ssim.real.mean", "random_features.kid"),
                fx(() -> List.copyOf(details.getItems())), "the rest behind the disclosure");
        assertEquals("KID ↓", fx(() -> details.getColumns().get(0).getCellData(2)));
        assertEquals(java.util.Map.of(dragan, 0, sngan, 1), fx(() -> app.window.views().compare().colours()),
                "each run's colour, the same in table, grids and curves");
        assertEquals(4, (int) fx(() -> app.window.views().compare().lossChart().curveCount()), "D and G of each run");
        assertTrue(fx(() -> app.window.views().compare().lossChart().drawnPoints(3)) > 100, "curves drawn");

        WindowTestSupport.screenshot(robot.lookup("#views").query().getScene(), "compare");
    }

    @Test
    void computeEvaluatesARunAgainstItsDatasetAndFillsTheTable(FxRobot robot) throws Exception {
        Path dataset = TinyRuns.dataset(app.workspace, "tiny", 12, 0);
        Path run = TinyRuns.train(dataset, app.workspace.resolve("runs/tiny-sngan"), Algorithm.SNGAN, 2);
        fx(() -> app.window.views().compare().evalSamples().getValueFactory().setValue(64));
        fx(() -> app.window.show(MainWindow.View.COMPARE));
        fx(() -> app.window.views().compare().add(run));
        await("run loaded", () -> app.window.views().compare().runs().size() == 1);
        @SuppressWarnings("unchecked")
        TableView<String> table = robot.lookup("#eval-table").queryAs(TableView.class);
        assertTrue(fx(() -> table.getItems().isEmpty()), "not evaluated yet");
        assertEquals("Compute", fx(() -> robot.lookup("#compute-tiny-sngan").queryButton().getText()));

        robot.clickOn("#compute-tiny-sngan");
        WindowTestSupport.screenshot(robot.lookup("#views").query().getScene(), "compare-computing");
        long t0 = System.nanoTime();
        await("figures shown", 180, () -> table.getItems().contains("swd.mean")
                && table.getItems().contains("memorisation.copied_fraction"));
        System.out.printf("evaluation of 64 images at nice 19 took %.1f s%n", (System.nanoTime() - t0) / 1e9);
        assertTrue(fx(() -> table.getItems().contains("ms_ssim.generated.mean")));
        assertTrue(Files.isRegularFile(run.resolve("eval/eval.json")), "the figures are in the run's files too");
        assertTrue(Files.readString(run.resolve("eval/eval.json")).contains(dataset.toAbsolutePath().toString()),
                "compared with the run's own dataset");
        assertTrue(fx(() -> String.valueOf(table.getColumns().get(1).getCellData("swd.mean"))).matches("[0-9.e+-]+"));
        await("button offers a recompute", () -> robot.lookup("#compute-tiny-sngan").tryQuery().isPresent()
                && robot.lookup("#compute-tiny-sngan").queryButton().getText().equals("Recompute"));
    }

    @Test
    void aFolderThatIsNoRunIsRefusedWithAMessage(FxRobot robot) throws IOException {
        Path empty = Files.createDirectories(app.workspace.resolve("runs/empty"));
        fx(() -> app.window.views().compare().add(empty));
        await("error dialog", () -> robot.listWindows().size() > 1);
        Node content = fx(() -> robot.listWindows().get(1).getScene().getRoot());
        assertTrue(fx(() -> robot.from(content).lookup(".content").queryLabeled().getText())
                .contains("is not a run folder"));
        assertEquals(0, (int) fx(() -> app.window.views().compare().runs().size()));
    }
}
