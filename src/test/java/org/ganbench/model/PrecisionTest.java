package org.ganbench.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.BiConsumer;
import org.ganbench.common.ReproducibleRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
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
 *
 * <p>bfloat16 ({@link Bfloat16Convolutions}, where the CPU has it), in two ways. {@link Mode#BF16_BACKWARD}: the
 * forward pass in float32, every backward convolution in bfloat16. Their inputs are rounded to 8 significant bits,
 * u = 2^-9 (2e-3) each, so a product is off by up to 2u and a sum of such errors of random sign by about 2u = 4e-3
 * of its scale per layer (float32 accumulation adds nothing comparable); eight layers give sqrt(8) x 4e-3 = 1.1e-2,
 * and the bound is twice that, 2.5e-2 (measured: at most 1.1e-2). {@link Mode#BF16_STEP}: the whole step in
 * bfloat16. The forward pass's activations then carry the same 2e-3 rounding, and at initialisation D's and G's
 * gradients move by 20 to 50 times any relative change of the activations that feed them (float32 against float64
 * shows the same factor: forward 1e-7, gradients 2e-6 to 6e-6). So this mode compares each weight tensor's gradient
 * as a whole, ||bf16 - exact|| / ||exact|| (measured: at most 0.18), against a bound of 0.3, which still fails for a
 * wrong layout, stride or transposition (errors of order 1). Biases and betas are left out of it: their gradients
 * sum the output gradient over every position, terms that cancel to a few percent of their size at initialisation,
 * so the same rounding moves the two-entry biases of this small network by up to half their size.
 * Entries are compared relative to the tensor's largest entry: an entry near zero has no relative precision.
 * Biases that feed a batch normalisation are left out: BN removes them, so their exact gradient is zero and both
 * precisions return rounding noise.
 */
class PrecisionTest {
    /** Which arithmetic the float32 network runs, with the bound on its gradients' difference from float64. */
    enum Mode {
        F32(1e-4), BF16_BACKWARD(2.5e-2), BF16_STEP(0.3);

        final double tolerance;

        Mode(double tolerance) {
            this.tolerance = tolerance;
        }

        /** Before the float32 network's forward pass. */
        void beforeForward() {
            if (this != F32) {
                Assumptions.assumeTrue(Bfloat16Convolutions.unavailable().isEmpty(),
                        "needs a CPU with avx512_bf16 or AMX");
            }
            if (this == BF16_STEP) {
                Bfloat16Convolutions.enable();
            }
        }

        /** Between the float32 network's forward and backward passes. */
        void beforeBackward() {
            if (this == BF16_BACKWARD) {
                Bfloat16Convolutions.enable();
            }
        }
    }
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

    @AfterEach
    void backToFloat32() {
        Bfloat16Convolutions.disable();
    }

    private static void assertClose(Parameters single, Parameters dbl, String what, double tolerance,
                                    boolean euclidean, java.util.Set<String> normalisedBiases) {
        StringBuilder failures = new StringBuilder();
        double worst = 0;
        for (String name : dbl.names()) {
            if (normalisedBiases.contains(name) || euclidean && (name.startsWith("b"))) {
                continue; // biases and batch norm's betas in the whole bfloat16 step: see the class comment
            }
            INDArray exact = dbl.gradient(name);
            double scale = exact.amaxNumber().doubleValue();
            if (scale == 0) {
                continue;
            }
            INDArray difference = single.gradient(name).castTo(DataType.DOUBLE).sub(exact);
            double error = euclidean ? difference.norm2Number().doubleValue() / exact.norm2Number().doubleValue()
                    : difference.amaxNumber().doubleValue() / scale;
            worst = Math.max(worst, error);
            if (error > tolerance) {
                failures.append(String.format(" %s %.2e", name, error));
            }
        }
        Bfloat16Convolutions.disable();
        System.out.printf("%s: worst relative difference %.2e%n", what, worst);
        assertTrue(failures.length() == 0, what + ": gradients off by" + failures + " (bound " + tolerance
                + ", worst " + worst + ")");
    }

    /** A forward and a backward pass, the float32 network's in the mode's arithmetic (float64 always in float64). */
    private static <T> void run(Mode mode, DataType type, java.util.function.Supplier<T> forward,
                                java.util.function.Consumer<T> backward) {
        boolean single = type == DataType.FLOAT;
        if (single) {
            mode.beforeForward();
        }
        T trace = forward.get();
        if (single) {
            mode.beforeBackward();
        }
        backward.accept(trace);
        Bfloat16Convolutions.disable();
    }

    /** D's loss gradient for each kind of discriminator, weighted as the GAN loss weights its scores. */
    @ParameterizedTest
    @EnumSource(Mode.class)
    void discriminatorGradientsOfEveryKind(Mode mode) {
        INDArray x = images(32);
        INDArray weights = Nd4j.createFromArray(new double[][] {{-0.4}, {0.6}});
        for (Discriminator64.Kind kind : Discriminator64.Kind.values()) {
            Discriminator64[] d = discriminators(kind);
            for (Discriminator64 net : new Discriminator64[] {d[1], d[0]}) {
                DataType type = net.parameters().dataType();
                net.parameters().zeroGradients();
                run(mode, type, () -> net.forward(x.castTo(type), true),
                        trace -> net.backward(trace, weights.castTo(type), true, BATCH));
            }
            assertClose(d[0].parameters(), d[1].parameters(), kind + " " + mode, mode.tolerance, mode == Mode.BF16_STEP,
                    kind == Discriminator64.Kind.BATCH_NORM
                    ? java.util.Set.of("b2", "b3", "b4", "b5", "b6", "b7") : java.util.Set.of());
        }
    }

    /** DRAGAN's penalty gradient, which back-propagates through D's own backward pass. */
    @ParameterizedTest
    @EnumSource(Mode.class)
    void penaltyGradient(Mode mode) {
        INDArray x = images(33);
        Discriminator64[] d = discriminators(Discriminator64.Kind.PLAIN);
        for (Discriminator64 net : new Discriminator64[] {d[1], d[0]}) {
            DataType type = net.parameters().dataType();
            net.parameters().zeroGradients();
            run(mode, type, () -> net.forward(x.castTo(type), true), trace -> net.addPenaltyGradient(trace, 10));
        }
        assertClose(d[0].parameters(), d[1].parameters(), "penalty " + mode, mode.tolerance, mode == Mode.BF16_STEP, java.util.Set.of());
    }

    /** G's gradient from a fixed image gradient (as D's input gradient would give it). */
    @ParameterizedTest
    @EnumSource(Mode.class)
    void generatorGradient(Mode mode) {
        Generator64 single = new Generator64(CH, DataType.FLOAT);
        single.initialise(new ReproducibleRandom(34));
        Generator64 dbl = new Generator64(CH, DataType.DOUBLE);
        dbl.parameters().values().assign(single.parameters().values().castTo(DataType.DOUBLE));
        INDArray z = Nd4j.createFromArray(new ReproducibleRandom(35).uniform(BATCH * 128, -1f, 1f)).reshape(BATCH, 128);
        INDArray imageGradient = images(36).muli(1e-3);
        BiConsumer<Generator64, DataType> backward = (g, type) -> {
            g.parameters().zeroGradients();
            run(mode, type, () -> g.forwardTraining(z.castTo(type)), trace -> g.backward(trace, imageGradient.castTo(type)));
        };
        backward.accept(dbl, DataType.DOUBLE);
        backward.accept(single, DataType.FLOAT);
        assertClose(single.parameters(), dbl.parameters(), "generator " + mode, mode.tolerance, mode == Mode.BF16_STEP,
                java.util.Set.of("b0", "b1", "b2", "b3"));
    }
}
