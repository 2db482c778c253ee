package org.ganbench.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.ganbench.TestImages;
import org.ganbench.common.CancellationToken;
import org.ganbench.common.ProgressListener;
import org.ganbench.eval.EvalFigures;
import org.ganbench.experiment.Experiment.CellState;
import org.ganbench.experiment.Experiment;
import org.ganbench.experiment.ExperimentQueue;
import org.ganbench.train.Algorithm;
import org.ganbench.train.RunFolder;
import org.ganbench.train.RunStatus;
import org.ganbench.train.TrainableGans;
import org.ganbench.train.Trainer;
import org.ganbench.train.TrainingEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An experiment of tiny runs on the real engine: stopped and resumed, a failing cell, evaluation and report. */
class ExperimentJobTest {
    /** Enough steps that the stop (asked for at the first checkpoint, step 2) lands long before the end. */
    private static final int STEPS = 30;
    @TempDir
    Path tmp;

    private Path dataset(String name, int n) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("datasets").resolve(name));
        for (int i = 0; i < n; i++) {
            TestImages.writeFace(dir.resolve("faces/f" + i + ".png"), 64, 64, i);
        }
        return dir;
    }

    private static List<CellState> states(Experiment e) {
        return e.cells().stream().map(Experiment.Cell::state).toList();
    }

    @Test
    void aStoppedExperimentResumesAFailedCellIsRecordedAndTheReportLinksWhatExists() throws Exception {
        Path faces = dataset("tiny", 12);
        Path empty = dataset("empty", 0);
        Experiment.Plan plan = new Experiment.Plan(List.of(Algorithm.SNGAN), List.of(faces.toString(),
                empty.toString()), STEPS, 16, 4, 3, 2, 2, 32);
        Experiment experiment = Experiment.create(tmp.resolve("experiments"), "m", plan);
        assertEquals(List.of(CellState.PENDING, CellState.PENDING), states(experiment));
        IOException twice = assertThrows(IOException.class, () -> Experiment.create(tmp.resolve("experiments"), "m",
                plan));
        assertTrue(twice.getMessage().contains("already exists"), twice.getMessage());

        // Stop at the first run's first checkpoint: the cell stays TRAINING, the report is written.
        CancellationToken cancel = new CancellationToken();
        ExperimentQueue.Listener stopAfterTwoSteps = new ExperimentQueue.Listener() {
            @Override
            public void cellChanged(Experiment exp, int index) {
            }

            @Override
            public void trainerStarted(Experiment exp, int index, Trainer trainer) {
                trainer.addListener(event -> {
                    if (event instanceof org.ganbench.train.TrainingEvent.CheckpointSaved) {
                        cancel.cancel();
                    }
                });
            }
        };
        assertThrows(CancellationException.class, () -> ExperimentJob.run(experiment,
                TrainableGans::create, stopAfterTwoSteps, ProgressListener.NONE, cancel));
        Experiment reopened = Experiment.open(experiment.dir());
        assertEquals(List.of(CellState.TRAINING, CellState.PENDING), states(reopened));
        RunFolder first = new RunFolder(reopened.runDir(reopened.cells().get(0)));
        assertEquals(RunStatus.State.STOPPED, first.status().state());
        long stoppedAt = first.status().step();
        assertTrue(stoppedAt >= 2 && stoppedAt < STEPS, "stopped at " + stoppedAt);
        assertTrue(Files.isRegularFile(experiment.dir().resolve(ExperimentReport.PNG)), "report of a stopped queue");

        ExperimentJob.run(reopened, TrainableGans::create, (exp, index) -> { }, ProgressListener.NONE,
                new CancellationToken());
        Experiment done = Experiment.open(experiment.dir());
        assertEquals(List.of(CellState.DONE, CellState.FAILED), states(done));
        assertTrue(done.cells().get(1).message().contains("no face images"), done.cells().get(1).message());
        assertEquals(new RunStatus(RunStatus.State.FINISHED, STEPS, ""), first.status());
        assertEquals(STEPS, first.metrics().size(), "continued, not restarted: one row per step");
        assertTrue(Files.isRegularFile(first.evalFile()), "the finished run was evaluated");
        assertTrue(Files.readString(first.evalFile()).contains(faces.toString()), "against its own dataset");

        BufferedImage report = ImageIO.read(experiment.dir().resolve(ExperimentReport.PNG).toFile());
        assertTrue(report.getWidth() >= 2 * 320 && report.getHeight() >= 320 + 200, "two panels side by side");
        String html = Files.readString(experiment.dir().resolve(ExperimentReport.HTML));
        assertTrue(html.contains("SNGAN on tiny") && html.contains("SNGAN on empty"), html);
        assertTrue(html.contains(EvalFigures.read(first.evalFile()).get("swd.mean")), "the SWD figure is in the table");
        Matcher links = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(html);
        int images = 0;
        while (links.find()) {
            Path target = experiment.dir().resolve(links.group(1));
            assertTrue(!Path.of(links.group(1)).isAbsolute() && Files.isRegularFile(target), links.group(1));
            images += links.group(1).endsWith(".png") ? 1 : 0;
        }
        assertEquals(1 + 3, images, "report.png, the grid of the run that trained and both cells' curves");
    }
}
