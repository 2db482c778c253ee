package org.ganbench.inspect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.ganbench.TinyRun;
import org.ganbench.common.CancellationToken;
import org.ganbench.common.Images;
import org.ganbench.common.ProgressListener;
import org.ganbench.train.GeneratedImages;
import org.ganbench.train.RunFolder;
import org.ganbench.train.RunGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Interpolation strips and latent walks of a real (tiny) run's generator, from a checkpoint and from generator.zip. */
class LatentStripTest {
    private static final ProgressListener QUIET = ProgressListener.NONE;
    @TempDir
    static Path shared;
    private static RunFolder run;

    @BeforeAll
    static void trainATinyRun() throws Exception {
        run = RunFolder.open(TinyRun.train(shared.resolve("run")));
    }

    /** G of single vectors, generated one at a time (a batch of one). */
    private static byte[] single(RunGenerator g, float[] z) {
        return g.generate(z, 1, QUIET, new CancellationToken());
    }

    @Test
    void stripEndpointsAreTheSamplesOfTheirVectorsAndTheLinearMidpointIsGOfTheMean() throws Exception {
        for (Long checkpoint : new Long[] {2L, null}) { // a kept checkpoint, and generator.zip
            try (RunGenerator g = RunGenerator.open(run, checkpoint, false)) {
                LatentStrip strip = LatentStrip.interpolations(g, 7, 3, 5, false, QUIET, new CancellationToken());
                assertEquals(3, strip.rows());
                assertEquals(5, strip.steps());
                byte[] samples = g.sample(7, 6, QUIET, new CancellationToken());
                int bytes = 64 * 64 * 3;
                for (int r = 0; r < 3; r++) {
                    // row r runs from sample 2r to sample 2r + 1 of the seed: the same images as sample draws
                    assertArrayEquals(java.util.Arrays.copyOfRange(samples, 2 * r * bytes, (2 * r + 1) * bytes),
                            strip.pixels(r, 0), "start of row " + r + " at checkpoint " + checkpoint);
                    assertArrayEquals(java.util.Arrays.copyOfRange(samples, (2 * r + 1) * bytes, (2 * r + 2) * bytes),
                            strip.pixels(r, 4), "end of row " + r + " at checkpoint " + checkpoint);
                    float[] a = strip.latent(r, 0);
                    float[] b = strip.latent(r, 4);
                    float[] mean = new float[a.length];
                    for (int i = 0; i < a.length; i++) {
                        mean[i] = (a[i] + b[i]) / 2;
                    }
                    assertArrayEquals(mean, strip.latent(r, 2), 1e-6f);
                    assertArrayEquals(single(g, mean), strip.pixels(r, 2), "midpoint of row " + r);
                }
                assertFalse(java.util.Arrays.equals(strip.pixels(0, 0), strip.pixels(0, 2)), "the strip changes");
            }
        }
    }

    @Test
    void sphericalStripKeepsTheEndpointsAndTheLengthOfTheVectors() throws Exception {
        try (RunGenerator g = RunGenerator.open(run, 4L, false)) {
            LatentStrip strip = LatentStrip.interpolations(g, 7, 2, 5, true, QUIET, new CancellationToken());
            LatentStrip linear = LatentStrip.interpolations(g, 7, 2, 5, false, QUIET, new CancellationToken());
            assertArrayEquals(linear.pixels(1, 0), strip.pixels(1, 0));
            assertArrayEquals(linear.pixels(1, 4), strip.pixels(1, 4));
            double ends = (norm(strip.latent(1, 0)) + norm(strip.latent(1, 4))) / 2;
            assertEquals(ends, norm(strip.latent(1, 2)), 1e-3 * ends, "slerp midpoint keeps the mean length");
            assertTrue(norm(linear.latent(1, 2)) < 0.85 * ends, "the straight line's midpoint is shorter");
        }
    }

