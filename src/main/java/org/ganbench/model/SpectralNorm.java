package org.ganbench.model;

import org.nd4j.linalg.api.ndarray.INDArray;

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
            double inner = gradient.mul(normalised).sumNumber().doubleValue();
            INDArray g = matrix(gradient);
            g.subi(u.mmul(v.transpose()).muli(inner));
            g.divi(sigma);
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

    private static INDArray unit(INDArray a) {
        return a.divi(a.norm2Number().doubleValue() + EPS);
    }

    /** One power-iteration step that moves the persistent u on (training), then sigma and the normalised weight. */
    Estimate iterate() {
        long start = OpProfile.begin();
        INDArray w = matrix(weight);
        INDArray v = unit(w.transpose().mmul(u.reshape(u.length(), 1)));
        INDArray uNew = unit(w.mmul(v));
        u.assign(uNew.reshape(u.shape()));
        Estimate estimate = estimate(w, uNew, v);
        profiled(start, "power iteration", weight);
        return estimate;
    }

    /** The estimate from u as it stands, leaving u unchanged (inference: no pass may change the network). */
    Estimate current() {
        INDArray w = matrix(weight);
        INDArray uColumn = u.reshape(u.length(), 1).dup();
        return estimate(w, uColumn, unit(w.transpose().mmul(uColumn)));
    }

    private Estimate estimate(INDArray w, INDArray uColumn, INDArray v) {
        double sigma = uColumn.transpose().mmul(w).mmul(v).getDouble(0);
        return new Estimate(weight.div(sigma), uColumn, v, sigma);
    }

    private static void profiled(long start, String pass, INDArray weight) {
        if (start != OpProfile.OFF) {
            OpProfile.end(start, pass, "spectral norm", java.util.Arrays.toString(weight.shape()), 0);
        }
    }
}
