package org.ganbench.train;

import java.util.SplittableRandom;
import org.ganbench.dataset.FaceSet;

/**
 * Serves a FaceSet's bytes as float batches in [-1, 1], NCHW, visiting the faces in a fresh order each epoch. The
 * order of an epoch depends only on (seed, epoch), so the cursor (epoch, position) is all a checkpoint needs to
 * repeat the same batches after a resume. A batch that runs past the end of an epoch continues into the next.
 */
final class ShuffledBatches implements BatchSource {
    /** Byte value to float in [-1, 1]: a table lookup is cheaper than the division per channel. */
    private static final float[] TO_FLOAT = new float[256];

    static {
        for (int v = 0; v < 256; v++) {
            TO_FLOAT[v] = v / 127.5f - 1f;
        }
    }

    private final FaceSet faces;
    private final long seed;
    private long epoch;
    private int position;
    private int[] order;

    ShuffledBatches(FaceSet faces, long seed, long epoch, int position) {
        if (position < 0 || position > faces.count()) {
            throw new IllegalArgumentException("position " + position + " outside an epoch of " + faces.count());
        }
        this.faces = faces;
        this.seed = seed;
        this.epoch = epoch;
        this.position = position;
        this.order = order(epoch);
    }

    long epoch() {
        return epoch;
    }

    int position() {
        return position;
    }

    @Override
    public float[] next(int batchSize) {
        int side = faces.side();
        int plane = side * side;
        int faceBytes = faces.faceBytes();
        byte[] pixels = faces.pixels();
        float[] batch = new float[batchSize * 3 * plane];
        for (int b = 0; b < batchSize; b++) {
            if (position == order.length) {
                epoch++;
                position = 0;
                order = order(epoch);
            }
            int src = order[position++] * faceBytes;
            int dst = b * 3 * plane;
            for (int p = 0; p < plane; p++) {
                int o = src + 3 * p;
                batch[dst + p] = TO_FLOAT[pixels[o] & 0xff];
                batch[dst + plane + p] = TO_FLOAT[pixels[o + 1] & 0xff];
                batch[dst + 2 * plane + p] = TO_FLOAT[pixels[o + 2] & 0xff];
            }
        }
        return batch;
    }

    /** Fisher-Yates permutation of the faces for {@code epoch}, from a generator seeded by (seed, epoch). */
    private int[] order(long forEpoch) {
        int n = faces.count();
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed ^ (forEpoch + 1) * 0x9E3779B97F4A7C15L);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        return perm;
    }
}
