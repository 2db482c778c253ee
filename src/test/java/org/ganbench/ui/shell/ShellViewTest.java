package org.ganbench.ui.shell;

import static org.ganbench.ui.WindowTestSupport.await;
import static org.ganbench.ui.WindowTestSupport.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.ganbench.TestImages;
import org.ganbench.common.AppLog;
import org.ganbench.common.Versions;
import org.ganbench.ui.WindowTestSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The shell: the title, File > Open workspace, Help > About and Keyboard shortcuts. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ShellViewTest {
    @TempDir
    static Path tmp;
    WindowTestSupport app;
    Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        app = new WindowTestSupport(Files.createTempDirectory(tmp, "ws"));
        app.start(stage);
    }

    @Test
    void theTitleNamesTheWorkspaceAndTheRunInView() {
        assertEquals("GanBench — " + app.workspace, fx(stage::getTitle));
        fx(() -> app.window.model().titleDetail().set("dragan-20261201-1204 (step 1,200)"));
        assertEquals("GanBench — " + app.workspace + " — dragan-20261201-1204 (step 1,200)", fx(stage::getTitle));
    }

    @Test
    void openWorkspaceSwitchesEveryListAndIsRefusedWhileTraining(FxRobot robot) throws Exception {
        Path other = tmp.resolve("other workspace");
        TestImages.writeFace(other.resolve("datasets/elsewhere/faces/000001.png"), 64, 64, 1);
        fx(() -> app.window.model().trainingActive().set(true));
        fx(app.window.workspaces()::choose);
        await("refused with the reason", () -> robot.lookup("#error-dialog").tryQuery().isPresent());
        assertTrue(fx(() -> robot.lookup("#status").queryLabeled().getText()).contains("stop it first"));
        fx(() -> robot.lookup("#error-dialog").query().getScene().getWindow().hide());
        fx(() -> app.window.model().trainingActive().set(false));

        fx(() -> app.window.workspaces().open(other));
        assertEquals(List.of(other.resolve("datasets/elsewhere")),
                fx(() -> List.copyOf(robot.lookup("#dataset-list").queryAs(ListView.class).getItems())));
        assertTrue(Files.isDirectory(other.resolve("runs")) && Files.isRegularFile(other.resolve("README.txt")));
        assertTrue(fx(stage::getTitle).endsWith(other.getFileName().toString()));
        // and the list follows the new workspace's folder, not the old one's
        TestImages.writeFace(other.resolve("datasets/later/faces/000001.png"), 64, 64, 2);
        await("the new workspace is watched", () -> robot.lookup("#dataset-list").queryAs(ListView.class).getItems()
                .contains(other.resolve("datasets/later")));
    }

    @Test
    void aFailedExportIsSaidThroughTheSharedErrorPath(FxRobot robot) {
        Path notARun = tmp.resolve("not a run");
        fx(() -> app.window.exports().exportGrid(new RunExportActions.Target(notARun, null), tmp.resolve("g.png")));
        await("the error dialog says it", () -> robot.lookup("#error-dialog").tryQuery().isPresent());
        String status = fx(() -> robot.lookup("#status").queryLabeled().getText());
        assertTrue(status.startsWith("Export grid: "), status);
        assertTrue(fx(() -> app.window.tasks().statusIsError()), "until the next task succeeds");
        fx(() -> robot.lookup("#error-dialog").query().getScene().getWindow().hide());
    }

    @Test
    void aboutSaysVersionsBackendAndWhereThingsAreAndTheShortcutsComeFromTheMenus(FxRobot robot) throws Exception {
        fx(() -> HelpDialogs.showAbout(stage, app.window.model().workspace().get(), app.workspace, app.window.tasks()));
        await("the backend named", 60, () -> robot.lookup("#about-text").tryQuery()
                .map(n -> ((TextArea) n).getText().contains("Compute: CPU")).orElse(false));
        String about = fx(() -> robot.lookup("#about-text").queryAs(TextArea.class).getText());
        assertTrue(about.contains("GanBench " + Versions.ganbench()), about);
        assertTrue(about.contains("Workspace: " + app.workspace), about);
        assertTrue(about.contains("Log: " + AppLog.file()), about);
        WindowTestSupport.screenshot(robot.lookup("#about").query().getScene(), "help-about");
        fx(() -> robot.lookup("#about").query().getScene().getWindow().hide());

        MenuBar menus = robot.lookup("#menu-bar").queryAs(MenuBar.class);
        List<HelpDialogs.Shortcut> shortcuts = fx(() -> HelpDialogs.shortcuts(menus));
        assertTrue(shortcuts.contains(new HelpDialogs.Shortcut("File > Crop faces from a folder of illustrations…",
                fx(() -> menus.getMenus().get(0).getItems().stream().filter(i -> String.valueOf(i.getText()).startsWith("Crop"))
                        .findFirst().orElseThrow().getAccelerator().getDisplayText()))), shortcuts.toString());
        fx(() -> HelpDialogs.showShortcuts(stage, menus));
        await("shortcuts shown", () -> robot.lookup("#shortcuts").tryQuery().isPresent());
        assertEquals(shortcuts.size(), (int) fx(() -> robot.lookup("#shortcuts").queryAs(TableView.class)
                .getItems().size()));
        WindowTestSupport.screenshot(robot.lookup("#shortcuts").query().getScene(), "help-shortcuts");
    }
}
