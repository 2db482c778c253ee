package org.ganbench.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.ganbench.SharedData;
import org.ganbench.common.CancellationToken;
import org.ganbench.common.Images;
import org.ganbench.common.ProgressListener;
import org.ganbench.train.TrainingEvent.RunFailed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The trainer with the real engine (not the toy): DRAGAN and SNGAN at width 16 on 64 shared getchu faces, a few
 * steps each, through {@link TrainingSession} as the CLI and the window start them.
 */
class RealEngineTrainingTest {
    private static final int CH = 16;
    private static final int BATCH = 4;
    private static final long SEED = 5;
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    @TempDir
    static Path shared;
    private static Path dataset;

    @TempDir
    Path tmp;

    /** A folder of links to the first 64 getchu faces (sorted by name): small, and the shared files stay untouched. */
    @BeforeAll
    static void linkFaces() throws IOException {
        Path getchu = SharedData.path("faces/getchu64");
        dataset = shared.resolve("getchu-64");
        Files.createDirectories(dataset);
        try (Stream<Path> list = Files.list(getchu)) {
            for (Path face : list.sorted().limit(64).toList()) {
                Files.createSymbolicLink(dataset.resolve(face.getFileName()), face.toAbsolutePath());
            }
        }
    }

    /** Removes the links before JUnit does, which would warn once per link that it leaves their targets alone. */
    @AfterAll
    static void unlinkFaces() throws IOException {
        if (dataset == null) {
            return; // the shared faces are missing and every test was skipped
        }
        try (Stream<Path> links = Files.list(dataset)) {
            for (Path link : links.toList()) {
                Files.delete(link);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Algorithm.class, names = {"DRAGAN", "SNGAN"})
    void realStepsChangeTheWeightsAndWriteEveryFileOfTheRunFolder(Algorithm algorithm) throws Exception {
        TrainingConfig config = algorithm.defaults(CH, BATCH, SEED).withEmaDecay(0); // G itself in the grids
        Path runDir = tmp.resolve("run");
        train(TrainingSession.newRun(config, dataset, runDir, 4, 2, 2, TrainableGans::create, ProgressListener.NONE,
                new CancellationToken()), Trainer.State.FINISHED);
        RunFolder run = RunFolder.open(runDir);

        assertEquals(config, run.config().training());
        assertEquals(64, run.config().datasetFaces());
        assertEquals(dataset.toString(), run.config().dataset());
        assertTrue(run.config().device().startsWith("CPU"), run.config().device());
        assertEquals(new RunStatus(RunStatus.State.FINISHED, 4, ""), run.status());
        List<String> lines = Files.readAllLines(run.metricsFile());
        assertEquals(RunFolder.METRICS_HEADER, lines.get(0));
        assertEquals(List.of(1L, 2L, 3L, 4L), run.metrics().stream().map(MetricsRow::step).toList());
        for (MetricsRow row : run.metrics()) {
            assertTrue(Double.isFinite(row.lossDis()) && Double.isFinite(row.lossGen()) && row.gradNormG() > 0
                    && row.dReal() > 0 && row.dReal() < 1 && row.dFake() > 0 && row.dFake() < 1, row.toString());
            assertEquals(algorithm == Algorithm.DRAGAN, Double.isFinite(row.lossGp()), "loss_gp of " + row);
        }
        assertEquals(List.of(0L, 2L, 4L), run.samples().stream().map(RunFolder.StepFile::step).toList());
        int gridSide = 5 * TrainingConfig.SIDE + 6 * GeneratedImages.GRID_GAP;
        assertEquals(gridSide, ImageIO.read(run.sampleFile(4).toFile()).getWidth());
        assertEquals(List.of(2L, 4L), run.checkpoints().stream().map(RunFolder.StepFile::step).toList());
        assertTrue(Files.isRegularFile(run.checkpointDir(4).resolve(CheckpointStore.TRAINER_STATE_FILE)));
        assertTrue(Files.isRegularFile(run.fixedNoiseFile()));

        // Both networks moved away from their initialisation, and generator.zip is the trained G.
        Path initial = tmp.resolve("initial");
        float[] z = LatentNoise.uniform(9, 4, TrainingConfig.LATENT);
        byte[] untrained;
        try (TrainableGan fresh = TrainableGans.create(config)) {
            fresh.saveCheckpoint(initial);
            untrained = fresh.generate(z, 4);
        }
        for (String file : List.of("generator.bin", "discriminator.bin")) {
            assertFalse(Arrays.equals(Files.readAllBytes(initial.resolve(file)),
                    Files.readAllBytes(run.checkpointDir(4).resolve(file))), file + " did not change");
        }
        try (ImageGenerator trained = TrainableGans.loadGenerator(run.generatorFile());
             TrainableGan atStep4 = TrainableGans.create(config)) {
            atStep4.loadCheckpoint(run.checkpointDir(4));
            byte[] images = trained.generate(z, 4);
            assertFalse(Arrays.equals(untrained, images), "generator.zip holds the untrained G");
            assertArrayEquals(atStep4.generate(z, 4), images, "generator.zip is not step 4's G");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Algorithm.class, names = {"DRAGAN", "SNGAN"})
    void resumedRunRepeatsTheUninterruptedLosses(Algorithm algorithm) throws Exception {
        TrainingConfig config = algorithm.defaults(CH, BATCH, SEED);
        int steps = 6;
        Path reference = tmp.resolve("reference");
        train(TrainingSession.newRun(config, dataset, reference, steps, 100, 100, TrainableGans::create,
                ProgressListener.NONE, new CancellationToken()), Trainer.State.FINISHED);

        // Stopped after 3 steps (a 3-step run is checkpointed at its end), then continued in fresh engine objects
        // to 6, crossing an epoch boundary of the 64 faces (16 real batches of 4 per epoch for DRAGAN's n_dis 2).
        Path resumed = tmp.resolve("resumed");
        train(TrainingSession.newRun(config, dataset, resumed, 3, 100, 100, TrainableGans::create,
                ProgressListener.NONE, new CancellationToken()), Trainer.State.FINISHED);
        train(TrainingSession.resume(resumed, (long) steps, TrainableGans::create, ProgressListener.NONE,
                new CancellationToken()), Trainer.State.FINISHED);

        List<MetricsRow> want = RunFolder.open(reference).metrics();
        List<MetricsRow> got = RunFolder.open(resumed).metrics();
        assertEquals(steps, want.size());
        assertEquals(want.stream().map(MetricsRow::step).toList(), got.stream().map(MetricsRow::step).toList());
        for (int i = 0; i < steps; i++) {
            MetricsRow w = want.get(i);
            MetricsRow g = got.get(i);
            String row = "step " + w.step() + ": " + w + " vs " + g;
            assertClose(w.lossDis(), g.lossDis(), "loss_dis " + row);
            assertClose(w.lossGen(), g.lossGen(), "loss_gen " + row);
            assertClose(w.lossGp(), g.lossGp(), "loss_gp " + row);
            assertClose(w.dReal(), g.dReal(), "d_real " + row);
            assertClose(w.dFake(), g.dFake(), "d_fake " + row);
            assertClose(w.gradNormG(), g.gradNormG(), "grad_norm_g " + row);
        }
    }

    @Test
    void weightAverageIsSampledAndResumedAndLeavesTrainingAsItWas() throws Exception {
        TrainingConfig plain = Algorithm.SNGAN.defaults(CH, BATCH, SEED).withEmaDecay(0);
        TrainingConfig averaged = plain.withEmaDecay(0.9);
        int steps = 4;
        Path without = tmp.resolve("without");
        Path with = tmp.resolve("with");
        Path resumed = tmp.resolve("resumed");
        train(TrainingSession.newRun(plain, dataset, without, steps, 2, 2, TrainableGans::create,
                ProgressListener.NONE, new CancellationToken()), Trainer.State.FINISHED);
        train(TrainingSession.newRun(averaged, dataset, with, steps, 2, 2, TrainableGans::create,
                ProgressListener.NONE, new CancellationToken()), Trainer.State.FINISHED);
        train(TrainingSession.newRun(averaged, dataset, resumed, 2, 2, 2, TrainableGans::create,
                ProgressListener.NONE, new CancellationToken()), Trainer.State.FINISHED);
        train(TrainingSession.resume(resumed, (long) steps, TrainableGans::create, ProgressListener.NONE,
                new CancellationToken()), Trainer.State.FINISHED);

        // The average does not feed back: the same losses, and the same G as trained.
        List<MetricsRow> plainRows = RunFolder.open(without).metrics();
        List<MetricsRow> averagedRows = RunFolder.open(with).metrics();
        for (int i = 0; i < steps; i++) {
            assertEquals(plainRows.get(i).lossDis(), averagedRows.get(i).lossDis(), "loss_dis at step " + (i + 1));
            assertEquals(plainRows.get(i).lossGen(), averagedRows.get(i).lossGen(), "loss_gen at step " + (i + 1));
        }
        RunFolder run = RunFolder.open(with);
        assertTrue(Files.isRegularFile(run.averagedGeneratorFile()));
        assertFalse(Files.exists(RunFolder.open(without).averagedGeneratorFile()));
        byte[] trainedImages = sample(RunFolder.open(without), true);
        assertArrayEquals(trainedImages, sample(run, true), "--raw is not G as trained");
        byte[] averageImages = sample(run, false);
        assertFalse(Arrays.equals(trainedImages, averageImages), "the average samples like G");

        // The grids show the average: step 4's grid is the average's sample of the run's seed.
        try (RunGenerator g = RunGenerator.open(run, null, false)) {
            assertTrue(g.averaged());
            byte[] grid = Images.toRgb(ImageIO.read(run.sampleFile(steps).toFile()));
            byte[] expected = Images.toRgb(GeneratedImages.grid(g.sample(SEED, 25, ProgressListener.NONE,
                    new CancellationToken()), 25, g.imageSide()));
            assertArrayEquals(expected, grid);
        }
        // A resumed run continues the average where its checkpoint left it (pixels within float rounding).
        assertWithinOneLevel(averageImages, sample(RunFolder.open(resumed), false));
        try (RunGenerator g = RunGenerator.open(run, 2L, false); RunGenerator r = RunGenerator.open(run, 2L, true)) {
            assertTrue(g.averaged());
            assertFalse(r.averaged());
        }
    }

    private static byte[] sample(RunFolder run, boolean raw) throws IOException {
        try (RunGenerator g = RunGenerator.open(run, null, raw)) {
            return g.sample(11, 4, ProgressListener.NONE, new CancellationToken());
        }
    }

    private static void assertWithinOneLevel(byte[] expected, byte[] actual) {
        assertEquals(expected.length, actual.length);
        int worst = 0;
        for (int i = 0; i < expected.length; i++) {
            worst = Math.max(worst, Math.abs((expected[i] & 0xff) - (actual[i] & 0xff)));
        }
        assertTrue(worst <= 1, "pixels differ by up to " + worst + " levels");
    }

    @Test
    void nonFiniteLossesFromTheRealEngineFailTheRunAndKeepTheLastGoodCheckpoint() throws Exception {
        TrainingConfig config = Algorithm.SNGAN.defaults(CH, BATCH, SEED);
        Path runDir = tmp.resolve("diverging");
        int poisonedStep = 5;
        TrainingSession session = TrainingSession.newRun(config, dataset, runDir, 8, 2, 2,
                c -> new PoisonedData(TrainableGans.create(c), poisonedStep), ProgressListener.NONE,
                new CancellationToken());
        TrainerTest.Recorder events = train(session, Trainer.State.FAILED);

        RunFailed failed = (RunFailed) events.all.get(events.all.size() - 1);
        assertTrue(failed.reason().startsWith("diverged at step 5 ("), failed.reason());
        assertTrue(failed.reason().endsWith("the last good checkpoint is step 4"), failed.reason());
        RunFolder run = RunFolder.open(runDir);
        assertEquals(new RunStatus(RunStatus.State.FAILED, 5, failed.reason()), run.status());
        assertEquals(List.of(2L, 4L), run.checkpoints().stream().map(RunFolder.StepFile::step).toList());
        assertEquals(5, run.metrics().size(), "the diverged step is logged for the record");

        float[] z = LatentNoise.uniform(3, 2, TrainingConfig.LATENT);
        try (ImageGenerator kept = TrainableGans.loadGenerator(run.averagedGeneratorFile());
             TrainableGan atStep4 = TrainableGans.create(config)) {
            atStep4.loadCheckpoint(run.checkpointDir(4));
            assertArrayEquals(atStep4.generate(z, 2), kept.generate(z, 2),
                    "generator_ema.zip is not the last good G's average");
            // the checkpoint trains on: its weights are finite
            assertTrue(atStep4.step(n -> new float[n * 3 * 64 * 64]).isFinite());
        }
    }

    /** Runs a session's trainer to its end and checks the state it ended in. */
    private static TrainerTest.Recorder train(TrainingSession session, Trainer.State expected) throws Exception {
        try (session) {
            TrainerTest.Recorder events = new TrainerTest.Recorder();
            session.trainer().addListener(events);
            session.trainer().start();
            assertTrue(session.trainer().join(TIMEOUT), "training did not end in " + TIMEOUT);
            assertEquals(expected, session.trainer().state(), () -> events.all.toString());
            return events;
        }
    }

    private static void assertClose(double expected, double actual, String what) {
        if (Double.isNaN(expected)) {
            assertTrue(Double.isNaN(actual), what);
            return;
        }
        assertEquals(expected, actual, 1e-5 * Math.max(Math.abs(expected), 1e-3), what);
    }

    /** The real engine, fed NaN instead of faces from training step {@code fromStep} on, as a broken input would. */
    private static final class PoisonedData implements TrainableGan {
        private final TrainableGan engine;
        private final int fromStep;
        private int step;

        PoisonedData(TrainableGan engine, int fromStep) {
            this.engine = engine;
            this.fromStep = fromStep;
        }

        @Override
        public StepStats step(BatchSource real) {
            step++;
            if (step < fromStep) {
                return engine.step(real);
            }
            return engine.step(n -> {
                float[] batch = real.next(n);
                Arrays.fill(batch, Float.NaN);
                return batch;
            });
        }

        @Override
        public void saveCheckpoint(Path dir) throws IOException {
            engine.saveCheckpoint(dir);
        }

        @Override
        public void loadCheckpoint(Path dir) throws IOException {
            engine.loadCheckpoint(dir);
        }

        @Override
        public long checkpointBytes() {
            return engine.checkpointBytes();
        }

        @Override
        public void saveGenerator(Path file, boolean averaged) throws IOException {
            engine.saveGenerator(file, averaged);
        }

        @Override
        public String device() {
            return engine.device();
        }

        @Override
        public byte[] generate(float[] z, int n) {
            return engine.generate(z, n);
        }

        @Override
        public int latentSize() {
            return engine.latentSize();
        }

        @Override
        public int imageSide() {
            return engine.imageSide();
        }

        @Override
        public void close() {
            engine.close();
        }
    }
}
