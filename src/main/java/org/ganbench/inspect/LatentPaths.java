package org.ganbench.inspect;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.ganbench.train.ImageGenerator;
import org.ganbench.train.LatentNoise;

/**
 * Paths through a generator's latent space (vectors uniform in [-1, 1]^latent, see {@link LatentNoise}), for looking
 * inside a generator: interpolations between two vectors and walks along a direction. All vectors are laid out row
 * after row, as {@link ImageGenerator#generate} takes them.
 *
 * <p>Linear interpolation is the default: the noise is uniform in a cube, and a straight line between two points of
 * the cube stays inside it, so every step is a vector of the kind the generator was trained on. Spherical
 * interpolation (slerp) keeps the length of the vectors instead (the midpoint of a straight line is about 30% shorter
 * than typical noise, where the cube holds little mass), but it can leave the cube; it is the option.
 */
public final class LatentPaths {
    /** The range of every noise coordinate. */
    public static final float NOISE_LIMIT = 1f;

    private LatentPaths() {
    }

    /** Vector {@code index} of those {@code seed} draws: the same as row {@code index} of {@link LatentNoise#uniform}. */
    public static float[] noiseVector(long seed, int index, int latent) {
        if (index < 0) {
            throw new IllegalArgumentException("sample index must be 0 or more, was " + index);
        }
        // LatentNoise draws row after row, so the first rows do not depend on how many are drawn.
        return Arrays.copyOfRange(LatentNoise.uniform(seed, index + 1, latent), index * latent, (index + 1) * latent);
    }

    /**
     * {@code steps} vectors from {@code from} (step 0) to {@code to} (the last step, exactly), evenly spaced in the
     * interpolation parameter, along a straight line or, with {@code spherical}, a great circle (slerp, with the
     * length interpolated linearly).
     */
    public static float[] interpolate(float[] from, float[] to, int steps, boolean spherical) {
        requireSameLength(from, to);
        if (steps < 2) {
            throw new IllegalArgumentException("an interpolation needs at least 2 steps, was " + steps);
        }
        int n = from.length;
        float[] path = new float[steps * n];
        double omega = spherical ? angle(from, to) : 0;
        for (int s = 0; s < steps; s++) {
            double t = (double) s / (steps - 1);
            double wFrom;
            double wTo;
            if (s == 0 || s == steps - 1) {
                // the endpoints themselves, not a rounding of them
                System.arraycopy(s == 0 ? from : to, 0, path, s * n, n);
                continue;
            }
            if (Math.sin(omega) < 1e-6) { // (anti)parallel vectors: no unique great circle
                wFrom = 1 - t;
                wTo = t;
            } else {
                // slerp of the directions, with the lengths blended linearly
                double scale = ((1 - t) * norm(from) + t * norm(to));
                wFrom = Math.sin((1 - t) * omega) / Math.sin(omega) / norm(from) * scale;
                wTo = Math.sin(t * omega) / Math.sin(omega) / norm(to) * scale;
            }
            for (int i = 0; i < n; i++) {
                path[s * n + i] = (float) (wFrom * from[i] + wTo * to[i]);
            }
        }
        return path;
    }

    /**
     * {@code steps} vectors {@code base + k * stepSize * direction}, k = 0, 1, ..., each coordinate clamped to the
     * noise range [-1, 1] when {@code clamp} (step 0 is {@code base} itself either way, as noise lies in that range).
     */
    public static float[] walk(float[] base, float[] direction, double stepSize, int steps, boolean clamp) {
        requireSameLength(base, direction);
        if (steps < 1) {
            throw new IllegalArgumentException("a walk needs at least 1 step, was " + steps);
        }
        if (!Double.isFinite(stepSize)) {
            throw new IllegalArgumentException("the step size must be a finite number, was " + stepSize);
        }
        int n = base.length;
        float[] path = new float[steps * n];
        System.arraycopy(base, 0, path, 0, n);
        for (int k = 1; k < steps; k++) {
            for (int i = 0; i < n; i++) {
                float v = (float) (base[i] + k * stepSize * direction[i]);
                path[k * n + i] = clamp ? Math.max(-NOISE_LIMIT, Math.min(NOISE_LIMIT, v)) : v;
            }
        }
        return path;
    }

    /** A direction of unit length drawn uniformly from the sphere, reproducible from {@code seed}. */
    public static float[] randomDirection(long seed, int latent) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] g = new double[latent];
        for (int i = 0; i < latent; i++) {
            g[i] = gaussian(random);
        }
        return unit(g);
    }

    /** The unit direction from {@code from} to {@code to}; refuses equal vectors (no direction). */
    public static float[] directionBetween(float[] from, float[] to) {
        requireSameLength(from, to);
        double[] d = new double[from.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = (double) to[i] - from[i];
        }
        return unit(d);
    }

    private static float[] unit(double[] v) {
        double length = 0;
        for (double x : v) {
            length += x * x;
        }
        length = Math.sqrt(length);
        if (length == 0) {
            throw new IllegalArgumentException("the two latent vectors are equal: they give no direction");
        }
        float[] u = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            u[i] = (float) (v[i] / length);
        }
        return u;
    }

    /** Box-Muller, from a SplittableRandom so that the direction does not depend on java.util.Random's state. */
    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble(); // (0, 1]: no log(0)
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static double angle(float[] a, float[] b) {
        double na = norm(a);
        double nb = norm(b);
        if (na == 0 || nb == 0) {
            return 0;
        }
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
        }
        return Math.acos(Math.max(-1, Math.min(1, dot / (na * nb))));
    }

    private static double norm(float[] v) {
        double s = 0;
        for (float x : v) {
            s += (double) x * x;
        }
        return Math.sqrt(s);
    }

    private static void requireSameLength(float[] a, float[] b) {
        if (a.length != b.length || a.length == 0) {
            throw new IllegalArgumentException("latent vectors of different or zero length: " + a.length + " and "
                    + b.length);
        }
    }
}
