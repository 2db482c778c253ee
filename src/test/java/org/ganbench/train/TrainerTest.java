package org.ganbench.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.ganbench.dataset.FaceSet;
import org.ganbench.train.TrainingEvent.CheckpointSaved;
import org.ganbench.train.TrainingEvent.RunFailed;
import org.ganbench.train.TrainingEvent.RunFinished;
import org.ganbench.train.TrainingEvent.RunStarted;
import org.ganbench.train.TrainingEvent.Samples;
import org.ganbench.train.TrainingEvent.StepDone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {
    private static final long SEED = 42;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    private final FaceSet faces = randomFaces(37);

    @Test
    void writesEveryFileOfTheRunFolder() throws Exception {
        RunFolder run = newRun("full", 10, 4, 4);
        Recorder events = new Recorder();
        ToyGan toy = new ToyGan(ToyGan.config(SEED));
        trainToEnd(toy, run, events);

        assertEquals(ToyGan.config(SEED), run.config().training());
        assertEquals(10, run.config().steps());
        assertEquals("CPU (toy)", run.config().device());
        assertEquals("1.0.0-M2.1", run.config().dl4jVersion());
        assertTrue(run.config().ganbenchVersion().startsWith("0."), run.config().ganbenchVersion());
        assertTrue(run.config().javaVersion().startsWith(System.getProperty("java.version")));
        List<String> lines = Files.readAllLines(run.metricsFile());
        assertEquals(RunFolder.METRICS_HEADER, lines.get(0));
        assertEquals(11, lines.size());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L),
                run.metrics().stream().map(MetricsRow::step).toList());
        assertTrue(run.metrics().stream().allMatch(r -> r.timeS() > 0 && r.stepsPerS() > 0 && !Double.isNaN(r.lossGp())));

        // step 0: the untrained generator, so that a new run has a grid to show at once
        assertEquals(List.of(0L, 4L, 8L, 10L), run.samples().stream().map(RunFolder.StepFile::step).toList());
        var grid = ImageIO.read(run.sampleFile(10).toFile());
        int expectedSide = 5 * ToyGan.SIDE + 6 * GeneratedImages.GRID_GAP;
        assertEquals(expectedSide, grid.getWidth());
        assertEquals(expectedSide, grid.getHeight());

        // checkpoints at 4, 8 and 10; all three kept (the default keeps 3)
        assertEquals(List.of(4L, 8L, 10L), run.checkpoints().stream().map(RunFolder.StepFile::step).toList());
        for (RunFolder.StepFile c : run.checkpoints()) {
            assertTrue(Files.isRegularFile(c.path().resolve("toy.json")));
            assertTrue(Files.isRegularFile(c.path().resolve(CheckpointStore.TRAINER_STATE_FILE)));
        }
        assertEquals(java.util.Arrays.toString(toy.generatorBias()), Files.readString(run.generatorFile()));
        assertTrue(Files.isRegularFile(run.fixedNoiseFile()));
        assertEquals(new RunStatus(RunStatus.State.FINISHED, 10, ""), run.status());
        assertEquals(List.of(), leftoverTempFiles(run));
        assertEquals(List.of(run.dir()), RunFolder.list(tmp).stream().map(RunFolder::dir).toList());

        assertTrue(events.all.get(0) instanceof RunStarted started && started.step() == 0);
        assertEquals(List.of(0L, 4L, 8L, 10L), events.of(Samples.class).stream().map(Samples::step).toList());
        assertEquals(List.of(4L, 8L, 10L), events.of(CheckpointSaved.class).stream().map(CheckpointSaved::step).toList());
        assertEquals(new RunFinished(10, true), events.all.get(events.all.size() - 1));
        Samples last = events.of(Samples.class).get(3);
        assertEquals(expectedSide * expectedSide * 3, last.rgb().length);
    }

    @Test
    void keepsOnlyTheNewestCheckpoints() throws Exception {
        RunFolder run = newRun("keep", 12, 100, 2);
        trainToEnd(new ToyGan(ToyGan.config(SEED)), run, new Recorder());
        assertEquals(List.of(8L, 10L, 12L), run.checkpoints().stream().map(RunFolder.StepFile::step).toList());
    }

    @Test
    void resumeAfterStopReproducesTheUninterruptedRun() throws Exception {
        RunFolder reference = newRun("reference", 30, 10, 7);
        trainToEnd(new ToyGan(ToyGan.config(SEED)), reference, new Recorder());

        RunFolder run = newRun("stopped", 30, 10, 7);
        Trainer first = new Trainer(new ToyGan(ToyGan.config(SEED), -1, 3), faces, run);
        first.addListener(e -> {
            if (e instanceof StepDone s && s.step() >= 4) {
                first.stop();
            }
        });
        first.start();
        assertTrue(first.join(TIMEOUT));
        assertEquals(Trainer.State.STOPPED, first.state());
        long stoppedAt = first.step();
        assertTrue(stoppedAt >= 4 && stoppedAt < 30, "stopped at " + stoppedAt);
        assertEquals(stoppedAt, run.newestCheckpoint().orElseThrow().step(), "stop writes a checkpoint");
        assertEquals(RunStatus.State.STOPPED, run.status().state());

        Recorder events = new Recorder();
        trainToEnd(new ToyGan(ToyGan.config(SEED)), run, events);
        assertEquals(stoppedAt, ((RunStarted) events.all.get(0)).step());
        assertSameTraining(reference, run);
    }

    @Test
    void runKilledBetweenFilesResumesFromTheNewestCompleteCheckpoint() throws Exception {
        RunFolder reference = newRun("reference", 12, 4, 4);
        trainToEnd(new ToyGan(ToyGan.config(SEED)), reference, new Recorder());

        RunFolder run = newRun("killed", 8, 4, 4);
        trainToEnd(new ToyGan(ToyGan.config(SEED)), run, new Recorder());
        // What a kill during step 11's checkpoint leaves: rows past the checkpoint (the last one cut short), a
        // half-written checkpoint folder and a sample grid of a step that will be recomputed.
        List<String> refLines = Files.readAllLines(reference.metricsFile());
        Files.writeString(run.metricsFile(), refLines.get(9) + "\n" + refLines.get(10) + "\n"
                + refLines.get(11).substring(0, 9), java.nio.file.StandardOpenOption.APPEND);
        Path partial = run.checkpointsDir().resolve(".step_000011.tmp");
        Files.createDirectories(partial);
        Files.writeString(partial.resolve("toy.json"), "{\"generatorBias\":[0.1,");
        Files.writeString(run.sampleFile(11), "not a png");
        run.writeConfig(run.config().withSteps(12));

        trainToEnd(new ToyGan(ToyGan.config(SEED)), run, new Recorder());
        assertSameTraining(reference, run);
        assertEquals(List.of(), leftoverTempFiles(run));
        assertEquals(List.of(0L, 4L, 8L, 12L), run.samples().stream().map(RunFolder.StepFile::step).toList());
    }

    @Test
    void nonFiniteStepFailsTheRunAndKeepsTheLastGoodCheckpoint() throws Exception {
        RunFolder run = newRun("diverge", 20, 5, 3);
        Recorder events = new Recorder();
        Trainer trainer = new Trainer(new ToyGan(ToyGan.config(SEED), 7, 0), faces, run);
        trainer.addListener(events);
        trainer.start();
        assertTrue(trainer.join(TIMEOUT));

        assertEquals(Trainer.State.FAILED, trainer.state());
        RunFailed failed = (RunFailed) events.all.get(events.all.size() - 1);
        assertTrue(failed.reason().startsWith("diverged at step 7 (loss_gen = NaN)"), failed.reason());
        assertTrue(failed.reason().contains("last good checkpoint is step 6"), failed.reason());
        assertEquals(RunStatus.State.FAILED, run.status().state());
        assertEquals(failed.reason(), run.status().message());
        assertEquals(List.of(3L, 6L), run.checkpoints().stream().map(RunFolder.StepFile::step).toList());
        assertTrue(events.of(RunFinished.class).isEmpty());

        ToyGan restored = new ToyGan(ToyGan.config(SEED));
        restored.loadCheckpoint(run.checkpointDir(6));
        assertTrue(java.util.Arrays.stream(restored.generatorBias()).allMatch(Double::isFinite));
        assertEquals(java.util.Arrays.toString(restored.generatorBias()), Files.readString(run.generatorFile()));
    }

    @Test
    void pausesResumesAndStops() throws Exception {
        RunFolder run = newRun("pause", 1_000_000, 1_000_000, 1_000_000);
        Recorder events = new Recorder();
        Trainer trainer = new Trainer(new ToyGan(ToyGan.config(SEED), -1, 2), faces, run);
        trainer.addListener(events);
        trainer.start();
        awaitStep(trainer, 3);

        trainer.pause();
        assertEquals(Trainer.State.PAUSED, trainer.state());
        Thread.sleep(300); // lets the step in flight finish
        long pausedAt = trainer.step();
        Thread.sleep(300);
        assertEquals(pausedAt, trainer.step(), "no step while paused");
        RunStatus paused = run.status();
        assertEquals(RunStatus.State.RUNNING, paused.state());
        assertEquals(pausedAt, paused.step(), "status.json has the step, not 0");
        assertEquals(ProcessHandle.current().pid(), paused.writer().pid());
        assertFalse(paused.isInterrupted(System.currentTimeMillis()), "this process is writing the run");

        trainer.resume();
        assertEquals(Trainer.State.RUNNING, trainer.state());
        awaitStep(trainer, pausedAt + 3);

        trainer.stop();
        assertTrue(trainer.join(TIMEOUT));
        assertEquals(Trainer.State.STOPPED, trainer.state());
        long last = trainer.step();
        assertEquals(new RunFinished(last, false), events.all.get(events.all.size() - 1));
        assertEquals(last, run.newestCheckpoint().orElseThrow().step());
        assertEquals(last, run.metrics().size());
    }

    @Test
    void stopWhilePausedEndsTheRun() throws Exception {
        RunFolder run = newRun("pause-stop", 1_000_000, 1_000_000, 1_000_000);
        Trainer trainer = new Trainer(new ToyGan(ToyGan.config(SEED), -1, 2), faces, run);
        trainer.start();
        awaitStep(trainer, 2);
        trainer.pause();
        trainer.stop();
        assertTrue(trainer.join(TIMEOUT));
        assertEquals(Trainer.State.STOPPED, trainer.state());
    }

    @Test
    void slowListenerDoesNotSlowTraining() throws Exception {
        int steps = 200;
        long listenerMillis = 50;
        RunFolder run = newRun("slow", steps, 50, 100);
        Recorder events = new Recorder(listenerMillis);
        Trainer trainer = new Trainer(new ToyGan(ToyGan.config(SEED), -1, 1), faces, run);
        trainer.addListener(events);
        long t0 = System.nanoTime();
        trainer.start();
        while (trainer.state() == Trainer.State.RUNNING) {
            Thread.sleep(5);
        }
        double trainingSeconds = (System.nanoTime() - t0) / 1e9;
        // a listener holding up training would take steps * 50 ms = 10 s; the steps alone take about 0.3 s
        assertTrue(trainingSeconds < 4.0, "training took " + trainingSeconds + " s behind a slow listener");
        assertEquals(Trainer.State.FINISHED, trainer.state());

        assertTrue(trainer.join(TIMEOUT));
        List<StepDone> steps1 = events.of(StepDone.class);
        assertTrue(steps1.size() < steps, "lagging StepDone events are coalesced: " + steps1.size());
        assertEquals(steps, steps1.get(steps1.size() - 1).step(), "the newest StepDone always arrives");
        assertEquals(List.of(0L, 50L, 100L, 150L, 200L), events.of(Samples.class).stream().map(Samples::step).toList());
        assertEquals(List.of(100L, 200L), events.of(CheckpointSaved.class).stream().map(CheckpointSaved::step).toList());
        assertEquals(new RunFinished(steps, true), events.all.get(events.all.size() - 1));
        assertFalse(events.threads.stream().anyMatch(name -> name.startsWith("trainer-slow")),
                "events arrive off the training thread: " + events.threads);
        assertEquals(steps, run.metrics().size(), "metrics.csv keeps every step");
    }

    @Test
    void rejectsFacesOfAnotherSizeThanTheGenerator() throws Exception {
        RunFolder run = newRun("side", 5, 5, 5);
        Recorder events = new Recorder();
        FaceSet wrong = new FaceSet(4, new byte[2 * 4 * 4 * 3], List.of("a", "b"));
        Trainer trainer = new Trainer(new ToyGan(ToyGan.config(SEED)), wrong, run);
        trainer.addListener(events);
        trainer.start();
        assertTrue(trainer.join(TIMEOUT));
        assertEquals(Trainer.State.FAILED, trainer.state());
        assertEquals(new RunFailed("the dataset's faces are 4px but the generator makes 8px images"),
                events.all.get(events.all.size() - 1));
    }

    private void assertSameTraining(RunFolder expected, RunFolder actual) throws IOException {
        List<MetricsRow> want = expected.metrics();
        List<MetricsRow> got = actual.metrics();
        assertEquals(want.size(), got.size());
        for (int i = 0; i < want.size(); i++) {
            assertEquals(withoutTiming(want.get(i)), withoutTiming(got.get(i)), "row " + (i + 1));
        }
        long lastStep = want.get(want.size() - 1).step();
        assertArrayEquals(Files.readAllBytes(expected.sampleFile(lastStep)), Files.readAllBytes(actual.sampleFile(lastStep)));
        assertEquals(Files.readString(expected.generatorFile()), Files.readString(actual.generatorFile()));
    }

    private static MetricsRow withoutTiming(MetricsRow r) {
        return new MetricsRow(r.step(), 0, r.lossDis(), r.lossGen(), r.lossGp(), r.dReal(), r.dFake(), r.gradNormG(), 0);
    }

    /** A disk that fills up in the middle of the second checkpoint's first file. */
    @Test
    void aCheckpointThatRunsOutOfSpaceIsRemovedAndNamesItsFileAndSize() throws Exception {
        RunFolder run = newRun("full-disk", 8, 100, 4);
        ToyGan toy = new ToyGan(ToyGan.config(SEED));
        int[] saves = {0};
        TrainableGan fillsUp = (TrainableGan) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {TrainableGan.class}, (proxy, method, args) -> {
                    if (method.getName().equals("saveCheckpoint") && ++saves[0] == 2) {
                        Path file = ((Path) args[0]).resolve("toy.json");
                        Files.writeString(file, "{\"partial");
                        throw new java.nio.file.FileSystemException(file.toString(), null, "No space left on device");
                    }
                    try {
                        return method.invoke(toy, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        Recorder events = new Recorder();
        Trainer trainer = new Trainer(fillsUp, faces, run);
        trainer.addListener(events);
        trainer.start();
        assertTrue(trainer.join(TIMEOUT));

        assertEquals(Trainer.State.FAILED, trainer.state());
        String reason = run.status().message();
        assertTrue(reason.contains(".step_000008.tmp/toy.json: No space left on device"), reason);
        assertTrue(reason.contains("a checkpoint needs about 0.1 MB"), reason);
        try (Stream<Path> left = Files.list(run.checkpointsDir())) {
            assertEquals(List.of("step_000004"), left.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void warnsAtTheStartAndBeforeEachCheckpointWhenSpaceIsShort() throws Exception {
        RunFolder run = newRun("short", 8, 100, 4);
        Recorder events = new Recorder();
        Trainer trainer = new Trainer(new ToyGan(ToyGan.config(SEED)), faces, run, path -> 1000);
        trainer.addListener(events);
        trainer.start();
        assertTrue(trainer.join(TIMEOUT));

        List<TrainingEvent.DiskSpaceLow> warnings = events.all.stream()
                .filter(e -> e instanceof TrainingEvent.DiskSpaceLow).map(e -> (TrainingEvent.DiskSpaceLow) e)
                .toList();
        assertEquals(3, warnings.size(), "at the start and before the checkpoints of steps 4 and 8");
        assertEquals(1000, warnings.get(0).freeBytes());
        assertTrue(warnings.get(0).message().contains("a checkpoint needs about 0.1 MB"), warnings.get(0).message());
        assertEquals(Trainer.State.FINISHED, trainer.state(), "a warning, not a failure");
    }

    private void trainToEnd(ToyGan toy, RunFolder run, Recorder events) throws Exception {
        Trainer trainer = new Trainer(toy, faces, run);
        trainer.addListener(events);
        trainer.start();
        assertTrue(trainer.join(TIMEOUT));
        assertEquals(Trainer.State.FINISHED, trainer.state(), () -> events.all.toString());
    }

    private RunFolder newRun(String name, long steps, int sampleEvery, int checkpointEvery) throws IOException {
        RunConfig config = RunConfig.create(ToyGan.config(SEED), new TrainingData(tmp.resolve("data"), faces, "00"),
                steps, sampleEvery, checkpointEvery, "CPU (toy)");
        return RunFolder.create(tmp.resolve(name), config);
    }

    private static void awaitStep(Trainer trainer, long step) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (trainer.step() < step) {
            assertTrue(System.nanoTime() < deadline, "step " + step + " not reached");
            Thread.sleep(2);
        }
    }

    private static List<Path> leftoverTempFiles(RunFolder run) throws IOException {
        try (Stream<Path> walk = Files.walk(run.dir())) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".tmp")).collect(Collectors.toList());
        }
    }

    static FaceSet randomFaces(int n) {
        byte[] pixels = new byte[n * ToyGan.SIDE * ToyGan.SIDE * 3];
        new Random(7).nextBytes(pixels);
        List<String> names = java.util.stream.IntStream.range(0, n).mapToObj(i -> "face" + i + ".png").toList();
        return new FaceSet(ToyGan.SIDE, pixels, names);
    }

    /** Records events, optionally sleeping in every call like a slow window. */
    static final class Recorder implements TrainingListener {
        final List<TrainingEvent> all = new CopyOnWriteArrayList<>();
        final List<String> threads = new CopyOnWriteArrayList<>();
        private final long sleepMillis;

        Recorder() {
            this(0);
        }

        Recorder(long sleepMillis) {
            this.sleepMillis = sleepMillis;
        }

        @Override
        public void onEvent(TrainingEvent event) {
            threads.add(Thread.currentThread().getName());
            all.add(event);
            if (sleepMillis > 0) {
                try {
                    Thread.sleep(sleepMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        <T extends TrainingEvent> List<T> of(Class<T> type) {
            return all.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }
}
