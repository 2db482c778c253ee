package org.ganbench.eval;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.ganbench.common.CancellationToken;
import org.ganbench.dataset.FaceSet;

/**
 * Multi-scale structural similarity, the progressive-GAN {@code ms_ssim} recipe: 5 scales (2x2 box downsampling),
 * weights 0.0448 0.2856 0.3001 0.2363 0.1333, an 11x11 Gaussian window (sigma 1.5, shrunk with the image when the
 * image is smaller), K1 0.01, K2 0.03, pixel range 255, "valid" filtering, per-scale values clipped at 0. As a
 * diversity measure: the mean over random pairs of faces of one set (lower is more diverse).
 *
 * <p>Documented values: constant images are well defined (the constants C1, C2 keep every ratio finite); two equal
 * images give exactly 1.
 */
public final class MsSsim {
    static final double[] WEIGHTS = {0.0448, 0.2856, 0.3001, 0.2363, 0.1333};
    private static final int FILTER = 11;
    private static final double SIGMA = 1.5;
    private static final double C1 = Math.pow(0.01 * 255, 2);
    private static final double C2 = Math.pow(0.03 * 255, 2);
    /** Faces must survive 4 halvings. */
    static final int MIN_SIDE = 1 << (WEIGHTS.length - 1);

    /** Mean MS-SSIM over {@code pairs} random pairs of distinct faces. */
    public record Diversity(double mean, int pairs) {
    }

    private MsSsim() {
    }

    /** MS-SSIM of face {@code i} of {@code a} and face {@code j} of {@code b}. */
    public static double between(FaceSet a, int i, FaceSet b, int j) {
        if (a.side() != b.side()) {
            throw new IllegalArgumentException("MS-SSIM needs faces of one size, got " + a.side() + " and " + b.side() + " px");
        }
        return of(a.pixels(), i * a.faceBytes(), b.pixels(), j * b.faceBytes(), a.side());
    }

    /**
     * Mean MS-SSIM over {@code pairs} random pairs of two different faces of {@code faces} (drawn with replacement
     * between pairs). Needs at least two faces.
     */
    public static Diversity diversity(FaceSet faces, int pairs, long seed, CancellationToken cancel) {
        if (faces.count() < 2) {
            throw new IllegalArgumentException("MS-SSIM diversity needs at least 2 faces, got " + faces.count());
        }
        if (pairs < 1) {
            throw new IllegalArgumentException("MS-SSIM diversity needs at least 1 pair, got " + pairs);
        }
        checkSide(faces.side());
        double sum = IntStream.range(0, pairs).parallel().mapToDouble(p -> {
            cancel.throwIfCancelled();
            SplittableRandom rng = new SplittableRandom(Seeds.mix(seed, 5_000_000L + p));
            int i = rng.nextInt(faces.count());
            int j = rng.nextInt(faces.count() - 1);
            if (j >= i) {
                j++;
            }
            return between(faces, i, faces, j);
        }).sum();
        return new Diversity(sum / pairs, pairs);
    }

    private static void checkSide(int side) {
        if (side < MIN_SIDE || side % MIN_SIDE != 0) {
            throw new IllegalArgumentException("MS-SSIM's 5 scales need faces whose side is a multiple of " + MIN_SIDE
                    + " px, got " + side);
        }
    }

    /** MS-SSIM of two packed RGB images of {@code side x side}. */
    static double of(byte[] a, int offA, byte[] b, int offB, int side) {
        checkSide(side);
        int n = side * side * 3;
        float[] x = new float[n];
        float[] y = new float[n];
        for (int k = 0; k < n; k++) {
            x[k] = a[offA + k] & 0xff;
            y[k] = b[offB + k] & 0xff;
        }
        double result = 1;
        int s = side;
        for (int scale = 0; scale < WEIGHTS.length; scale++) {
            double[] ssimCs = ssimAndContrastStructure(x, y, s);
            double value = Math.max(0, scale == WEIGHTS.length - 1 ? ssimCs[0] : ssimCs[1]);
            result *= Math.pow(value, WEIGHTS[scale]);
            if (scale < WEIGHTS.length - 1) {
                x = halve(x, s);
                y = halve(y, s);
                s /= 2;
            }
        }
        return result;
    }

