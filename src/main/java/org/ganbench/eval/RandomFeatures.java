package org.ganbench.eval;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.ganbench.common.CancellationToken;
import org.ganbench.common.ProgressListener;
import org.ganbench.dataset.FaceSet;

/**
 * A randomly initialised, never trained CNN used as a feature extractor (Lee et al., arXiv 2208.09218: random
 * networks give FID-like distances without downloaded weights). Four 3x3 stride-2 convolutions with ReLU
 * (3 -> 32 -> 64 -> 128 -> 256 channels, 64 px -> 4 px) and a global average: 256 features per face. The weights
 * are He-normal from a fixed seed, so features, and every distance computed on them, are comparable across runs and
 * machines. Inputs are scaled to [-1, 1].
 */
public final class RandomFeatures {
    /** Fixed forever: changing it changes every random-network figure ever recorded. */
    private static final long WEIGHT_SEED = 2208_09218L;
    private static final int[] CHANNELS = {3, 32, 64, 128, 256};
    private static final int K = 3;
    /** Number of features per face. */
    public static final int DIM = CHANNELS[CHANNELS.length - 1];

    /**
     * Weights per layer: one row of output-channel weights per (ky, kx, cin), so that the innermost loop is a
     * whole-array update that the JIT vectorises.
     */
    private static final float[][][] WEIGHTS = initialWeights();

    private RandomFeatures() {
    }

    private static float[][][] initialWeights() {
        SplittableRandom rng = new SplittableRandom(WEIGHT_SEED);
        float[][][] w = new float[CHANNELS.length - 1][][];
        for (int l = 0; l < w.length; l++) {
            int fanIn = K * K * CHANNELS[l];
            double std = Math.sqrt(2.0 / fanIn);
            w[l] = new float[fanIn][CHANNELS[l + 1]];
            for (float[] row : w[l]) {
                for (int co = 0; co < row.length; co++) {
                    row[co] = (float) (rng.nextGaussian() * std);
                }
            }
        }
        return w;
    }

    /** Features of every face: {@code count x DIM} floats, row-major. */
    public static float[] extract(FaceSet faces, ProgressListener progress, CancellationToken cancel) {
        float[] out = new float[faces.count() * DIM];
        AtomicInteger done = new AtomicInteger();
        IntStream.range(0, faces.count()).parallel().forEach(i -> {
            cancel.throwIfCancelled();
            float[] f = of(faces.pixels(), i * faces.faceBytes(), faces.side());
            System.arraycopy(f, 0, out, i * DIM, DIM);
            int n = done.incrementAndGet();
            if (n % 128 == 0 || n == faces.count()) {
                progress.progress(n, faces.count(), "random-network features");
            }
        });
        return out;
    }

    /** Features of one packed RGB face. */
    static float[] of(byte[] rgb, int offset, int side) {
        float[] x = new float[side * side * 3];
        for (int k = 0; k < x.length; k++) {
            x[k] = (rgb[offset + k] & 0xff) / 127.5f - 1f;
        }
        int s = side;
        for (int l = 0; l < WEIGHTS.length; l++) {
            x = convStride2Relu(x, s, CHANNELS[l], CHANNELS[l + 1], WEIGHTS[l]);
            s = (s + 1) / 2;
        }
        float[] features = new float[DIM];
        int pixels = s * s;
        for (int p = 0; p < pixels; p++) {
            for (int c = 0; c < DIM; c++) {
                features[c] += x[p * DIM + c];
            }
        }
        for (int c = 0; c < DIM; c++) {
            features[c] /= pixels;
        }
        return features;
    }

    /** 3x3 convolution, stride 2, zero padding 1, then ReLU; images in HWC layout. */
    private static float[] convStride2Relu(float[] in, int side, int cin, int cout, float[][] w) {
        int outSide = (side + 1) / 2;
        float[] out = new float[outSide * outSide * cout];
        float[] acc = new float[cout];
        for (int oy = 0; oy < outSide; oy++) {
            for (int ox = 0; ox < outSide; ox++) {
                java.util.Arrays.fill(acc, 0f);
                for (int ky = 0; ky < K; ky++) {
                    int iy = 2 * oy + ky - 1;
                    if (iy < 0 || iy >= side) {
                        continue;
                    }
                    for (int kx = 0; kx < K; kx++) {
                        int ix = 2 * ox + kx - 1;
                        if (ix < 0 || ix >= side) {
                            continue;
                        }
                        int inBase = (iy * side + ix) * cin;
                        int wBase = (ky * K + kx) * cin;
                        for (int ci = 0; ci < cin; ci++) {
                            float v = in[inBase + ci];
                            float[] row = w[wBase + ci];
                            for (int co = 0; co < acc.length; co++) {
                                acc[co] += v * row[co];
                            }
                        }
                    }
                }
                int o = (oy * outSide + ox) * cout;
                for (int co = 0; co < cout; co++) {
                    out[o + co] = Math.max(0f, acc[co]);
                }
            }
        }
        return out;
    }
}
