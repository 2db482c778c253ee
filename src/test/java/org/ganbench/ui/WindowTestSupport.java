package org.ganbench.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.ganbench.common.Workspace;
import org.ganbench.SharedData;
import org.ganbench.common.UserDirs;
import org.ganbench.dataset.CascadeLocator;
import org.testfx.util.WaitForAsyncUtils;

/** Opens the real main window over a temporary workspace, and small helpers for the window tests. */
final class WindowTestSupport {
    final Path workspace;
    final List<Path> openedFiles = new ArrayList<>();
    MainWindow window;

    WindowTestSupport(Path workspace) {
        this.workspace = workspace;
    }

    /** Builds and shows the window on {@code stage} (call from a TestFX {@code @Start} method). */
    void start(Stage stage) {
        Workspace ws = new Workspace(workspace);
        AppSettings settings = new AppSettings();
        settings.width = 1280;
        settings.height = 800;
        window = new MainWindow(stage, ws, settings, workspace.resolve("config/window.json"),
                new DatasetActions(ws.datasets(), new CascadeLocator(new UserDirs(workspace.resolve("config"),
                        workspace.resolve("cache")), workspace, null), SharedData.cascade()),
                openedFiles::add);
        window.install();
        stage.show();
    }

    /** Runs {@code body} on the FX thread and returns its result. */
    static <T> T fx(Callable<T> body) {
        return WaitForAsyncUtils.waitForAsyncFx(10_000, body);
    }

    static void fx(Runnable body) {
        WaitForAsyncUtils.waitForAsyncFx(10_000, body);
    }

    /** Waits (up to 20 s) until {@code condition}, evaluated on the FX thread, holds. */
    static void await(String what, Callable<Boolean> condition) {
        await(what, 20, condition);
    }

    /** Waits up to {@code seconds} (work at nice 19 on a shared machine is slow) until {@code condition} holds. */
    static void await(String what, int seconds, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> fx(condition));
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting for: " + what, e);
        }
    }

    /** Writes a snapshot of the scene to {@code target/screenshots/<name>.png} for a person to look at. */
    static Path screenshot(Scene scene, String name) throws IOException {
        WaitForAsyncUtils.waitForFxEvents();
        BufferedImage image = SwingFXUtils.fromFXImage(fx(() -> scene.snapshot(null)), null);
        Path file = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
