package org.ganbench.common;

import java.util.Arrays;

/**
 * All points of one curve in primitive arrays (100,000 points are 2.4 MB, not 100,000 chart nodes), with an
 * exponentially smoothed copy kept up to date as points arrive. NaN values are kept as gaps and skipped by smoothing.
 */
public final class SeriesBuffer {
    private final double smoothing;
    private double[] x = new double[1024];
    private double[] y = new double[1024];
    private double[] smooth = new double[1024];
    private int size;
    private double ema;
    private double emaWeight;

    /** @param smoothing EMA weight of the past in [0, 1); 0 disables smoothing */
    public SeriesBuffer(double smoothing) {
        if (!(smoothing >= 0 && smoothing < 1)) {
            throw new IllegalArgumentException("smoothing must be in [0, 1), was " + smoothing);
        }
        this.smoothing = smoothing;
    }

    public void append(double px, double py) {
        if (size == x.length) {
            int capacity = x.length * 2;
            x = Arrays.copyOf(x, capacity);
            y = Arrays.copyOf(y, capacity);
            smooth = Arrays.copyOf(smooth, capacity);
        }
        x[size] = px;
        y[size] = py;
        if (!Double.isNaN(py)) {
            // Debiased EMA (as TensorBoard's): early points are not pulled towards zero.
            ema = smoothing * ema + (1 - smoothing) * py;
            emaWeight = smoothing * emaWeight + (1 - smoothing);
            smooth[size] = ema / emaWeight;
        } else {
            smooth[size] = Double.NaN;
        }
        size++;
    }

    public int size() {
        return size;
    }

    public double x(int i) {
        return x[i];
    }

    public double y(int i) {
        return y[i];
    }

    public double smoothed(int i) {
        return smooth[i];
    }

    /** The raw values, shared (read only, first {@link #size()} valid). */
    public double[] xs() {
        return x;
    }

    public double[] ys() {
        return y;
    }

    public double[] smoothedYs() {
        return smooth;
    }

    /** The last value, or NaN when empty. */
    public double lastY() {
        return size == 0 ? Double.NaN : y[size - 1];
    }

    public void clear() {
        size = 0;
        ema = 0;
        emaWeight = 0;
    }
}
