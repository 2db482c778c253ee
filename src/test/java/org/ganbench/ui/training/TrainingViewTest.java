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
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.ganbench.TestImages;
import org.ganbench.train.Algorithm;
import org.ganbench.train.RunFolder;
import org.ganbench.train.RunStatus;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.ganbench.ui.TinyRuns;
import org.ganbench.ui.WindowTestSupport;
import org.ganbench.ui.shell.MainWindow;

/** Training from the window with the real engine at a tiny width: start, watch, pause, stop, continue, close. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class TrainingViewTest {
    @TempDir
    static Path tmp;
    WindowTestSupport app;

    @Start
    void start(Stage stage) throws IOException {
        Path ws = Files.createTempDirectory(tmp, "ws");
        for (int i = 0; i < 12; i++) {
            TestImages.writeFace(ws.resolve("datasets/tiny/faces/f" + i + ".png"), 64, 64, i);
        }
        app = new WindowTestSupport(ws);
        app.start(stage);
    }

    private TrainingController training() {
        return app.window.views().training();
    }

    @SuppressWarnings("unchecked")
    private void form(Algorithm algorithm, long steps, int sampleEvery, int checkpointEvery) {
        fx(() -> {
            app.window.show(MainWindow.View.TRAINING);
            ((ComboBox<Algorithm>) app.window.scene().lookup("#train-algorithm")).setValue(algorithm);
            field("ch").setText("16");
            field("batch").setText("4");
            field("steps").setText(Long.toString(steps));
            field("sample every").setText(Integer.toString(sampleEvery));
            field("checkpoint every").setText(Integer.toString(checkpointEvery));
        });
    }

    private TextField field(String name) {
        return (TextField) app.window.scene().lookup("#train-" + name.replace(' ', '-'));
    }

    @SuppressWarnings("unchecked")
    private ComboBox<Path> datasetBox() {
        return (ComboBox<Path>) app.window.scene().lookup("#train-dataset");
    }

    private static String text(FxRobot robot, String id) {
        return fx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    @Test
    void aTinyRunFillsTheGridAndChartsAndAStoppedRunContinues(FxRobot robot) throws Exception {
        form(Algorithm.DRAGAN, 6, 2, 3);
        assertEquals("tiny", fx(() -> datasetBox().getValue().getFileName().toString()));
        robot.clickOn("#train-start");
        // Training is CPU-bound: on the shared 2-vCPU machine (load 10) these 6 steps took 22 s, past the usual 20 s.
        await("run finished", 120, () -> app.window.views().monitor().run() != null
                && training().phaseProperty().get() == TrainingController.Phase.IDLE
                && robot.lookup("#sample-slider").queryAs(Slider.class).getMax() == 3);
        RunFolder run = new RunFolder(app.window.views().monitor().run());
        assertEquals(RunStatus.State.FINISHED, run.status().state());
        assertTrue(fx(() -> robot.lookup("#sample-grid").queryAs(ImageView.class).getImage() != null));
        assertTrue(fx(() -> app.window.views().monitor().lossChart().drawnPoints(0)) >= 2, "D loss curve drawn");
        assertTrue(text(robot, "#sample-step").contains("step 6"), text(robot, "#sample-step"));
        // the monitor's events reach the window on a later pulse (EventCoalescer) than the phase change
        await("finished shown", 30, () -> "finished".equals(text(robot, "#run-activity")));
        assertEquals("finished", text(robot, "#train-state"), "the form does not say idle beside the monitor's finished");
        assertFalse(text(robot, "#run-speed").contains("steps/s"), "no speed once finished: " + text(robot, "#run-speed"));
        fx(() -> robot.lookup("#sample-slider").queryAs(Slider.class).setValue(0));
        assertTrue(text(robot, "#sample-step").startsWith("step 0, untrained"), "the untrained generator's grid");
        fx(() -> robot.lookup("#sample-slider").queryAs(Slider.class).setValue(3));
        assertTrue(text(robot, "#train-device").contains("CPU"), text(robot, "#train-device"));
        WindowTestSupport.screenshot(app.window.scene(), "training-live");

        // Continue the finished run to more steps: the history first, then the new steps.
        fx(() -> field("steps").setText("9"));
        robot.clickOn("#train-continue");
        await("continued to step 9", () -> training().phaseProperty().get() == TrainingController.Phase.IDLE
                && robot.lookup("#sample-slider").queryAs(Slider.class).getMax() == 5);
        assertEquals(new RunStatus(RunStatus.State.FINISHED, 9, ""), run.status());
        assertEquals(9, run.metrics().size(), "one metrics row per step, none repeated");
        assertTrue(text(robot, "#sample-step").contains("step 9"), text(robot, "#sample-step"));
    }

    @Test
    void pauseResumeStopAndContinueAStoppedRun(FxRobot robot) throws Exception {
        form(Algorithm.DCGAN, 100_000, 1000, 1000);
        robot.clickOn("#train-start");
        await("training", () -> training().phaseProperty().get() == TrainingController.Phase.RUNNING
                && robot.lookup("#run-speed").queryAs(Label.class).getText().startsWith("step "));
        assertEquals("running", text(robot, "#run-activity"));
        assertTrue(text(robot, "#run-speed").contains("steps/s"), text(robot, "#run-speed"));
        await("the window title's detail names the run and its step", () -> app.window.model().titleDetail().get()
                .matches("dcgan-.* \\(step [0-9,]+\\)"));
        assertTrue(fx(() -> app.window.model().trainingActive().get()), "Open workspace refuses while training");
        robot.clickOn("#train-pause");
        assertEquals(TrainingController.Phase.PAUSED, fx(() -> training().phaseProperty().get()));
        assertTrue(fx(() -> robot.lookup("#train-start").queryAs(Button.class).isDisabled()));
        await("said paused", () -> text(robot, "#run-activity").matches("paused at step \\d+"));
        await("paused at the last step made, as the progress says", () -> text(robot, "#run-activity").equals(
                text(robot, "#run-speed").replaceFirst("^step ([0-9,]+) of .*", "paused at step $1")));
        assertEquals(text(robot, "#run-activity"), text(robot, "#train-state"), "the form says what the monitor says");
        assertFalse(text(robot, "#run-speed").contains("steps/s"), "no speed while paused: " + text(robot, "#run-speed"));
        WindowTestSupport.screenshot(app.window.scene(), "training-paused");
        robot.clickOn("#train-resume");
        robot.clickOn("#train-stop");
        await("stopped", () -> training().phaseProperty().get() == TrainingController.Phase.IDLE);
        RunFolder run = new RunFolder(app.window.views().monitor().run());
        RunStatus stopped = run.status();
        assertEquals(RunStatus.State.STOPPED, stopped.state());
        assertEquals(stopped.step(), run.newestCheckpoint().orElseThrow().step(), "checkpoint of the last step");
        await("said stopped", () -> text(robot, "#run-activity").equals(
                String.format(java.util.Locale.ROOT, "stopped at step %,d (checkpoint kept)", stopped.step())));
        assertEquals(text(robot, "#run-activity"), text(robot, "#train-state"), "the form says what the monitor says");

        robot.clickOn("#train-continue");
        await("continued past the stop", () -> training().phaseProperty().get() == TrainingController.Phase.RUNNING
                && run.metrics().size() > stopped.step() + 2);
        // What closing the window does: stop with a checkpoint, then close.
        boolean[] closed = {false};
        fx(() -> training().stopThen(() -> closed[0] = true));
        await("stopped before closing", () -> closed[0]);
        assertEquals(RunStatus.State.STOPPED, run.status().state());
        assertTrue(run.newestCheckpoint().orElseThrow().step() > stopped.step());
        assertFalse(training().isTraining());
    }

    @Test
    void thePresetShowsCustomWhenWidthOrBatchLeaveItAndThePresetWhenTheyMatchAgain(FxRobot robot) throws IOException {
        @SuppressWarnings("unchecked")
        ComboBox<org.ganbench.train.Preset> preset = robot.lookup("#train-preset").queryAs(ComboBox.class);
        fx(() -> {
            app.window.show(MainWindow.View.TRAINING);
            preset.setValue(org.ganbench.train.Preset.SOURCE);
        });
        assertEquals("512", fx(() -> field("ch").getText()));
        assertEquals("64", fx(() -> field("batch").getText()));
        fx(() -> field("ch").setText("96"));
        assertEquals(org.ganbench.train.Preset.CUSTOM, fx(preset::getValue));
        assertEquals("Custom", fx(() -> preset.getConverter().toString(preset.getValue())), "what the box shows");
        WindowTestSupport.screenshot(app.window.scene(), "training-custom-preset");
        fx(() -> field("ch").setText("64"));
        assertEquals(org.ganbench.train.Preset.CUSTOM, fx(preset::getValue), "ch 64 with batch 64 is no preset");
        fx(() -> field("batch").setText("32"));
        assertEquals(org.ganbench.train.Preset.CPU, fx(preset::getValue), "back to the preset it matches");
        fx(() -> field("lr").setText("0.001"));
        assertEquals(org.ganbench.train.Preset.CPU, fx(preset::getValue), "the presets set width and batch only");
        fx(() -> preset.setValue(org.ganbench.train.Preset.SOURCE));
        assertEquals(org.ganbench.train.Preset.SOURCE, fx(preset::getValue));
        assertEquals("512", fx(() -> field("ch").getText()));
    }

    @Test
    void loadingTheFacesWhenARunStartsShowsProgress(FxRobot robot) throws Exception {
        List<String> messages = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Boolean> shown = new java.util.concurrent.CopyOnWriteArrayList<>();
        fx(() -> {
            robot.lookup("#train-load-message").queryAs(Label.class).textProperty()
                    .addListener((o, old, now) -> messages.add(now));
            robot.lookup("#train-load-progress").query().getParent().visibleProperty()
                    .addListener((o, old, now) -> shown.add(now));
        });
        form(Algorithm.DCGAN, 2, 1000, 1000);
        robot.clickOn("#train-start");
        await("run finished", () -> app.window.views().monitor().run() != null
                && training().phaseProperty().get() == TrainingController.Phase.IDLE
                && new RunFolder(app.window.views().monitor().run()).status().state() == RunStatus.State.FINISHED);
        assertTrue(messages.contains("loading faces: 12 of 12"), messages::toString);
        assertEquals(List.of(true, false), shown, "shown while preparing, hidden once training");
    }

    @Test
    void startIsDisabledWithTheReasonForADatasetWithoutFacesAndADatasetMadeElsewhereAppears(FxRobot robot)
            throws Exception {
        fx(() -> app.window.show(MainWindow.View.TRAINING));
        assertEquals("", text(robot, "#train-problem"));
        // Made by the command line or a file manager while the window is open: no click, no F5.
        Files.createDirectories(app.workspace.resolve("datasets/empty/faces"));
        await("the new dataset is listed", () -> datasetBox().getItems().stream()
                .anyMatch(p -> p.getFileName().toString().equals("empty")));
        fx(() -> datasetBox().setValue(app.workspace.resolve("datasets/empty")));
        await("the reason is shown", () -> text(robot, "#train-problem").contains("has no faces"));
        assertEquals("The dataset empty has no faces: crop or import some in the Datasets view first.",
                text(robot, "#train-problem"));
        assertTrue(fx(() -> robot.lookup("#train-start").queryAs(Button.class).isDisabled()));
        WindowTestSupport.screenshot(app.window.scene(), "training-empty-dataset");

        TestImages.writeFace(app.workspace.resolve("datasets/empty/faces/f0.png"), 64, 64, 3);
        await("faces counted again as they arrive", () -> text(robot, "#train-problem").isEmpty());
        assertFalse(fx(() -> robot.lookup("#train-start").queryAs(Button.class).isDisabled()));
    }

    @Test
    void lambdaIsOnlyForDraganAndEveryFieldExplainsItself(FxRobot robot) {
        form(Algorithm.SNGAN, 10, 5, 5);
        assertTrue(fx(() -> field("lambda").isDisabled()), "SNGAN has no gradient penalty");
        assertTrue(fx(() -> field("lr").getTooltip().getText()).contains("chainer-gan-lib: 0.0002"));
        form(Algorithm.DRAGAN, 10, 5, 5);
        assertFalse(fx(() -> field("lambda").isDisabled()));
        for (TrainingForm.Field f : TrainingForm.Field.values()) {
            assertFalse(fx(() -> field(f.label()).getTooltip().getText()).isBlank(), f.label());
        }
    }

    @Test
    void continuingARunTheFormDoesNotDescribeAsksFirst(FxRobot robot) throws Exception {
        Path other = TinyRuns.train(app.workspace.resolve("datasets/tiny"), app.workspace.resolve("runs/other"),
                Algorithm.SNGAN, 2);
        fx(() -> {
            app.window.show(MainWindow.View.TRAINING);
            app.window.views().monitor().open(other);
        });
        await("the run is shown", () -> text(robot, "#run-activity").equals("finished"));
        robot.clickOn("#train-continue");
        await("asked", () -> robot.lookup("#continue-confirm").tryQuery().isPresent());
        assertTrue(fx(() -> robot.lookup("#continue-confirm").queryAs(javafx.scene.control.DialogPane.class)
                .getContentText()).contains("other was trained as SNGAN, ch 16, batch 4"));
        WindowTestSupport.screenshot(robot.lookup("#continue-confirm").query().getScene(), "training-continue-question");
        robot.clickOn("Cancel");
        assertEquals(TrainingController.Phase.IDLE, fx(() -> training().phaseProperty().get()), "nothing started");
        assertEquals(2, new RunFolder(other).metrics().size());
    }
}
