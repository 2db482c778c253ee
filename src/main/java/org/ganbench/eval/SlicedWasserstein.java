package org.ganbench.eval;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.ganbench.common.CancellationToken;
import org.ganbench.common.ProgressListener;
import org.ganbench.dataset.FaceSet;

/**
 * Sliced Wasserstein distance between two face sets, the recipe of Karras et al. 2018 as written in
 * {@code shared/bench/swd.py}: a Laplacian pyramid (5x5 binomial filter, mirror border) from full size down to 16 px;
 * 128 random 7x7 neighbourhoods per image and level; descriptors normalised per channel, each set by its own mean
 * and standard deviation; 4 repeats of 128 random unit directions; sorted projections compared by mean absolute
 * difference, times 1e3. The patch and direction draws differ from numpy's, so on the same faces values agree with
 * the reference within the spread of its seeds, not digit for digit; {@code eval swd} draws the same faces as the
 * reference ({@link FaceFolders#sampleIndices}), because which faces are scored moves the figure more than the draws.
 *
 * <p>Documented degenerate values: a channel whose descriptors are all equal (constant images) has standard deviation
 * 0 and is normalised to 0 rather than to NaN.
 */
public final class SlicedWasserstein {
    static final int PATCH = 7;
    static final int PATCHES_PER_IMAGE = 128;
    static final int REPEATS = 4;
    static final int DIRECTIONS = 128;
    static final int MIN_RESOLUTION = 16;
    private static final int DIM = 3 * PATCH * PATCH;
    /** Descriptors projected together: long enough for vectorised loops, small enough for the L2 cache. */
    private static final int PROJECTION_BLOCK = 1024;
    private static final float[] BINOMIAL = {1 / 16f, 4 / 16f, 6 / 16f, 4 / 16f, 1 / 16f};

    /** Distance per pyramid level (finest first), their mean, and the number of images taken from each set. */
    public record Result(double[] levels, double mean, int images) {
    }

    private SlicedWasserstein() {
    }

    /**
     * SWD between {@code a} and {@code b}, which must hold the same number of faces of the same side (at least 16 px,
     * halvable down to 16 px).
     */
    public static Result compute(FaceSet a, FaceSet b, long seed, ProgressListener progress, CancellationToken cancel) {
        if (a.side() != b.side()) {
            throw new IllegalArgumentException("SWD needs faces of one size, got " + a.side() + " and " + b.side() + " px");
        }
        if (a.count() != b.count() || a.count() < 1) {
            throw new IllegalArgumentException("SWD needs the same number of faces on both sides, got " + a.count()
                    + " and " + b.count());
        }
        int[] resolutions = resolutions(a.side());
        int levels = resolutions.length;
        double[] dist = new double[levels];
        long totalSteps = 2L * levels + (long) levels * REPEATS;
        long[] done = {0};
        Runnable step = () -> progress.progress(++done[0], totalSteps, "sliced Wasserstein distance");
        float[][] pyramidA = pyramids(a, levels, cancel);
        float[][] pyramidB = pyramids(b, levels, cancel);
        for (int level = 0; level < levels; level++) {
            float[] descA = descriptors(pyramidA[level], a.count(), resolutions[level], seed, 2 * level, cancel);
            step.run();
            float[] descB = descriptors(pyramidB[level], b.count(), resolutions[level], seed, 2 * level + 1, cancel);
            step.run();
            normalise(descA);
            normalise(descB);
            double sum = 0;
            for (int r = 0; r < REPEATS; r++) {
                cancel.throwIfCancelled();
                float[] dirs = directions(new SplittableRandom(Seeds.mix(seed, 1000 + level * REPEATS + r)));
                sum += projectedDistance(descA, descB, dirs, cancel);
                step.run();
            }
            dist[level] = sum / REPEATS * 1e3;
        }
        return new Result(dist, Arrays.stream(dist).average().orElseThrow(), a.count());
    }

    /** The pyramid resolutions for a side: halving while at least 16 px (64 gives 64, 32, 16). */
    static int[] resolutions(int side) {
        if (side < MIN_RESOLUTION) {
            throw new IllegalArgumentException("SWD needs faces of at least " + MIN_RESOLUTION + " px, got " + side);
        }
        int count = 0;
        for (int r = side; r >= MIN_RESOLUTION; r /= 2) {
            if (r % 2 != 0 && r / 2 >= MIN_RESOLUTION) {
                throw new IllegalArgumentException("SWD's pyramid cannot halve " + side + " px evenly down to 16 px");
            }
            count++;
        }
        int[] res = new int[count];
        for (int i = 0, r = side; i < count; i++, r /= 2) {
            res[i] = r;
        }
        return res;
    }

