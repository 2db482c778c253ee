package org.ganbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ganbench.common.ReproducibleRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Spectral normalisation against an SVD, and its gradient against central finite differences. */
class SpectralNormTest {

    /** Largest singular value by SVD (ND4J's gesvd) in float64. */
    private static double largestSingularValue(INDArray w) {
        INDArray m = w.reshape(w.size(0), w.length() / w.size(0)).castTo(DataType.DOUBLE).dup();
        INDArray s = Nd4j.create(DataType.DOUBLE, Math.min(m.rows(), m.columns()));
        Nd4j.getBlasWrapper().lapack().gesvd(m, s, null, null);
        return s.maxNumber().doubleValue();
    }

    @Test
    void sigmaConvergesToTheLargestSingularValueAndNormalisedWeightsHaveNormOne() {
        Discriminator64 d = new Discriminator64(Discriminator64.Kind.SPECTRAL_NORM, 32, DataType.FLOAT);
        d.initialise(new ReproducibleRandom(3));
        for (int layer = 1; layer <= 8; layer++) {
            INDArray w = d.parameters().value("w" + layer);
            SpectralNorm sn = new SpectralNorm(w, d.buffers().value("u" + layer));
            SpectralNorm.Estimate estimate = null;
            for (int i = 0; i < 200; i++) {
                estimate = sn.iterate();
            }
            double svd = largestSingularValue(w);
            assertEquals(svd, estimate.sigma(), 1e-3 * svd, "layer " + layer);
            assertEquals(1.0, largestSingularValue(estimate.normalised()), 1e-3, "layer " + layer);
        }
    }

    @Test
    void oneIterationPerCallTracksTheWeightsAsTheyChange() {
        Discriminator64 d = new Discriminator64(Discriminator64.Kind.SPECTRAL_NORM, 16, DataType.FLOAT);
        d.initialise(new ReproducibleRandom(4));
        INDArray w = d.parameters().value("w3");
        SpectralNorm sn = new SpectralNorm(w, d.buffers().value("u3"));
        SpectralNorm.Estimate estimate = null;
        for (int i = 0; i < 100; i++) {
            w.addi(Nd4j.rand(DataType.FLOAT, w.shape()).subi(0.5).muli(1e-3)); // small updates, as Adam's
            estimate = sn.iterate();
        }
        double svd = largestSingularValue(w);
        assertEquals(svd, estimate.sigma(), 0.02 * svd);
    }

    /**
     * chainer's SNConvolution2D and SNLinear iterate on every call, so a stdgan step (three calls of D) moves u three
     * times; an inference pass moves nothing. Each pass computes with its own estimate.
     */
    @Test
    void everyTrainingPassRunsOnePowerIterationAndInferenceNone() {
        Discriminator64 d = new Discriminator64(Discriminator64.Kind.SPECTRAL_NORM, 16, DataType.DOUBLE);
        d.initialise(new ReproducibleRandom(6));
        INDArray x = Nd4j.rand(DataType.DOUBLE, 1, 3, 64, 64);
        INDArray weightCopy = d.parameters().value("w5").dup();
        INDArray uCopy = d.buffers().value("u5").dup();
        SpectralNorm alone = new SpectralNorm(weightCopy, uCopy);
        for (int pass = 1; pass <= 3; pass++) {
            double sigma = d.forward(x, true).sigma(5);
            SpectralNorm.Estimate expected = alone.iterate();
            assertEquals(expected.sigma(), sigma, 1e-14 * sigma, "pass " + pass);
            assertEquals(0, uCopy.sub(d.buffers().value("u5")).amaxNumber().doubleValue(), 1e-15, "pass " + pass);
        }
        INDArray before = d.buffers().values().dup();
        d.forward(x, false);
        assertEquals(before, d.buffers().values(), "an inference pass leaves u as it was");
    }

    @Test
    void gradientThroughTheNormalisationMatchesCentralDifferences() {
        ReproducibleRandom r = new ReproducibleRandom(5);
        INDArray w = Nd4j.createFromArray(gaussian(r, 6 * 4 * 3 * 3)).reshape(6, 4, 3, 3);
        INDArray u = Nd4j.createFromArray(gaussian(r, 6));
        INDArray loadings = Nd4j.createFromArray(gaussian(r, (int) w.length())).reshape(w.shape());
        SpectralNorm.Estimate estimate = new SpectralNorm(w, u).iterate();
        INDArray uRow = estimate.u().transpose().dup();
        INDArray v = estimate.v().dup();
        // L(W) = sum(loadings * W / sigma(W)), sigma = u^T W v with u, v held constant (as in training)
        INDArray gradient = loadings.dup();
        estimate.correctGradient(gradient);
        double h = 1e-6;
        INDArray flat = w.reshape(w.length());
        double worst = 0;
        for (long i = 0; i < w.length(); i += 7) {
            double original = flat.getDouble(i);
            flat.putScalar(i, original + h);
            double plus = loss(w, loadings, uRow, v);
            flat.putScalar(i, original - h);
            double minus = loss(w, loadings, uRow, v);
            flat.putScalar(i, original);
            double numeric = (plus - minus) / (2 * h);
            double exact = gradient.reshape(w.length()).getDouble(i);
            worst = Math.max(worst, Math.abs(numeric - exact) / Math.max(1e-9, Math.abs(numeric)));
        }
        assertTrue(worst < 1e-6, "largest relative error " + worst);
    }

    private static double loss(INDArray w, INDArray loadings, INDArray u, INDArray v) {
        double sigma = u.mmul(w.reshape(w.size(0), w.length() / w.size(0))).mmul(v).getDouble(0);
        return loadings.mul(w).sumNumber().doubleValue() / sigma;
    }

    private static double[] gaussian(ReproducibleRandom r, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextGaussian();
        }
        return v;
    }
}
