package org.ganbench.train;

import java.util.SplittableRandom;

/** Latent vectors drawn uniform in [-1, 1], reproducible from a seed. */
public final class LatentNoise {
    private LatentNoise() {
    }

    /** {@code count} vectors of {@code latent} floats, row after row. */
    public static float[] uniform(long seed, int count, int latent) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] z = new float[count * latent];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) (2 * random.nextDouble() - 1);
        }
        return z;
    }
}
