package org.ganbench.model;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Spectral normalisation of one weight (Miyato et al.; chainer-gan-lib's SNConvolution2D/SNLinear): the weight,
 * read as a matrix {@code [out, rest]}, is divided by sigma = u^T W v, its largest singular value estimated by power
 * iteration with a vector u that persists across calls. As in chainer, every training-mode forward pass runs one
 * iteration (a chainer stdgan step calls D three times, so u moves three times), and each pass keeps the estimate
 * it computed with: its backward pass must use that pass's u, v and sigma.
 */
final class SpectralNorm {
    /** chainer's _l2normalize adds this to the norm. */
    private static final double EPS = 1e-12;
    private final INDArray weight;
    private final INDArray u;

    /**
     * What one forward pass computed with. u and v are constants for the gradient, so
     * dL/dW = (dL/dW_sn - &lt;dL/dW_sn, W_sn&gt; u v^T) / sigma.
     *
     * @param u the left vector after this pass's iteration, {@code [out, 1]} (a copy: later passes move u on)
     * @param v the right vector, {@code [rest, 1]}
     */
    record Estimate(INDArray normalised, INDArray u, INDArray v, double sigma) {
        /** Turns the gradient with respect to the normalised weight (in place) into the one with respect to W. */
        void correctGradient(INDArray gradient) {
            long start = OpProfile.begin();
            double inner = Nd4j.getBlasWrapper().dot(flat(gradient), flat(normalised));
            // one BLAS call: g = (g - inner u v^T) / sigma
            Nd4j.gemm(u, v, matrix(gradient), false, true, -inner / sigma, 1 / sigma);
            profiled(start, "gradient correction", normalised);
        }
    }

    /** {@code u} is the persistent vector (length out), a live view into the network's buffers. */
    SpectralNorm(INDArray weight, INDArray u) {
        this.weight = weight;
        this.u = u;
    }

    private static INDArray matrix(INDArray a) {
        return a.reshape('c', a.size(0), a.length() / a.size(0));
    }

    private static INDArray flat(INDArray a) {
        return a.reshape(a.length());
    }

    /**
     * One power-iteration step that moves the persistent u on (training), then sigma and the normalised weight. The
     * vector arithmetic runs in Java on one copy of W: as ND4J ops, a dozen calls on vectors of at most 8192 entries
     * cost more in overhead than the arithmetic (about 4 ms a layer, 12% of an SNGAN step at ch 128).
     */
    Estimate iterate() {
        long start = OpProfile.begin();
        double[] w = values(weight);
        double[] v = unit(transposedProduct(w, values(u)));
        double[] wv = product(w, v);
        double[] uNew = unit(wv.clone());
        u.assign(column(uNew, u.dataType()).reshape(u.shape()));
        Estimate estimate = estimate(uNew, v, wv);
        profiled(start, "power iteration", weight);
        return estimate;
    }

    /** The estimate from u as it stands, leaving u unchanged (inference: no pass may change the network). */
    Estimate current() {
        double[] w = values(weight);
        double[] uNow = values(u);
        double[] v = unit(transposedProduct(w, uNow));
        return estimate(uNow, v, product(w, v));
    }

    /** sigma = u^T (W v), given W v. */
    private Estimate estimate(double[] uColumn, double[] v, double[] wv) {
        double sigma = 0;
        for (int i = 0; i < uColumn.length; i++) {
            sigma += uColumn[i] * wv[i];
        }
        return new Estimate(weight.div(sigma), column(uColumn, weight.dataType()), column(v, weight.dataType()), sigma);
    }

    private static INDArray column(double[] values, DataType dataType) {
        return Nd4j.createFromArray(values).castTo(dataType).reshape(values.length, 1);
    }

    /**
     * The entries of a c-ordered array (a view into the network's parameters) in a Java array, read from its native
     * buffer: ND4J's toDoubleVector converts one entry per call, 50 times slower at 131,072 entries.
     */
    private static double[] values(INDArray a) {
        if (!Layout.isDense(a)) {
            throw new IllegalArgumentException("not a contiguous c-ordered array");
        }
        int offset = (int) a.offset();
        double[] out = new double[(int) a.length()];
        if (a.dataType() == DataType.DOUBLE) {
            a.data().asNioDouble().position(offset).get(out);
        } else if (a.dataType() == DataType.FLOAT) {
            float[] f = new float[out.length];
            a.data().asNioFloat().position(offset).get(f);
            for (int i = 0; i < f.length; i++) {
                out[i] = f[i];
            }
        } else {
            throw new IllegalArgumentException("spectral norm of " + a.dataType());
        }
        return out;
    }

    /** W^T x for W {@code [x.length, rest]} stored row by row in {@code w}. */
    private static double[] transposedProduct(double[] w, double[] x) {
        int rest = w.length / x.length;
        double[] out = new double[rest];
        for (int i = 0; i < x.length; i++) {
            double xi = x[i];
            int row = i * rest;
            for (int j = 0; j < rest; j++) {
                out[j] += xi * w[row + j];
            }
        }
        return out;
    }

    /** W x for W {@code [w.length / x.length, x.length]} stored row by row in {@code w}. */
    private static double[] product(double[] w, double[] x) {
        double[] out = new double[w.length / x.length];
        for (int i = 0; i < out.length; i++) {
            double sum = 0;
            int row = i * x.length;
            for (int j = 0; j < x.length; j++) {
                sum += w[row + j] * x[j];
            }
            out[i] = sum;
        }
        return out;
    }

    /** Divides in place by the L2 norm plus chainer's eps. */
    private static double[] unit(double[] a) {
        double squares = 0;
        for (double value : a) {
            squares += value * value;
        }
        double norm = Math.sqrt(squares) + EPS;
        for (int i = 0; i < a.length; i++) {
            a[i] /= norm;
        }
        return a;
    }

    private static void profiled(long start, String pass, INDArray weight) {
        if (start != OpProfile.OFF) {
            OpProfile.end(start, pass, "spectral norm", java.util.Arrays.toString(weight.shape()), 0);
        }
    }
}
