package org.ganbench.train;

import org.ganbench.model.Discriminator64;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DRAGAN: the shared step with a plain discriminator and a gradient penalty around the data, as chainer-gan-lib's:
 * x_p = x + 0.5 * U[0,1) * std(x over the batch), penalty lambda * mean((||grad_x D(x_p)||_2 - 1)^2).
 */
final class DraganUpdater extends AdversarialUpdater {
    DraganUpdater(TrainingConfig config) {
        super(config, Discriminator64.Kind.PLAIN);
    }

    @Override
    protected double addPenalty(INDArray real) {
        INDArray std = real.std(false, 0); // numpy's default (population) deviation, as chainer-gan-lib
        float[] noise = random.uniform((int) real.length(), 0f, 0.5f);
        INDArray perturbation = Nd4j.createFromArray(noise).reshape(real.shape()).castTo(real.dataType());
        Nd4j.exec(new BroadcastMulOp(perturbation, std, perturbation, 1, 2, 3));
        INDArray perturbed = perturbation.addi(real);
        return discriminator.addPenaltyGradient(discriminator.forward(perturbed, true), config.gradientPenalty());
    }

    @Override
    protected boolean hasPenalty() {
        return true;
    }
}
