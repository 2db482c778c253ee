package org.ganbench.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ganbench.common.ReproducibleRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Hand-written backward passes against central finite differences, on tiny networks in float64. */
class GradientTest {
    private static final double H = 1e-6;

    /**
     * Weights of std gain / sqrt(fan-in), vectors of std 0.1: activations and the score's input gradient of order 1,
     * so that the check is informative (with N(0, 0.02) a tiny network's gradients are nearly zero).
     */
    private static void randomise(Parameters p, double gain, long seed) {
        ReproducibleRandom r = new ReproducibleRandom(seed);
        for (String name : p.names()) {
            INDArray value = p.value(name);
            double std = value.rank() == 1 ? 0.1 : gain / Math.sqrt(value.length() / (double) value.size(0));
            double[] v = new double[(int) value.length()];
            for (int i = 0; i < v.length; i++) {
                v[i] = std * r.nextGaussian();
            }
            value.assign(Nd4j.createFromArray(v).reshape(value.shape()));
        }
    }

    private static INDArray randomImages(int n, long seed) {
        ReproducibleRandom r = new ReproducibleRandom(seed);
        double[] v = new double[n * 3 * 64 * 64];
        for (int i = 0; i < v.length; i++) {
            v[i] = 2 * r.nextDouble() - 1;
        }
        return Nd4j.createFromArray(v).reshape(n, 3, 64, 64);
    }

    @Test
    void penaltyWeightGradientsMatchCentralDifferences() {
        Discriminator64 d = new Discriminator64(Discriminator64.Kind.PLAIN, 8, DataType.DOUBLE);
        randomise(d.parameters(), 1.5, 1);
        INDArray x = randomImages(2, 2);
        double lambda = 10;
        d.parameters().zeroGradients();
        double value = d.addPenaltyGradient(d.forward(x, true), lambda);
        INDArray analytic = d.parameters().gradients().dup();
        double worst = FiniteDifferences.maxRelativeError(d.parameters(), analytic, d.parameters().names(),
                () -> penalty(d, x, lambda), 2, H, 3);
        assertEquals(penalty(d, x, lambda), value, 1e-12 * Math.abs(value));
        assertTrue(worst < 1e-6, "largest relative error " + worst);
    }

    /** The penalty recomputed independently: input gradient by finite differences is too coarse, so by backward(). */
    private static double penalty(Discriminator64 d, INDArray x, double lambda) {
        Discriminator64.Trace t = d.forward(x, true);
        INDArray g = d.backward(t, Nd4j.ones(DataType.DOUBLE, x.size(0), 1), false, 0);
        INDArray norms = g.reshape(x.size(0), g.length() / x.size(0)).norm2(1);
        INDArray excess = norms.sub(1);
        return lambda * excess.mul(excess).meanNumber().doubleValue();
    }

    @Test
    void inputGradientOfTheScoreMatchesCentralDifferences() {
        Discriminator64 d = new Discriminator64(Discriminator64.Kind.PLAIN, 8, DataType.DOUBLE);
        randomise(d.parameters(), 1.5, 4);
        INDArray x = randomImages(1, 5);
        INDArray g = d.backward(d.forward(x, true), Nd4j.ones(DataType.DOUBLE, 1, 1), false, 0);
        INDArray flat = x.reshape(x.length());
        for (long i : new long[] {0, 777, 5000, 12287}) {
            double original = flat.getDouble(i);
            flat.putScalar(i, original + H);
            double plus = d.forward(x, true).score().getDouble(0);
            flat.putScalar(i, original - H);
            double minus = d.forward(x, true).score().getDouble(0);
            flat.putScalar(i, original);
            double numeric = (plus - minus) / (2 * H);
            assertEquals(numeric, g.reshape(g.length()).getDouble(i), 1e-6 * Math.max(1e-3, Math.abs(numeric)));
        }
    }

    @Test
    void inputGradientOfTheLastRowsIsTheTailOfTheWholeOne() {
        Discriminator64 d = new Discriminator64(Discriminator64.Kind.PLAIN, 8, DataType.DOUBLE);
        randomise(d.parameters(), 1.5, 9);
        INDArray x = randomImages(4, 10);
        INDArray weights = Nd4j.createFromArray(new double[][] {{0.3}, {-1.1}, {0.7}, {2.0}});
        Discriminator64.Trace t = d.forward(x, true);
        INDArray whole = d.backward(t, weights, false, 0);
        INDArray tail = d.backward(t, weights, false, 2);
        assertArrayEquals(new long[] {2, 3, 64, 64}, tail.shape());
        assertEquals(0, whole.get(NDArrayIndex.interval(2, 4)).sub(tail).amaxNumber().doubleValue(),
                1e-12 * whole.amaxNumber().doubleValue());
    }

