package org.ganbench.ui.training;

import static org.ganbench.ui.WindowTestSupport.await;
import static org.ganbench.ui.WindowTestSupport.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.ganbench.TestImages;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.ganbench.train.RunStatus;
import org.ganbench.ui.RunFolders;
import org.ganbench.ui.WindowTestSupport;
import org.ganbench.ui.common.CurveChart;

@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class MonitorViewTest {
    @TempDir
    static Path tmp;
    WindowTestSupport app;

    @Start
    void start(Stage stage) throws IOException {
        app = new WindowTestSupport(Files.createTempDirectory(tmp, "ws"));
        app.start(stage);
    }

    private static String text(FxRobot robot, String id) {
        return fx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    @Test
    void followsARunBeingWrittenAndWarnsWhenDSeparates(FxRobot robot) throws IOException {
        Path run = RunFolders.write(app.workspace.resolve("runs/dragan-1"), 600, 200, true);
        assertTrue(fx(() -> app.window.openDropped(java.util.List.of(run.toFile()))), "a dropped run opens");
        // the grids load in the background, an older one may show first: wait for the newest, not just for a grid
        await("newest grid and curves shown", () -> robot.lookup("#sample-grid").queryAs(ImageView.class).getImage()
                != null && text(robot, "#sample-step").contains("step 600")
                && app.window.views().monitor().lossChart().drawnPoints(0) > 100);
        assertTrue(text(robot, "#run-speed").contains("4.00 steps/s"), text(robot, "#run-speed"));
        assertTrue(text(robot, "#run-speed").contains("ETA 2m 30s"), "600 steps left at 4/s");
        assertEquals("running", text(robot, "#run-activity"));
        assertTrue(fx(() -> robot.lookup("#penalty-chart").query().isVisible()), "DRAGAN's penalty has its own chart");
        assertEquals(List.of("D (faint: raw)", "G (faint: raw)"), fx(() -> app.window.views().monitor().lossChart().legendEntries()));
        assertEquals(1, (int) fx(() -> robot.lookup("#views").queryAs(javafx.scene.control.TabPane.class)
                .getSelectionModel().getSelectedIndex()), "the Training view is shown");

        fx(() -> robot.lookup("#sample-slider").queryAs(Slider.class).setValue(0));
        assertTrue(text(robot, "#sample-step").contains("step 200"), text(robot, "#sample-step"));

        // The trainer goes on writing: D starts separating real from fake and keeps at it for 1,100 steps.
        RunFolders.appendMetrics(run, 601, 1700, 0.99, 0.01, true);
        TestImages.writeGrid(run.resolve("samples/step_000800.png"), 9);
        await("separation warning shown", () -> robot.lookup("#separation-warning").queryAs(Label.class).isVisible());
        assertTrue(text(robot, "#separation-warning").contains("since step 601"),
                text(robot, "#separation-warning"));
        await("new grid arrives; the slider stays where the user put it",
                () -> robot.lookup("#sample-slider").queryAs(Slider.class).getMax() == 3);
        assertTrue(text(robot, "#sample-step").contains("step 200"));
        WindowTestSupport.screenshot(robot.lookup("#views").query().getScene(), "training");
    }

    @Test
    void hundredThousandStepsAreDrawnDecimatedAndQuickly(FxRobot robot) throws IOException {
        Path run = app.workspace.resolve("runs/long");
        long t0 = System.nanoTime();
        RunFolders.appendMetrics(run, 1, 100_000, 0.6, 0.4, false);
        long t1 = System.nanoTime();
        fx(() -> app.window.views().monitor().open(run));
        await("all rows read", () -> text(robot, "#run-speed").startsWith("step 100,000"));
        System.out.printf("write %.0f ms, open and show %.0f ms%n", (t1 - t0) / 1e6, (System.nanoTime() - t1) / 1e6);
        CurveChart chart = app.window.views().monitor().lossChart();
        double width = fx(() -> chart.node().getWidth());
        for (int i = 0; i < chart.curveCount(); i++) {
            int curve = i;
            int drawn = fx(() -> chart.drawnPoints(curve));
            assertTrue(drawn <= Math.max(100, width) + 2, "curve " + i + " draws " + drawn + " points, width " + width);
        }
        assertFalse(fx(() -> robot.lookup("#separation-warning").queryAs(Label.class).isVisible()));
        assertFalse(fx(() -> robot.lookup("#penalty-chart").query().isVisible()), "no penalty in this run: no chart");
        double ms = 0;
        for (int k = 0; k < 5; k++) {
            ms = fx(() -> {
                long start = System.nanoTime();
                chart.refresh();
                return (System.nanoTime() - start) / 1e6;
            });
            System.out.printf("redraw %d: %.1f ms%n", k, ms);
        }
        System.out.printf("redraw of the loss chart over 100,000 steps: %.1f ms%n", ms);
        assertTrue(ms < 1000, "redraw took " + ms + " ms");
    }

    @Test
    void exportsTheRunsTimelapseInTheBackgroundAndRefusesWithoutARun(FxRobot robot) throws Exception {
        fx(() -> app.window.views().monitor().exportTimelapse(app.workspace.resolve("none.gif")));
        await("error dialog", () -> robot.listWindows().size() > 1);
        javafx.scene.Node content = fx(() -> robot.listWindows().get(1).getScene().getRoot());
        assertTrue(fx(() -> robot.from(content).lookup(".content").queryLabeled().getText()).contains("Open a run first"));
        fx(() -> ((javafx.stage.Stage) robot.listWindows().get(1)).close());

        Path run = RunFolders.write(app.workspace.resolve("runs/dragan-2"), 600, 200, true);
        fx(() -> app.window.views().monitor().open(run));
        Path gif = app.workspace.resolve("exports/dragan-2.gif");
        fx(() -> app.window.views().monitor().exportTimelapse(gif));
        await("timelapse written", () -> !app.window.views().monitor().exportPane().isRunning() && Files.isRegularFile(gif));
        javax.imageio.ImageReader reader = javax.imageio.ImageIO.getImageReadersByFormatName("gif").next();
        try (var in = javax.imageio.ImageIO.createImageInputStream(gif.toFile())) {
            reader.setInput(in);
            assertEquals(3, reader.getNumImages(true), "grids of steps 200, 400 and 600");
        } finally {
            reader.dispose();
        }
        assertTrue(text(robot, "#run-name").contains("timelapse written to " + gif), text(robot, "#run-name"));
    }

    @Test
    void saysWhatARunOnDiskIsDoingAndHidesTheSpeedWhenItIsNotRunning(FxRobot robot) throws Exception {
        Path run = RunFolders.write(app.workspace.resolve("runs/sngan-1"), 600, 200, false);
        RunFolders.writeStatus(run, new RunStatus(RunStatus.State.STOPPED, 600, ""));
        fx(() -> {
            app.window.show(org.ganbench.ui.shell.MainWindow.View.TRAINING);
            app.window.views().monitor().open(run);
        });
        await("stopped", () -> text(robot, "#run-activity").equals("stopped at step 600 (checkpoint kept)"));
        assertEquals("step 600 of 1,200", text(robot, "#run-speed"), "no steps/s and no ETA when stopped");

        RunFolders.writeStatus(run, new RunStatus(RunStatus.State.FINISHED, 600, ""));
        await("finished", () -> text(robot, "#run-activity").equals("finished"));

        RunFolders.writeStatus(run, new RunStatus(RunStatus.State.FAILED, 600, "diverged at step 600 (loss_dis = NaN)"));
        await("failed", () -> text(robot, "#run-activity").equals("failed: diverged at step 600 (loss_dis = NaN)"));

        // What a killed trainer leaves: "running", written by a process that is gone.
        Process killed = new ProcessBuilder("true").start();
        assertTrue(killed.waitFor(30, java.util.concurrent.TimeUnit.SECONDS));
        RunStatus.Writer here = RunStatus.running(600).writer();
        RunFolders.writeStatus(run, new RunStatus(RunStatus.State.RUNNING, 600, "",
                new RunStatus.Writer(killed.pid(), here.host(), System.currentTimeMillis())));
        await("interrupted", () -> text(robot, "#run-activity")
                .equals("interrupted (no process is writing this run)"));
        assertFalse(text(robot, "#run-speed").contains("ETA"), text(robot, "#run-speed"));
        WindowTestSupport.screenshot(robot.lookup("#views").query().getScene(), "training-interrupted");

        RunFolders.writeStatus(run, RunStatus.running(600));
        await("running again", () -> text(robot, "#run-activity").equals("running"));
        assertTrue(text(robot, "#run-speed").contains("4.00 steps/s"), text(robot, "#run-speed"));
    }

    @Test
    void aLegendEntryHidesAndShowsItsCurve(FxRobot robot) throws IOException {
        Path run = RunFolders.write(app.workspace.resolve("runs/dragan-3"), 300, 100, true);
        fx(() -> {
            app.window.show(org.ganbench.ui.shell.MainWindow.View.TRAINING);
            app.window.views().monitor().open(run);
        });
        await("curves drawn", () -> app.window.views().monitor().lossChart().drawnPoints(0) > 100);
        javafx.scene.Node chart = robot.lookup("#loss-chart").query();
        Label d = robot.from(chart).lookup(".chart-legend-entry").queryAs(Label.class);
        robot.clickOn(d);
        assertTrue(fx(() -> d.getPseudoClassStates().stream().anyMatch(c -> c.getPseudoClassName()
                .equals("hidden-series"))), "clicked: hidden");
        robot.clickOn(d);
        assertFalse(fx(() -> d.getPseudoClassStates().stream().anyMatch(c -> c.getPseudoClassName()
                .equals("hidden-series"))), "clicked again: shown");
    }
}