    @Test
    void walkStartsAtTheBaseSampleAndStepsAlongTheDirectionWithinTheNoiseRange() throws Exception {
        try (RunGenerator g = RunGenerator.open(run, null, false)) {
            float[] direction = LatentPaths.randomDirection(11, g.latentSize());
            assertEquals(1.0, norm(direction), 1e-5);
            LatentStrip walk = LatentStrip.walks(g, 7, 2, direction, 0.5, 6, true, QUIET, new CancellationToken());
            byte[] samples = g.sample(7, 2, QUIET, new CancellationToken());
            assertArrayEquals(java.util.Arrays.copyOfRange(samples, 64 * 64 * 3, 2 * 64 * 64 * 3), walk.pixels(1, 0));
            assertArrayEquals(single(g, LatentPaths.noiseVector(7, 1, g.latentSize())), walk.pixels(1, 0));
            for (int k = 0; k < 6; k++) {
                for (float v : walk.latent(1, k)) {
                    assertTrue(v >= -1 && v <= 1, "clamped to the noise range");
                }
            }
            // unclamped with a long step, the walk leaves the cube; otherwise it is base + k * s * d
            LatentStrip free = LatentStrip.walks(g, 7, 1, direction, 4, 3, false, QUIET, new CancellationToken());
            float[] base = LatentPaths.noiseVector(7, 0, g.latentSize());
            for (int i = 0; i < base.length; i++) {
                assertEquals(base[i] + 8 * direction[i], free.latent(0, 2)[i], 1e-5);
            }
            assertTrue(max(free.latent(0, 2)) > 1);
        }
    }

    @Test
    void writesTheStripImageAndEveryTile() throws Exception {
        try (RunGenerator g = RunGenerator.open(run, null, false)) {
            LatentStrip strip = LatentStrip.interpolations(g, 1, 2, 4, false, QUIET, new CancellationToken());
            Path png = shared.resolve("out/strip.png");
            strip.writeImage(png);
            var image = ImageIO.read(png.toFile());
            int gap = GeneratedImages.GRID_GAP;
            assertEquals(4 * 64 + 5 * gap, image.getWidth());
            assertEquals(2 * 64 + 3 * gap, image.getHeight());
            Path tiles = shared.resolve("out/tiles");
            assertEquals(8, strip.writeTiles(tiles));
            try (Stream<Path> files = Files.list(tiles)) {
                assertEquals(8, files.count());
            }
            assertArrayEquals(strip.pixels(1, 3),
                    Images.toRgb(ImageIO.read(tiles.resolve(LatentStrip.tileName(1, 3)).toFile())));
        }
    }

    @Test
    void refusesBadInputClearly() throws Exception {
        try (RunGenerator g = RunGenerator.open(run, null, false)) {
            var e = assertThrows(IllegalArgumentException.class,
                    () -> LatentStrip.interpolations(g, 1, 2, 1, false, QUIET, new CancellationToken()));
            assertTrue(e.getMessage().contains("at least 2 steps"), e.getMessage());
            float[] z = LatentPaths.noiseVector(1, 0, g.latentSize());
            e = assertThrows(IllegalArgumentException.class, () -> LatentPaths.directionBetween(z, z));
            assertTrue(e.getMessage().contains("equal"), e.getMessage());
            CancellationToken cancelled = new CancellationToken();
            cancelled.cancel();
            assertThrows(java.util.concurrent.CancellationException.class,
                    () -> LatentStrip.walks(g, List.of(z), LatentPaths.randomDirection(1, z.length), 0.25, 3, true,
                            QUIET, cancelled));
        }
    }

    private static double norm(float[] v) {
        double s = 0;
        for (float x : v) {
            s += (double) x * x;
        }
        return Math.sqrt(s);
    }

    private static float max(float[] v) {
        float m = Float.NEGATIVE_INFINITY;
        for (float x : v) {
            m = Math.max(m, x);
        }
        return m;
    }
}
