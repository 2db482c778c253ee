package org.ganbench.common;

/**
 * A small seeded random generator (SplitMix64) whose whole state is one long, so that it can be saved in a checkpoint
 * and a resumed run draws exactly the numbers the uninterrupted run would have drawn. Not thread-safe.
 */
public final class ReproducibleRandom {
    private static final double UNIT_53 = 0x1.0p-53;
    private static final float UNIT_24 = 0x1.0p-24f;
    private long state;

    public ReproducibleRandom(long seed) {
        this.state = seed;
    }

    /** The complete state; {@code new ReproducibleRandom(r.state())} continues where r stands. */
    public long state() {
        return state;
    }

    public void setState(long state) {
        this.state = state;
    }

    public long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return (nextLong() >>> 11) * UNIT_53;
    }

    /** Uniform in [0, 1) with float resolution. */
    public float nextFloat() {
        return (nextLong() >>> 40) * UNIT_24;
    }

    /** Standard normal (Box-Muller; one value per call, so the state advances the same way every time). */
    public double nextGaussian() {
        double u1 = 1.0 - nextDouble();
        double u2 = nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** {@code n} floats uniform in [lo, hi). */
    public float[] uniform(int n, float lo, float hi) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = lo + (hi - lo) * nextFloat();
        }
        return out;
    }
}