    /** Mean SSIM and mean contrast-structure term over the valid window positions and channels. */
    private static double[] ssimAndContrastStructure(float[] x, float[] y, int side) {
        int size = Math.min(FILTER, side);
        double[] w = gaussian1d(size, size * SIGMA / FILTER);
        int out = side - size + 1;
        int plane = side * side;
        double[] moments = new double[5 * plane];
        double ssim = 0;
        double cs = 0;
        for (int c = 0; c < 3; c++) {
            for (int p = 0; p < plane; p++) {
                double px = x[3 * p + c];
                double py = y[3 * p + c];
                moments[p] = px;
                moments[plane + p] = py;
                moments[2 * plane + p] = px * px;
                moments[3 * plane + p] = py * py;
                moments[4 * plane + p] = px * py;
            }
            double[] f = filterValid(moments, 5, side, w);
            int op = out * out;
            for (int p = 0; p < op; p++) {
                double mx = f[p];
                double my = f[op + p];
                double v1 = 2 * (f[4 * op + p] - mx * my) + C2;
                double v2 = (f[2 * op + p] - mx * mx) + (f[3 * op + p] - my * my) + C2;
                ssim += (2 * mx * my + C1) * v1 / ((mx * mx + my * my + C1) * v2);
                cs += v1 / v2;
            }
        }
        double count = (double) out * out * 3;
        return new double[] {ssim / count, cs / count};
    }

    /** Separable "valid" filtering of {@code maps} planes of side x side with the outer product of {@code w}. */
    private static double[] filterValid(double[] planes, int maps, int side, double[] w) {
        int size = w.length;
        int out = side - size + 1;
        double[] rows = new double[side * out];
        double[] result = new double[maps * out * out];
        for (int m = 0; m < maps; m++) {
            int base = m * side * side;
            for (int yy = 0; yy < side; yy++) {
                for (int xx = 0; xx < out; xx++) {
                    double s = 0;
                    for (int k = 0; k < size; k++) {
                        s += w[k] * planes[base + yy * side + xx + k];
                    }
                    rows[yy * out + xx] = s;
                }
            }
            for (int yy = 0; yy < out; yy++) {
                for (int xx = 0; xx < out; xx++) {
                    double s = 0;
                    for (int k = 0; k < size; k++) {
                        s += w[k] * rows[(yy + k) * out + xx];
                    }
                    result[m * out * out + yy * out + xx] = s;
                }
            }
        }
        return result;
    }

    /**
     * One axis of the reference's normalised Gaussian window (_FSpecialGauss, half-pixel offset for even sizes); the
     * 2D window is its outer product, since exp(-(u^2+v^2)/2s^2) factorises and so does its sum.
     */
    static double[] gaussian1d(int size, double sigma) {
        double offset = size % 2 == 0 ? 0.5 : 0;
        int radius = size / 2;
        double[] g = new double[size];
        double sum = 0;
        for (int i = 0; i < size; i++) {
            double u = offset - radius + i;
            g[i] = Math.exp(-(u * u) / (2 * sigma * sigma));
            sum += g[i];
        }
        for (int k = 0; k < size; k++) {
            g[k] /= sum;
        }
        return g;
    }

    /** 2x2 box average (the reference's _HoxDownsample). */
    private static float[] halve(float[] img, int side) {
        int h = side / 2;
        float[] out = new float[h * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < h; x++) {
                for (int c = 0; c < 3; c++) {
                    int p = ((2 * y) * side + 2 * x) * 3 + c;
                    out[(y * h + x) * 3 + c] = (img[p] + img[p + 3] + img[p + 3 * side] + img[p + 3 * side + 3]) * 0.25f;
                }
            }
        }
        return out;
    }
}