    /** Laplacian pyramids of every face, per level one array of planar float images (face, channel, y, x). */
    private static float[][] pyramids(FaceSet faces, int levels, CancellationToken cancel) {
        int side = faces.side();
        float[][] out = new float[levels][];
        for (int l = 0, r = side; l < levels; l++, r /= 2) {
            out[l] = new float[faces.count() * 3 * r * r];
        }
        byte[] px = faces.pixels();
        IntStream.range(0, faces.count()).parallel().forEach(i -> {
            cancel.throwIfCancelled();
            int n = side * side;
            for (int c = 0; c < 3; c++) {
                float[] current = new float[n];
                int off = i * faces.faceBytes() + c;
                for (int p = 0; p < n; p++) {
                    current[p] = px[off + 3 * p] & 0xff;
                }
                int r = side;
                for (int l = 0; l < levels - 1; l++) {
                    float[] down = pyrDown(current, r);
                    float[] up = pyrUp(down, r / 2);
                    for (int p = 0; p < current.length; p++) {
                        current[p] -= up[p];
                    }
                    System.arraycopy(current, 0, out[l], (i * 3 + c) * r * r, r * r);
                    current = down;
                    r /= 2;
                }
                System.arraycopy(current, 0, out[levels - 1], (i * 3 + c) * r * r, r * r);
            }
        });
        return out;
    }

    /** scipy.ndimage's "mirror" border: reflection about the edge pixel (d c b | a b c d | c b a). */
    static int mirror(int i, int n) {
        if (n == 1) {
            return 0;
        }
        int period = 2 * (n - 1);
        i = Math.floorMod(i, period);
        return i < n ? i : period - i;
    }

