package org.ganbench.ui.inspect;

import static org.ganbench.ui.WindowTestSupport.await;
import static org.ganbench.ui.WindowTestSupport.fx;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.TilePane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.ganbench.TinyRun;
import org.ganbench.common.Images;
import org.ganbench.train.GeneratedImages;
import org.ganbench.inspect.LatentStrip;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.ganbench.ui.WindowTestSupport;
import org.ganbench.ui.shell.MainWindow;

/** The Inspect view on a tiny run the real engine trained: strips, walks, picking endpoints, saving, errors. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class InspectViewTest {
    private static final int GAP = GeneratedImages.GRID_GAP;
    @TempDir
    static Path workspace;
    WindowTestSupport app;

    @BeforeAll
    static void trainATinyRun() throws Exception {
        TinyRun.train(workspace.resolve("runs/tiny"));
    }

    @Start
    void start(Stage stage) {
        app = new WindowTestSupport(workspace);
        app.start(stage);
    }

    private InspectController inspect() {
        return app.window.views().inspect();
    }

    private static Image image(FxRobot robot, String id) {
        return fx(() -> robot.lookup(id).queryAs(ImageView.class).getImage());
    }

    @Test
    void aRunsStripsHaveTheirTileCountsAndTwoPickedFacesBecomeTheEndpoints(FxRobot robot) throws Exception {
        Path run = workspace.resolve("runs/tiny");
        fx(() -> {
            app.window.show(MainWindow.View.INSPECT);
            inspect().refreshRuns();
            inspect().open(run);
        });
        await("strips generated", () -> inspect().shown() != null && !inspect().isGenerating());
        // 5 rows of 8 interpolation steps; 5 rows of 9 walk steps; 25 samples to pick from
        Image strip = image(robot, "#inspect-strip");
        assertEquals(8 * 64 + 9 * GAP, strip.getWidth());
        assertEquals(5 * 64 + 6 * GAP, strip.getHeight());
        Image walk = image(robot, "#inspect-walk");
        assertEquals(9 * 64 + 10 * GAP, walk.getWidth());
        assertEquals(5 * 64 + 6 * GAP, walk.getHeight());
        assertEquals(25, (int) fx(() -> robot.lookup("#inspect-candidates").queryAs(TilePane.class)
                .getChildren().size()));
        assertEquals(4, inspect().shown().step(), "the newest checkpoint");
        WindowTestSupport.screenshot(app.window.scene(), "inspect");

        // Click sample 3, then sample 7: one strip from the one to the other.
        Node third = fx(() -> robot.lookup("#inspect-candidates").queryAs(TilePane.class).getChildren().get(3));
        Node seventh = fx(() -> robot.lookup("#inspect-candidates").queryAs(TilePane.class).getChildren().get(7));
        robot.clickOn(third);
        robot.clickOn(seventh);
        await("strip between the picked faces", () -> !inspect().isGenerating()
                && inspect().shown().interpolation().rows() == 1);
        StripGenerator.Result shown = inspect().shown();
        int bytes = 64 * 64 * 3;
        assertArrayEquals(java.util.Arrays.copyOfRange(shown.candidates(), 3 * bytes, 4 * bytes),
                shown.interpolation().pixels(0, 0));
        assertArrayEquals(java.util.Arrays.copyOfRange(shown.candidates(), 7 * bytes, 8 * bytes),
                shown.interpolation().pixels(0, 7));
        assertEquals(8 * 64 + 9 * GAP, image(robot, "#inspect-strip").getWidth());
        assertEquals(64 + 2 * GAP, image(robot, "#inspect-strip").getHeight());

        Path png = workspace.resolve("saved/strip.png");
        fx(() -> inspect().saveTo(true, png));
        await("strip saved", () -> Files.isRegularFile(png));
        assertArrayEquals(Images.toRgb(shown.interpolation().image()), Images.toRgb(ImageIO.read(png.toFile())));

        // Choosing an older checkpoint generates with its generator.
        fx(() -> robot.lookup("#inspect-checkpoint").queryComboBox().getSelectionModel().select(0));
        await("checkpoint 2 generated", () -> !inspect().isGenerating() && inspect().shown().step() == 2);
        assertEquals(LatentStrip.class, inspect().shown().walk().getClass());
    }

    @Test
    void aRunWithoutCheckpointsSaysSo(FxRobot robot) throws Exception {
        Path empty = Files.createDirectories(workspace.resolve("runs/no-checkpoint"));
        Files.copy(workspace.resolve("runs/tiny/config.json"), empty.resolve("config.json"));
        fx(() -> {
            app.window.show(MainWindow.View.INSPECT);
            inspect().open(empty);
        });
        await("error dialog", () -> robot.listWindows().size() > 1);
        Node content = fx(() -> robot.listWindows().get(1).getScene().getRoot());
        String message = fx(() -> robot.from(content).lookup(".content").queryLabeled().getText());
        assertTrue(message.contains("the run has no checkpoint yet"), message);
    }
}
