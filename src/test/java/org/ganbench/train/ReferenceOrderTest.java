package org.ganbench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ganbench.model.Discriminator64;
import org.ganbench.model.Generator64;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The updaters' order against chainer-gan-lib's, rebuilt here call by call from the networks on a twin with the same
 * initial weights (float64, so that the figures agree to rounding). The lockstep bench checks the same against
 * torch_ref.py's traces; this test runs without PyTorch.
 */
class ReferenceOrderTest {
    private static final int BATCH = 2;

    /** Fixed inputs, handed out in the order asked for. */
    private static StepInputs inputs(INDArray real, INDArray... latents) {
        java.util.Deque<INDArray> queue = new java.util.ArrayDeque<>(java.util.List.of(latents));
        return new StepInputs() {
            @Override
            public INDArray realBatch(int n) {
                return real;
            }

            @Override
            public INDArray latent(int n) {
                return queue.remove();
            }

            @Override
            public INDArray uniform(long... shape) {
                throw new AssertionError("SNGAN draws no perturbation noise");
            }
        };
    }

    private static INDArray uniform(long seed, double lo, double hi, long... shape) {
        org.ganbench.common.ReproducibleRandom r = new org.ganbench.common.ReproducibleRandom(seed);
        long count = 1;
        for (long d : shape) {
            count *= d;
        }
        double[] v = new double[(int) count];
        for (int i = 0; i < v.length; i++) {
            v[i] = lo + (hi - lo) * r.nextDouble();
        }
        return Nd4j.createFromArray(v).reshape(shape);
    }

    /**
     * stdgan/updater.py: G's loss on D(G(z_g)), G updated; then D scores the real batch and G'(z) for a fresh z made
     * by the updated G'. D is called three times, each call one power iteration; G runs twice in training mode, so
     * its BN running statistics move twice.
     */
    @Test
    void snganTrainsDOnFreshFakesOfTheUpdatedGenerator() {
        TrainingConfig config = Algorithm.SNGAN.defaults(8, BATCH, 21);
        SnganUpdater updater = new SnganUpdater(config, DataType.DOUBLE);
        SnganUpdater twin = new SnganUpdater(config, DataType.DOUBLE);
        INDArray real = uniform(1, -1, 1, BATCH, 3, 64, 64);
        INDArray zG = uniform(2, -1, 1, BATCH, 128);
        INDArray zD = uniform(3, -1, 1, BATCH, 128);

        StepStats stats = updater.step(inputs(real, zG, zD));

        Generator64 g = twin.generator;
        Discriminator64 d = twin.discriminator;
        double[] forGenerator = EngineGan.scores(d.forward(g.forwardTraining(zG).image(), true));
        g.parameters().values().assign(updater.generator.parameters().values()); // G after its update
        double[] yReal = EngineGan.scores(d.forward(real, true));
        double[] yFake = EngineGan.scores(d.forward(g.forwardTraining(zD).image(), true));

        assertEquals(GanLoss.generator(forGenerator), stats.losses().get("loss_gen"), 1e-12);
        assertEquals(GanLoss.discriminator(yReal, yFake), stats.losses().get("loss_dis"), 1e-12);
        assertEquals(0, g.buffers().values().sub(updater.generator.buffers().values()).amaxNumber().doubleValue(),
                1e-12, "G's running statistics: one update per G call");
        assertEquals(0, d.buffers().values().sub(updater.discriminator.buffers().values()).amaxNumber().doubleValue(),
                1e-12, "spectral-norm vectors: one power iteration per D call");
    }

    /** chainer-gan-lib's example.sh runs dcgan without Adam flags, so train.py's defaults apply. */
    @Test
    void dcganUsesTrainPysAdamDefaults() {
        TrainingConfig c = Algorithm.DCGAN.defaults(64, 64, 0);
        assertEquals(2e-4, c.learningRate());
        assertEquals(0.0, c.beta1());
        assertEquals(0.9, c.beta2());
    }
}
