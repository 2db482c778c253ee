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
import org.ganbench.dataset.DatasetActions;
import org.ganbench.ui.shell.AppSettings;
import org.ganbench.ui.common.DesktopFiles;
import org.ganbench.ui.shell.MainWindow;

/** Opens the real main window over a temporary workspace, and small helpers for the window tests. */
public final class WindowTestSupport {
    public final Path workspace;
    public final List<Path> openedFiles = new ArrayList<>();
    public MainWindow window;

    /** The cascade the window's crop uses (null: none installed, as on a first start offline). */
    private final Path cascade;

    public WindowTestSupport(Path workspace) {
        this(workspace, SharedData.cascade());
    }

    public WindowTestSupport(Path workspace, Path cascade) {
        this.workspace = workspace;
        this.cascade = cascade;
    }

    /** Builds and shows the window on {@code stage} (call from a TestFX {@code @Start} method). */
    public void start(Stage stage) {
        Workspace ws = new Workspace(workspace);
        AppSettings settings = new AppSettings();
        settings.width = 1280;
        settings.height = 800;
        window = new MainWindow(stage, ws, settings, workspace.resolve("config/window.json"),
                new DatasetActions(ws.datasets(), new CascadeLocator(new UserDirs(workspace.resolve("config"),
                        workspace.resolve("cache")), workspace, null), cascade),
                new DesktopFiles(openedFiles::add, true));
        window.install();
        stage.show();
    }

    /** Runs {@code body} on the FX thread and returns its result. */
    public static <T> T fx(Callable<T> body) {
        return WaitForAsyncUtils.waitForAsyncFx(10_000, body);
    }

    public static void fx(Runnable body) {
        WaitForAsyncUtils.waitForAsyncFx(10_000, body);
    }

    /** Waits (up to 20 s) until {@code condition}, evaluated on the FX thread, holds. */
    public static void await(String what, Callable<Boolean> condition) {
        await(what, 20, condition);
    }

    /** Waits up to {@code seconds} (work at nice 19 on a shared machine is slow) until {@code condition} holds. */
    public static void await(String what, int seconds, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> fx(condition));
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting for: " + what, e);
        }
    }

    /** Writes a snapshot of the scene to {@code target/screenshots/<name>.png} for a person to look at. */
    public static Path screenshot(Scene scene, String name) throws IOException {
        WaitForAsyncUtils.waitForFxEvents();
        BufferedImage image = SwingFXUtils.fromFXImage(fx(() -> scene.snapshot(null)), null);
        Path file = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
