package org.ganbench.common;

/**
 * Reduces a curve to at most about {@code 2 * buckets} points for display without losing its envelope: the x range is
 * cut into equal buckets (one per pixel column), and each bucket keeps its minimum and its maximum in their original
 * order. Spikes, the thing one looks for in a loss curve, therefore always survive, unlike with plain subsampling.
 * NaN values are skipped. Plain Java, independent of the chart library.
 */
public final class MinMaxDecimator {
    private MinMaxDecimator() {
    }

    /** Decimated points: parallel arrays {@code x} and {@code y} of equal length. */
    public record Points(double[] x, double[] y) {
        public int size() {
            return x.length;
        }
    }

    /**
     * Decimates the first {@code n} points of ({@code xs}, {@code ys}); xs must be non-decreasing. When there are no
     * more points than {@code 2 * buckets}, they are returned unchanged (minus NaNs).
     */
    public static Points decimate(double[] xs, double[] ys, int n, int buckets) {
        if (buckets < 1) {
            throw new IllegalArgumentException("buckets must be at least 1");
        }
        double[] outX = new double[Math.min(n, 2 * buckets + 2)];
        double[] outY = new double[outX.length];
        int out = 0;
        if (n <= 2 * buckets) {
            for (int i = 0; i < n; i++) {
                if (!Double.isNaN(ys[i])) {
                    outX[out] = xs[i];
                    outY[out++] = ys[i];
                }
            }
            return new Points(java.util.Arrays.copyOf(outX, out), java.util.Arrays.copyOf(outY, out));
        }
        double x0 = xs[0];
        double width = (xs[n - 1] - x0) / buckets;
        int i = 0;
        for (int b = 0; b < buckets && i < n; b++) {
            double end = b == buckets - 1 ? Double.POSITIVE_INFINITY : x0 + (b + 1) * width;
            int minAt = -1;
            int maxAt = -1;
            for (; i < n && (xs[i] < end || width == 0); i++) {
                if (Double.isNaN(ys[i])) {
                    continue;
                }
                if (minAt < 0 || ys[i] < ys[minAt]) {
                    minAt = i;
                }
                if (maxAt < 0 || ys[i] > ys[maxAt]) {
                    maxAt = i;
                }
            }
            if (minAt < 0) {
                continue;
            }
            int first = Math.min(minAt, maxAt);
            int second = Math.max(minAt, maxAt);
            outX[out] = xs[first];
            outY[out++] = ys[first];
            if (second != first) {
                outX[out] = xs[second];
                outY[out++] = ys[second];
            }
        }
        return new Points(java.util.Arrays.copyOf(outX, out), java.util.Arrays.copyOf(outY, out));
    }
}
