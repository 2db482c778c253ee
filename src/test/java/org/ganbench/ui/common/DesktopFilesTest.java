package org.ganbench.ui.common;

import static org.ganbench.ui.WindowTestSupport.await;
import static org.ganbench.ui.WindowTestSupport.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.ganbench.TestImages;
import org.ganbench.ui.WindowTestSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Files go to the desktop where it can open them; elsewhere (no xdg-open) into a window of our own that says so. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class DesktopFilesTest {
    @TempDir
    static Path tmp;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.show();
    }

    @Test
    void withoutADesktopOpenerTheImageIsShownInOurOwnWindowThatSaysWhy(FxRobot robot) throws Exception {
        Path image = tmp.resolve("source.png");
        TestImages.writeFace(image, 120, 90, 1);
        List<Path> handedToDesktop = new ArrayList<>();
        BackgroundTasks tasks = new BackgroundTasks(() -> stage);

        fx(() -> new DesktopFiles(handedToDesktop::add, true).open(image, stage, tasks));
        assertEquals(List.of(image), handedToDesktop);

        fx(() -> new DesktopFiles(handedToDesktop::add, false).open(image, stage, tasks));
        await("our own window", () -> robot.lookup("#own-window-note").tryQuery().isPresent());
        assertEquals(1, handedToDesktop.size(), "not handed to a desktop that cannot open it");
        String note = fx(() -> robot.lookup("#own-window-note").queryAs(Label.class).getText());
        assertTrue(note.contains("xdg-open is not installed"), note);
        assertTrue(fx(() -> tasks.status().get()).contains("shown in a window of GanBench's own"));

        Path report = Files.writeString(tmp.resolve("report.json"), "{\"faces_written\": 6}");
        fx(() -> new DesktopFiles(handedToDesktop::add, false).open(report, stage, tasks));
        await("the report as text", () -> robot.lookup(".text-area").tryQuery().isPresent());
        WindowTestSupport.screenshot(robot.lookup("#own-window-note").query().getScene(), "own-window-source-image");
    }
}
