package org.ganbench.train;

import org.ganbench.model.Discriminator64;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DRAGAN as chainer-gan-lib's dragan updater with WGANDiscriminator (no BN, no SN): a gradient penalty around the
 * data, x_p = x + 0.5 * U[0,1) * std(x over the batch), lambda * mean((||grad_x D(x_p)||_2 - 1)^2).
 */
final class DraganUpdater extends SharedFakesUpdater {
    /** Below this score sigmoid(y) is too small to rescale D's input gradient into G's (see {@link #critique}). */
    private static final double RESCALE_LIMIT = -40;

    DraganUpdater(TrainingConfig config) {
        this(config, DataType.FLOAT);
    }

    DraganUpdater(TrainingConfig config, DataType dataType) {
        super(config, Discriminator64.Kind.PLAIN, dataType);
    }

    /**
     * Scores real and fake in one pass, which computes exactly what two passes would: this D has neither BN nor SN,
     * so every score depends on its own image and the same weights. G's gradient is D's input gradient at the fake
     * rows rescaled per sample by dL_gen/dy / dL_dis/dy = -exp(-y), so one backward pass serves both networks;
     * where some sigmoid(y) underflows, a separate backward pass computes it instead.
     */
    @Override
    protected Critique critique(INDArray real, INDArray fake, boolean forGenerator) {
        int n = (int) real.size(0);
        Discriminator64.Trace t = discriminator.forward(Nd4j.concat(0, real, fake), true);
        double[] yReal = scores(t, 0, n);
        double[] yFake = scores(t, n, 2 * n);
        boolean rescalable = true;
        for (double y : yFake) {
            rescalable &= y > RESCALE_LIMIT || !Double.isFinite(y);
        }
        double[] dy = new double[2 * n];
        System.arraycopy(GanLoss.discriminatorRealGradient(yReal), 0, dy, 0, n);
        System.arraycopy(GanLoss.discriminatorFakeGradient(yFake), 0, dy, n, n);
        DataType type = t.score().dataType();
        // D's input gradient is only needed at the fake rows, and only for G's update
        INDArray fakeInputGradient = discriminator.backward(t, column(dy, type), true,
                forGenerator && rescalable ? n : 2L * n);
        if (!forGenerator) {
            return new Critique(yReal, yFake, null);
        }
        if (!rescalable) {
            double[] dyGen = new double[2 * n];
            System.arraycopy(GanLoss.generatorGradient(yFake), 0, dyGen, n, n);
            return new Critique(yReal, yFake, discriminator.backward(t, column(dyGen, type), false, n));
        }
        double[] scale = new double[n];
        for (int i = 0; i < n; i++) {
            scale[i] = -Math.exp(-yFake[i]);
        }
        Nd4j.exec(new BroadcastMulOp(fakeInputGradient, Nd4j.createFromArray(scale).castTo(type), fakeInputGradient,
                0));
        return new Critique(yReal, yFake, fakeInputGradient);
    }

    @Override
    protected double addPenalty(INDArray real, StepInputs inputs) {
        INDArray std = real.std(false, 0); // numpy's default (population) deviation, as chainer-gan-lib
        INDArray perturbation = inputs.uniform(real.shape()).muli(0.5);
        Nd4j.exec(new BroadcastMulOp(perturbation, std, perturbation, 1, 2, 3));
        INDArray perturbed = perturbation.addi(real);
        return discriminator.addPenaltyGradient(discriminator.forward(perturbed, true), config.gradientPenalty());
    }

    @Override
    protected boolean hasPenalty() {
        return true;
    }
}
