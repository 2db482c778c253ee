package org.ganbench.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Spectral normalisation of one weight (Miyato et al.; chainer-gan-lib's SNConvolution2D/SNLinear): the weight,
 * read as a matrix {@code [out, rest]}, is divided by sigma = u^T W v, its largest singular value estimated by power
 * iteration with a vector u that persists across training steps. u and v are constants for the gradient, so
 * dL/dW = (dL/dW_sn - <dL/dW_sn, W_sn> u v^T) / sigma.
 */
final class SpectralNorm {
    private final INDArray weight;
    private final INDArray u;
    private INDArray v;
    private double sigma = Double.NaN;
    private INDArray normalised;

    /** {@code u} is the persistent vector (length out), a live view into the network's buffers. */
    SpectralNorm(INDArray weight, INDArray u) {
        this.weight = weight;
        this.u = u;
    }

    private INDArray matrix(INDArray a) {
        return a.reshape('c', a.size(0), a.length() / a.size(0));
    }

    /** One power-iteration step, then sigma and the normalised weight. */
    INDArray normalise() {
        long start = OpProfile.begin();
        INDArray w = matrix(weight);
        INDArray col = u.reshape(u.length(), 1);
        INDArray vNew = w.transpose().mmul(col);
        vNew.divi(vNew.norm2Number().doubleValue() + 1e-12);
        INDArray uNew = w.mmul(vNew);
        uNew.divi(uNew.norm2Number().doubleValue() + 1e-12);
        u.assign(uNew.reshape(u.shape()));
        v = vNew;
        sigma = u.reshape(1, u.length()).mmul(w).mmul(v).getDouble(0);
        normalised = weight.div(sigma);
        profiled(start, "power iteration");
        return normalised;
    }

    /** The weight the layer computes with (valid after {@link #normalise}). */
    INDArray normalised() {
        return normalised;
    }

    /** The right singular vector estimate of the last step, {@code [rest, 1]}. */
    INDArray v() {
        return v;
    }

    double sigma() {
        return sigma;
    }

    /** Turns the gradient with respect to the normalised weight (in place) into the one with respect to the weight. */
    void correctGradient(INDArray gradient) {
        long start = OpProfile.begin();
        double inner = gradient.mul(normalised).sumNumber().doubleValue();
        INDArray g = matrix(gradient);
        g.subi(u.reshape(u.length(), 1).mmul(v.transpose()).muli(inner));
        g.divi(sigma);
        profiled(start, "gradient correction");
    }

    private void profiled(long start, String pass) {
        if (start != OpProfile.OFF) {
            OpProfile.end(start, pass, "spectral norm", java.util.Arrays.toString(weight.shape()), 0);
        }
    }
}
