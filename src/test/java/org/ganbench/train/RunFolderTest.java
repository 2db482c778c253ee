package org.ganbench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a run folder as the window and the comparison view do, including what a killed process leaves. */
class RunFolderTest {
    @TempDir
    Path tmp;

    @Test
    void readsMetricsByColumnNameAndSkipsARowCutShort() throws IOException {
        RunFolder run = newRun();
        Files.writeString(run.metricsFile(), RunFolder.METRICS_HEADER + ",fid\n"
                + "1,0.5,1.25,0.75,,0.6,0.4,2.5,3.0,\n"
                + "2,1.0,1.5,0.5,0.01,0.7,0.3,1.5,2.0,41.5\n"
                + "3,1.5,1.");
        assertEquals(List.of(new MetricsRow(1, 0.5, 1.25, 0.75, Double.NaN, 0.6, 0.4, 2.5, 3.0),
                new MetricsRow(2, 1.0, 1.5, 0.5, 0.01, 0.7, 0.3, 1.5, 2.0)), run.metrics());
    }

    @Test
    void listsSampleGridsAndCompleteCheckpointsInStepOrder() throws IOException {
        RunFolder run = newRun();
        Files.writeString(run.sampleFile(1000), "png");
        Files.writeString(run.sampleFile(20), "png");
        Files.writeString(run.samplesDir().resolve("notes.txt"), "not a grid");
        Files.createDirectories(run.checkpointDir(40));
        Files.createDirectories(run.checkpointDir(1_000_000));
        Files.createDirectories(run.checkpointsDir().resolve(".step_002000.tmp"));
        assertEquals(List.of(new RunFolder.StepFile(20, run.sampleFile(20)),
                new RunFolder.StepFile(1000, run.sampleFile(1000))), run.samples());
        assertEquals(List.of(40L, 1_000_000L), run.checkpoints().stream().map(RunFolder.StepFile::step).toList());
        assertEquals(run.checkpointDir(1_000_000), run.newestCheckpoint().orElseThrow().path());
        assertEquals("step_1000000", run.checkpointDir(1_000_000).getFileName().toString());
    }

    @Test
    void samplesByStepIgnoreOtherFilesAndAFolderWithGridsLooksLikeARun() throws IOException {
        Path run = tmp.resolve("watched");
        Files.createDirectories(run);
        assertTrue(new RunFolder(run).samplesByStep().isEmpty());
        assertFalse(RunFolder.looksLikeRun(run));
        Files.createDirectories(run.resolve("samples"));
        for (String n : List.of("step_001000.png", "step_000500.png", "step_1000000.png", "step_12.png",
                ".step_002000.png.123.tmp", "notes.txt")) {
            Files.writeString(run.resolve("samples").resolve(n), "");
        }
        assertEquals(List.of(500L, 1000L, 1000000L), List.copyOf(new RunFolder(run).samplesByStep().keySet()));
        assertTrue(RunFolder.looksLikeRun(run));
    }

    @Test
    void configuredStepsComesFromConfigJsonWhenPresent() throws IOException {
        RunFolder run = new RunFolder(Files.createDirectories(tmp.resolve("other")));
        assertEquals(OptionalLong.empty(), run.configuredSteps());
        Files.writeString(run.configFile(), "{\"algorithm\":\"DRAGAN\",\"steps\":20000}");
        assertEquals(OptionalLong.of(20000), run.configuredSteps());
        Files.writeString(run.configFile(), "{\"algorithm\":\"DRAGAN\"");
        assertEquals(OptionalLong.empty(), run.configuredSteps(), "half-written config");
    }

    @Test
    void aNewRunHasConfigAndStatusButNothingElse() throws IOException {
        RunFolder run = newRun();
        assertEquals(new RunStatus(RunStatus.State.NEW, 0, ""), run.status());
        assertEquals(List.of(), run.metrics());
        assertEquals(List.of(), run.samples());
        assertTrue(run.newestCheckpoint().isEmpty());
        assertEquals(run.config(), RunFolder.open(run.dir()).config());
        IOException again = assertThrows(IOException.class, () -> RunFolder.create(run.dir(), run.config()));
        assertTrue(again.getMessage().contains("a run already exists"), again.getMessage());
        IOException notRun = assertThrows(IOException.class, () -> RunFolder.open(tmp));
        assertTrue(notRun.getMessage().startsWith("not a run folder"), notRun.getMessage());
    }

    private RunFolder newRun() throws IOException {
        RunConfig config = RunConfig.create(ToyGan.config(1), new TrainingData(tmp, TrainerTest.randomFaces(3), "ab"),
                10, 5, 5, "CPU (toy)");
        return RunFolder.create(tmp.resolve("run"), config);
    }
}
