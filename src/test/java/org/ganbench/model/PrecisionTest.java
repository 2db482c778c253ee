package org.ganbench.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.BiConsumer;
import org.ganbench.common.ReproducibleRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Gradients in the precision that trains (float32, oneDNN's kernels) against float64 (libnd4j's generic kernels) on
 * the same weights and batch: the finite-difference tests only check float64.
 *
 * <p>Tolerance: float32 rounds each operation to u = 2^-24 (6e-8) relative. A gradient entry here is a sum of up
 * to N = batch x 64 x 64 = 8,192 products (the first layer's weight gradient sums over every position), back
 * through at most 8 layers; rounding errors of random sign grow as sqrt(N) per sum, so a layer adds about
 * sqrt(8192) u = 5.4e-6 and eight layers 4.3e-5, relative to the tensor's largest entry. The bound is twice that,
 * {@link #TOLERANCE} = 1e-4 (measured on this CPU: at most 6e-6, G's gradient).
 * Entries are compared relative to the tensor's largest entry: an entry near zero has no relative precision.
 * Biases that feed a batch normalisation are left out: BN removes them, so their exact gradient is zero and both
 * precisions return rounding noise.
 */
class PrecisionTest {
    private static final double TOLERANCE = 1e-4;
    private static final int BATCH = 2;
    private static final int CH = 16;

    private static INDArray images(long seed) {
        ReproducibleRandom r = new ReproducibleRandom(seed);
        return Nd4j.createFromArray(r.uniform(BATCH * 3 * 64 * 64, -1f, 1f)).reshape(BATCH, 3, 64, 64);
    }

    /** Float32 and float64 copies of one network, the float64 one holding the float32 weights exactly. */
    private static Discriminator64[] discriminators(Discriminator64.Kind kind) {
        Discriminator64 single = new Discriminator64(kind, CH, DataType.FLOAT);
        single.initialise(new ReproducibleRandom(31));
        Discriminator64 dbl = new Discriminator64(kind, CH, DataType.DOUBLE);
        dbl.parameters().values().assign(single.parameters().values().castTo(DataType.DOUBLE));
        dbl.buffers().values().assign(single.buffers().values().castTo(DataType.DOUBLE));
        return new Discriminator64[] {single, dbl};
    }

    private static void assertClose(Parameters single, Parameters dbl, String what,
                                    java.util.Set<String> normalisedBiases) {
        StringBuilder failures = new StringBuilder();
        double worst = 0;
        for (String name : dbl.names()) {
            if (normalisedBiases.contains(name)) {
                continue;
            }
            INDArray exact = dbl.gradient(name);
            double scale = exact.amaxNumber().doubleValue();
            if (scale == 0) {
                continue;
            }
            double error = single.gradient(name).castTo(DataType.DOUBLE).sub(exact).amaxNumber().doubleValue() / scale;
            worst = Math.max(worst, error);
            if (error > TOLERANCE) {
                failures.append(String.format(" %s %.2e", name, error));
            }
        }
        System.out.printf("%s: worst relative difference %.2e%n", what, worst);
        assertTrue(failures.length() == 0, what + ": float32 gradients off by" + failures + " (bound " + TOLERANCE
                + ", worst " + worst + ")");
    }

    /** D's loss gradient for each kind of discriminator, weighted as the GAN loss weights its scores. */
    @Test
    void discriminatorGradientsOfEveryKind() {
        INDArray x = images(32);
        INDArray weights = Nd4j.createFromArray(new double[][] {{-0.4}, {0.6}});
        for (Discriminator64.Kind kind : Discriminator64.Kind.values()) {
            Discriminator64[] d = discriminators(kind);
            for (Discriminator64 net : d) {
                DataType type = net.parameters().dataType();
                net.parameters().zeroGradients();
                net.backward(net.forward(x.castTo(type), true), weights.castTo(type), true, BATCH);
            }
            assertClose(d[0].parameters(), d[1].parameters(), kind.toString(), kind == Discriminator64.Kind.BATCH_NORM
                    ? java.util.Set.of("b2", "b3", "b4", "b5", "b6", "b7") : java.util.Set.of());
        }
    }

    /** DRAGAN's penalty gradient, which back-propagates through D's own backward pass. */
    @Test
    void penaltyGradient() {
        INDArray x = images(33);
        Discriminator64[] d = discriminators(Discriminator64.Kind.PLAIN);
        for (Discriminator64 net : d) {
            net.parameters().zeroGradients();
            net.addPenaltyGradient(net.forward(x.castTo(net.parameters().dataType()), true), 10);
        }
        assertClose(d[0].parameters(), d[1].parameters(), "penalty", java.util.Set.of());
    }

    /** G's gradient from a fixed image gradient (as D's input gradient would give it). */
    @Test
    void generatorGradient() {
        Generator64 single = new Generator64(CH, DataType.FLOAT);
        single.initialise(new ReproducibleRandom(34));
        Generator64 dbl = new Generator64(CH, DataType.DOUBLE);
        dbl.parameters().values().assign(single.parameters().values().castTo(DataType.DOUBLE));
        INDArray z = Nd4j.createFromArray(new ReproducibleRandom(35).uniform(BATCH * 128, -1f, 1f)).reshape(BATCH, 128);
        INDArray imageGradient = images(36).muli(1e-3);
        BiConsumer<Generator64, DataType> backward = (g, type) -> {
            g.parameters().zeroGradients();
            g.backward(g.forwardTraining(z.castTo(type)), imageGradient.castTo(type));
        };
        backward.accept(single, DataType.FLOAT);
        backward.accept(dbl, DataType.DOUBLE);
        assertClose(single.parameters(), dbl.parameters(), "generator", java.util.Set.of("b0", "b1", "b2", "b3"));
    }
}
