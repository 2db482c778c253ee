package org.ganbench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ganbench.common.ReproducibleRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The algorithms through the TrainableGan interface only, at widths small enough for CI. */
class EngineTest {
    private static final int CH = 16;
    private static final int BATCH = 4;

    /** Deterministic pseudo-images: the same sequence for the same seed, however the batches are split. */
    static BatchSource noiseImages(long seed) {
        ReproducibleRandom r = new ReproducibleRandom(seed);
        return n -> r.uniform(n * 3 * 64 * 64, -1f, 1f);
    }

    private static List<Double> run(TrainableGan algorithm, BatchSource data, int steps) {
        List<Double> figures = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            StepStats s = algorithm.step(data);
            assertTrue(s.isFinite(), "step " + i + ": " + s);
            figures.addAll(s.losses().values());
            figures.add(s.dReal());
            figures.add(s.dFake());
            figures.add(s.gradNormG());
        }
        return figures;
    }

    @Test
    void resumedRunRepeatsTheUninterruptedOne(@TempDir Path tmp) throws IOException {
        for (Algorithm algorithm : Algorithm.values()) {
            TrainingConfig config = algorithm.defaults(CH, BATCH, 42);
            int total = 4;
            int split = 2;
            List<Double> straight;
            try (TrainableGan a = TrainableGans.create(config)) {
                straight = run(a, noiseImages(7), total);
            }
            BatchSource data = noiseImages(7);
            List<Double> resumed;
            Path checkpoint = tmp.resolve(algorithm.name());
            try (TrainableGan first = TrainableGans.create(config)) {
                resumed = run(first, data, split);
                first.saveCheckpoint(checkpoint);
            }
            try (TrainableGan second = TrainableGans.create(algorithm.defaults(CH, BATCH, 999))) {
                second.loadCheckpoint(checkpoint);
                resumed.addAll(run(second, data, total - split));
            }
            assertEquals(straight.size(), resumed.size());
            for (int i = 0; i < straight.size(); i++) {
                double a = straight.get(i);
                double b = resumed.get(i);
                assertEquals(a, b, 1e-5 * Math.max(1e-6, Math.abs(a)), algorithm + " figure " + i + ": " + straight
                        + " vs " + resumed);
            }
        }
    }

    @Test
    void reportsTheLossesOfEachAlgorithm() {
        for (Algorithm algorithm : Algorithm.values()) {
            try (TrainableGan a = TrainableGans.create(algorithm.defaults(CH, BATCH, 1))) {
                StepStats s = a.step(noiseImages(2));
                List<String> expected = algorithm == Algorithm.DRAGAN ? List.of("loss_dis", "loss_gen", "loss_gp")
                        : List.of("loss_dis", "loss_gen");
                assertEquals(expected, new ArrayList<>(s.losses().keySet()));
                assertTrue(s.dReal() > 0 && s.dReal() < 1 && s.dFake() > 0 && s.dFake() < 1, s.toString());
                assertTrue(s.gradNormG() > 0, s.toString());
                if (algorithm == Algorithm.DRAGAN) {
                    // a fresh plain D with N(0, 0.02) weights scores about 0: softplus(0) = ln 2 for each term
                    assertEquals(2 * Math.log(2), s.losses().get("loss_dis"), 0.05);
                    assertTrue(s.losses().get("loss_gp") > 0, s.toString());
                } else {
                    assertTrue(s.losses().get("loss_dis") > 0, s.toString());
                }
            }
        }
    }

    @Test
    void nanInTheBatchGivesNonFiniteStats() {
        for (Algorithm algorithm : Algorithm.values()) {
            try (TrainableGan a = TrainableGans.create(algorithm.defaults(CH, BATCH, 3))) {
                BatchSource clean = noiseImages(4);
                BatchSource poisoned = n -> {
                    float[] x = clean.next(n);
                    x[123] = Float.NaN;
                    return x;
                };
                assertFalse(a.step(poisoned).isFinite(), algorithm.name());
            }
        }
    }

    @Test
    void savedGeneratorSamplesLikeTheAlgorithm(@TempDir Path tmp) throws IOException {
        try (TrainableGan a = TrainableGans.create(Algorithm.SNGAN.defaults(CH, BATCH, 5))) {
            a.step(noiseImages(6));
            Path file = tmp.resolve("generator.zip");
            a.saveGenerator(file, true); // generate() samples the average the defaults keep
            float[] z = new ReproducibleRandom(8).uniform(3 * 128, -1f, 1f);
            byte[] expected = a.generate(z, 3);
            assertEquals(3 * 64 * 64 * 3, expected.length);
            try (ImageGenerator g = TrainableGans.loadGenerator(file)) {
                assertEquals(128, g.latentSize());
                assertEquals(64, g.imageSide());
                assertTrue(Arrays.equals(expected, g.generate(z, 3)));
                assertThrows(IllegalArgumentException.class, () -> g.generate(z, 2));
            }
            Path notAZip = tmp.resolve("bad.zip");
            Files.writeString(notAZip, "not a generator");
            IOException e = assertThrows(IOException.class, () -> TrainableGans.loadGenerator(notAZip));
            assertTrue(e.getMessage().contains("bad.zip"), e.getMessage());
        }
    }

    @Test
    void checkpointOfAnotherWidthIsRefusedAndChangesNothing(@TempDir Path tmp) throws IOException {
        try (TrainableGan small = TrainableGans.create(Algorithm.DRAGAN.defaults(8, BATCH, 1));
             TrainableGan other = TrainableGans.create(Algorithm.DRAGAN.defaults(CH, BATCH, 1))) {
            small.saveCheckpoint(tmp);
            float[] z = new ReproducibleRandom(1).uniform(128, -1f, 1f);
            byte[] before = other.generate(z, 1);
            IOException e = assertThrows(IOException.class, () -> other.loadCheckpoint(tmp));
            assertTrue(e.getMessage().contains("ch 8"), e.getMessage());
            assertTrue(Arrays.equals(before, other.generate(z, 1)));
            assertNotEquals(0, before.length);
        }
    }
}
