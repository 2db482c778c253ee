package org.ganbench.ui.experiment;

import static org.ganbench.ui.WindowTestSupport.await;
import static org.ganbench.ui.WindowTestSupport.fx;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.ganbench.experiment.ExperimentReport;
import org.ganbench.experiment.Experiment;
import org.ganbench.train.Preset;
import org.ganbench.train.RunFolder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.ganbench.ui.TinyRuns;
import org.ganbench.ui.WindowTestSupport;
import org.ganbench.ui.compare.RunData;
import org.ganbench.ui.shell.MainWindow;
import org.ganbench.ui.shell.RunExportActions;

/** A 1x2 experiment matrix of tiny real runs from the window, its report, and an export of what the view shows. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ExperimentViewTest {
    @TempDir
    static Path tmp;
    WindowTestSupport app;

    @Start
    void start(Stage stage) throws IOException {
        Path ws = Files.createTempDirectory(tmp, "ws");
        TinyRuns.dataset(ws, "tiny-a", 12, 0);
        TinyRuns.dataset(ws, "tiny-b", 12, 40);
        app = new WindowTestSupport(ws);
        app.start(stage);
    }

    @Test
    void aOneByTwoMatrixFinishesWithAReportAndBothRunsCompared(FxRobot robot) throws Exception {
        fx(() -> {
            app.window.show(MainWindow.View.COMPARE);
            robot.lookup("#matrix-algo-dragan").queryAs(CheckBox.class).setSelected(false);
            robot.lookup("#matrix-algo-sngan").queryAs(CheckBox.class).setSelected(true);
            robot.lookup("#matrix-dataset-tiny-a").queryAs(CheckBox.class).setSelected(true);
            robot.lookup("#matrix-dataset-tiny-b").queryAs(CheckBox.class).setSelected(true);
            var f = app.window.views().experiments().fields();
            f.get("steps").setText("2");
            f.get("ch").setText(Integer.toString(TinyRuns.CH));
            f.get("batch").setText(Integer.toString(TinyRuns.BATCH));
            f.get("eval images").setText("32");
        });
        assertEquals(Preset.CUSTOM, fx(() -> robot.lookup("#matrix-preset").queryComboBox().getValue()),
                "width and batch typed by hand");
        fx(() -> robot.lookup("#matrix-preset").queryComboBox().getSelectionModel().select(Preset.SOURCE));
        assertEquals(List.of("512", "64"), fx(() -> List.of(app.window.views().experiments().fields().get("ch").getText(),
                app.window.views().experiments().fields().get("batch").getText())), "the preset chosen is typed in");
        fx(() -> {
            var f = app.window.views().experiments().fields();
            f.get("ch").setText(Integer.toString(TinyRuns.CH));
            f.get("batch").setText(Integer.toString(TinyRuns.BATCH));
        });
        robot.clickOn("#matrix-run");
        await("matrix finished", 240, () -> app.window.views().experiments().experimentProperty().get() != null
                && !app.window.views().experiments().isRunning()
                && !robot.lookup("#matrix-report").queryButton().isDisabled());
        Experiment exp = Experiment.open(app.window.views().experiments().experimentProperty().get().dir());
        assertEquals(List.of(Experiment.CellState.DONE, Experiment.CellState.DONE),
                exp.cells().stream().map(Experiment.Cell::state).toList(), () -> exp.cells().toString());
        assertTrue(Files.size(exp.dir().resolve(ExperimentReport.PNG)) > 0);
        assertTrue(Files.readString(exp.dir().resolve(ExperimentReport.HTML)).contains("SNGAN on tiny-b"));

        await("both runs compared with their figures", () -> app.window.views().compare().runs().size() == 2
                && app.window.views().compare().runs().stream().allMatch(r -> r.eval().containsKey("swd.mean")));
        assertEquals(List.of("sngan-tiny-a", "sngan-tiny-b"),
                fx(() -> app.window.views().compare().runs().stream().map(RunData::name).toList()));
        @SuppressWarnings("unchecked")
        TableView<String> table = robot.lookup("#eval-table").queryAs(TableView.class);
        assertEquals(3, (int) fx(() -> table.getColumns().size()), "figure, and one column per run");
        WindowTestSupport.screenshot(app.window.scene(), "experiment-matrix");

        // File > Export grid… of what the comparison shows: the first run's grid at the shared step.
        Path out = tmp.resolve("exported/grid.png");
        RunExportActions.Target target = fx(() -> app.window.exportTarget());
        assertEquals(exp.runDir(exp.cells().get(0)), target.run());
        assertEquals(2L, target.step());
        fx(() -> app.window.exports().exportGrid(target, out));
        await("grid exported", () -> Files.isRegularFile(out)
                && robot.lookup("#status").queryLabeled().getText().contains("written to"));
        assertArrayEquals(Files.readAllBytes(new RunFolder(target.run()).sampleFile(2)), Files.readAllBytes(out));
    }
}
