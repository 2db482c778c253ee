package org.ganbench.ui.datasets;

import static org.ganbench.ui.WindowTestSupport.await;
import static org.ganbench.ui.WindowTestSupport.fx;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.ganbench.TestImages;
import org.ganbench.dataset.DatasetFolder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.ganbench.ui.WindowTestSupport;

/** The gallery with 50,000 faces: it stays virtualised and scrolls without long frames. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class GalleryScaleTest {
    static final int FACES = 50_000;

    @TempDir
    static Path tmp;
    WindowTestSupport app;

    @Start
    void start(Stage stage) throws IOException {
        Path ws = Files.createTempDirectory(tmp, "ws");
        Path faces = Files.createDirectories(ws.resolve("datasets/big/faces"));
        // Hard links of a few real PNGs: 50,000 distinct face files in about a second, no 50,000 encodes.
        Path[] originals = new Path[8];
        for (int i = 0; i < originals.length; i++) {
            originals[i] = ws.resolve("face" + i + ".png");
            TestImages.writeFace(originals[i], 64, 64, i);
        }
        StringBuilder manifest = new StringBuilder(String.join(",", DatasetFolder.MANIFEST_HEADER)).append('\n');
        for (int i = 0; i < FACES; i++) {
            String name = String.format("%06d.png", i);
            Files.createLink(faces.resolve(name), originals[i % originals.length]);
            manifest.append(name).append(",src.png,0,0,64,64,0,0,64,64,,,\n");
        }
        Files.writeString(ws.resolve("datasets/big/manifest.csv"), manifest);
        app = new WindowTestSupport(ws);
        app.start(stage);
    }

    @Test
    void fiftyThousandFacesScrollVirtualised(FxRobot robot) {
        await("dataset listed", () -> !robot.lookup("#dataset-list").queryAs(ListView.class).getItems().isEmpty());
        long t0 = System.nanoTime();
        fx(() -> robot.lookup("#dataset-list").queryAs(ListView.class).getSelectionModel().select(0));
        await("all faces in the gallery", () -> app.window.views().datasets().faces().size() == FACES);
        System.out.printf("50,000 faces: listed in the gallery after %.0f ms%n", (System.nanoTime() - t0) / 1e6);

        VirtualFlow<?> flow = fx(() -> (VirtualFlow<?>) robot.lookup("#gallery .virtual-flow").query());
        int frames = 200;
        double worst = 0;
        double total = 0;
        for (int k = 0; k <= frames; k++) {
            double position = (double) k / frames;
            double ms = fx(() -> {
                long s = System.nanoTime();
                flow.setPosition(position);
                flow.layout();
                return (System.nanoTime() - s) / 1e6;
            });
            worst = Math.max(worst, ms);
            total += ms;
        }
        int cells = fx(() -> robot.lookup(".face-cell").queryAll().size());
        System.out.printf("scrolling top to bottom in %d steps: mean %.2f ms, worst %.2f ms of layout per frame; "
                + "%d cell nodes%n", frames, total / (frames + 1), worst, cells);
        assertTrue(cells < 1000, "virtualised: " + cells + " cell nodes for 50,000 faces");
        await("thumbnails at the end of the gallery loaded", () -> robot.lookup(".face-cell").queryAll().stream()
                .filter(n -> ((IndexedCell<?>) n).getIndex() >= FACES - 10)
                .anyMatch(n -> ((IndexedCell<?>) n).getGraphic() instanceof ImageView v && v.getImage() != null
                        && v.getImage().getProgress() == 1));
    }
}