    /** Blur with the 5x5 binomial filter, then keep even rows and columns. */
    static float[] pyrDown(float[] src, int side) {
        int half = side / 2;
        float[] rows = new float[side * half];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < half; x++) {
                float s = 0;
                for (int k = -2; k <= 2; k++) {
                    s += BINOMIAL[k + 2] * src[y * side + mirror(2 * x + k, side)];
                }
                rows[y * half + x] = s;
            }
        }
        float[] out = new float[half * half];
        for (int y = 0; y < half; y++) {
            for (int x = 0; x < half; x++) {
                float s = 0;
                for (int k = -2; k <= 2; k++) {
                    s += BINOMIAL[k + 2] * rows[mirror(2 * y + k, side) * half + x];
                }
                out[y * half + x] = s;
            }
        }
        return out;
    }

    /** Insert zeros between samples, then blur with 4x the binomial filter (2x per axis). */
    static float[] pyrUp(float[] src, int side) {
        int full = 2 * side;
        float[] zeros = new float[full * full];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                zeros[2 * y * full + 2 * x] = src[y * side + x];
            }
        }
        float[] rows = new float[full * full];
        for (int y = 0; y < full; y += 2) {
            for (int x = 0; x < full; x++) {
                float s = 0;
                for (int k = -2; k <= 2; k++) {
                    s += 2 * BINOMIAL[k + 2] * zeros[y * full + mirror(x + k, full)];
                }
                rows[y * full + x] = s;
            }
        }
        float[] out = new float[full * full];
        for (int y = 0; y < full; y++) {
            for (int x = 0; x < full; x++) {
                float s = 0;
                for (int k = -2; k <= 2; k++) {
                    s += 2 * BINOMIAL[k + 2] * rows[mirror(y + k, full) * full + x];
                }
                out[y * full + x] = s;
            }
        }
        return out;
    }

    /** 128 random 7x7 neighbourhoods per image, each as 147 floats (channel, dy, dx). */
    private static float[] descriptors(float[] level, int images, int side, long seed, int stream,
                                       CancellationToken cancel) {
        int half = PATCH / 2;
        float[] out = new float[images * PATCHES_PER_IMAGE * DIM];
        IntStream.range(0, images).parallel().forEach(i -> {
            cancel.throwIfCancelled();
            SplittableRandom rng = new SplittableRandom(Seeds.mix(seed, ((long) stream << 32) + i));
            for (int p = 0; p < PATCHES_PER_IMAGE; p++) {
                int cx = rng.nextInt(half, side - half);
                int cy = rng.nextInt(half, side - half);
                int o = (i * PATCHES_PER_IMAGE + p) * DIM;
                for (int c = 0; c < 3; c++) {
                    int plane = (i * 3 + c) * side * side;
                    for (int dy = -half; dy <= half; dy++) {
                        System.arraycopy(level, plane + (cy + dy) * side + cx - half, out, o, PATCH);
                        o += PATCH;
                    }
                }
            }
        });
        return out;
    }

    /** Per channel: subtract the mean and divide by the (population) standard deviation over all descriptors. */
    private static void normalise(float[] desc) {
        int rows = desc.length / DIM;
        int per = PATCH * PATCH;
        double[][] sums = IntStream.range(0, rows).parallel().collect(() -> new double[2][3], (acc, r) -> {
            int o = r * DIM;
            for (int c = 0; c < 3; c++) {
                double s = 0;
                double s2 = 0;
                for (int k = 0; k < per; k++) {
                    double v = desc[o + c * per + k];
                    s += v;
                    s2 += v * v;
                }
                acc[0][c] += s;
                acc[1][c] += s2;
            }
        }, (x, y) -> {
            for (int c = 0; c < 3; c++) {
                x[0][c] += y[0][c];
                x[1][c] += y[1][c];
            }
        });
        float[] mean = new float[3];
        float[] scale = new float[3];
        double n = (double) rows * per;
        for (int c = 0; c < 3; c++) {
            double m = sums[0][c] / n;
            double var = Math.max(0, sums[1][c] / n - m * m);
            mean[c] = (float) m;
            // A constant channel has nothing to scale; it becomes 0 rather than NaN.
            scale[c] = var > 0 ? (float) (1 / Math.sqrt(var)) : 0f;
        }
        IntStream.range(0, rows).parallel().forEach(r -> {
            int o = r * DIM;
            for (int c = 0; c < 3; c++) {
                for (int k = 0; k < per; k++) {
                    int idx = o + c * per + k;
                    desc[idx] = (desc[idx] - mean[c]) * scale[c];
                }
            }
        });
    }

    /** 128 standard-normal directions normalised to unit length, stored dimension-major (DIM x DIRECTIONS). */
    private static float[] directions(SplittableRandom rng) {
        double[] v = new double[DIM * DIRECTIONS];
        for (int i = 0; i < v.length; i++) {
            v[i] = rng.nextGaussian();
        }
        float[] out = new float[v.length];
        for (int j = 0; j < DIRECTIONS; j++) {
            double norm = 0;
            for (int k = 0; k < DIM; k++) {
                norm += v[k * DIRECTIONS + j] * v[k * DIRECTIONS + j];
            }
            double inv = 1 / Math.sqrt(norm);
            for (int k = 0; k < DIM; k++) {
                out[k * DIRECTIONS + j] = (float) (v[k * DIRECTIONS + j] * inv);
            }
        }
        return out;
    }

    /** Mean over directions and ranks of |sorted projection of a - sorted projection of b|. */
    private static double projectedDistance(float[] descA, float[] descB, float[] dirs, CancellationToken cancel) {
        float[][] pa = project(descA, dirs, cancel);
        float[][] pb = project(descB, dirs, cancel);
        return IntStream.range(0, DIRECTIONS).parallel().mapToDouble(j -> {
            cancel.throwIfCancelled();
            FloatSort.sort(pa[j]);
            FloatSort.sort(pb[j]);
            double s = 0;
            for (int i = 0; i < pa[j].length; i++) {
                s += Math.abs(pa[j][i] - pb[j][i]);
            }
            return s / pa[j].length;
        }).sum() / DIRECTIONS;
    }

    /** Projections of every descriptor on every direction, one array per direction. */
    private static float[][] project(float[] desc, float[] dirs, CancellationToken cancel) {
        int rows = desc.length / DIM;
        float[][] out = new float[DIRECTIONS][rows];
        IntStream.range(0, (rows + PROJECTION_BLOCK - 1) / PROJECTION_BLOCK).parallel().forEach(bi -> {
            cancel.throwIfCancelled();
            int r0 = bi * PROJECTION_BLOCK;
            int n = Math.min(PROJECTION_BLOCK, rows - r0);
            float[][] columns = new float[DIM][PROJECTION_BLOCK];
            for (int r = 0; r < n; r++) {
                int o = (r0 + r) * DIM;
                for (int k = 0; k < DIM; k++) {
                    columns[k][r] = desc[o + k];
                }
            }
            float[] acc = new float[PROJECTION_BLOCK];
            for (int j = 0; j < DIRECTIONS; j++) {
                Arrays.fill(acc, 0f);
                for (int k = 0; k < DIM; k++) {
                    axpy(acc, dirs[k * DIRECTIONS + j], columns[k]);
                }
                System.arraycopy(acc, 0, out[j], r0, n);
            }
        });
        return out;
    }

    /**
     * acc += a * x over whole arrays of equal length. Long loops over two arrays from index 0 are what HotSpot's
     * C2 vectorises (offsets or short trip counts leave it scalar, 6-7x slower here).
     */
    private static void axpy(float[] acc, float a, float[] x) {
        for (int i = 0; i < acc.length; i++) {
            acc[i] += a * x[i];
        }
    }
}