    @Test
    void discriminatorLossGradientsMatchCentralDifferences() {
        for (Discriminator64.Kind kind : List.of(Discriminator64.Kind.PLAIN, Discriminator64.Kind.BATCH_NORM)) {
            Discriminator64 d = new Discriminator64(kind, 8, DataType.DOUBLE);
            randomise(d.parameters(), 1.5, 6);
            INDArray x = randomImages(3, 7);
            INDArray weights = Nd4j.createFromArray(new double[][] {{0.3}, {-1.1}, {0.7}});
            d.parameters().zeroGradients();
            assertNull(d.backward(d.forward(x, true), weights, true, x.size(0)), "no input gradient asked for");
            INDArray analytic = d.parameters().gradients().dup();
            double worst = FiniteDifferences.maxRelativeError(d.parameters(), analytic, d.parameters().names(),
                    () -> d.forward(x, true).score().mul(weights).sumNumber().doubleValue(), 2, H, 8);
            assertTrue(worst < 1e-6, kind + ": largest relative error " + worst);
        }
    }

    @Test
    void generatorGradientsMatchCentralDifferences() {
        Generator64 g = new Generator64(16, DataType.DOUBLE);
        randomise(g.parameters(), 1.0, 9);
        ReproducibleRandom r = new ReproducibleRandom(10);
        INDArray z = Nd4j.createFromArray(r.uniform(3 * 128, -1, 1)).reshape(3, 128).castTo(DataType.DOUBLE);
        INDArray weights = randomImages(3, 11);
        g.parameters().zeroGradients();
        g.backward(g.forwardTraining(z), weights);
        INDArray analytic = g.parameters().gradients().dup();
        Generator64.Trace[] last = new Generator64.Trace[1];
        // The biases in front of a batch norm have an exact gradient of zero, of which libnd4j's float64 batchnorm_bp
        // leaves rounding noise at 3 samples a channel (see BatchNorm); the ones that matter are the output layer's.
        List<String> checked = g.parameters().names().stream().filter(n -> !n.matches("b[0-3]")).toList();
        double worst = FiniteDifferences.maxRelativeError(g.parameters(), analytic, checked, () -> {
            last[0] = g.forwardTraining(z);
            return last[0].image().mul(weights).sumNumber().doubleValue();
        }, () -> last[0].reluPattern(), 2, H, 12);
        // BN over 3 samples and tanh make the central difference itself accurate only to about 1e-5 here
        assertTrue(worst < 1e-4, "largest relative error " + worst);
    }

    /**
     * The whole spectral-norm discriminator, every weight's correction through sigma included. Training treats the
     * power iteration's u and v as constants; at the iteration's fixed point (u, v the top singular vectors) that
     * is the exact gradient of W / ||W||_2, because sigma is stationary in u and v there. So u is first iterated to
     * convergence, and the loss is differentiated numerically through inference passes, which estimate sigma from
     * u as it stands.
     */
    @Test
    void spectralNormDiscriminatorGradientsMatchCentralDifferences() {
        Discriminator64 d = new Discriminator64(Discriminator64.Kind.SPECTRAL_NORM, 8, DataType.DOUBLE);
        randomise(d.parameters(), 1.5, 13);
        d.initialise(new ReproducibleRandom(14)); // u
        randomise(d.parameters(), 1.5, 13);
        INDArray x = randomImages(2, 15);
        INDArray weights = Nd4j.createFromArray(new double[][] {{0.8}, {-1.3}});
        for (int l = 1; l <= 8; l++) {
            SpectralNorm sn = new SpectralNorm(d.parameters().value("w" + l), d.buffers().value("u" + l));
            for (int i = 0; i < 2000; i++) {
                sn.iterate();
            }
        }
        d.parameters().zeroGradients();
        Discriminator64.Trace t = d.forward(x, true);
        d.backward(t, weights, true, x.size(0));
        INDArray analytic = d.parameters().gradients().dup();
        double worst = FiniteDifferences.maxRelativeError(d.parameters(), analytic, d.parameters().names(),
                () -> d.forward(x, false).score().mul(weights).sumNumber().doubleValue(), 2, H, 16);
        assertTrue(worst < 1e-6, "largest relative error " + worst);
    }
}
