package org.ganbench.train;

import org.ganbench.model.Discriminator64;
import org.ganbench.model.Generator64;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The order of chainer-gan-lib's dcgan and dragan updaters: for each of the n_dis D updates, draw a real batch and
 * a z and generate x_fake; at the first, update G with softplus(-D(x_fake)); then update D with
 * softplus(-D(x_real)) + softplus(D(x_fake)) on those same fakes, plus the algorithm's penalty. G's gradient is
 * taken with D as it was before its update, as in the reference.
 */
abstract class SharedFakesUpdater extends EngineGan {

    /** One D update's scores, with G's loss gradient with respect to x_fake when it was asked for. */
    protected record Critique(double[] real, double[] fake, INDArray generatorGradient) {
    }

    SharedFakesUpdater(TrainingConfig config, Discriminator64.Kind kind, DataType dataType) {
        super(config, kind, dataType);
    }

    @Override
    protected StepStats update(StepInputs inputs) {
        int n = config.batch();
        Critique last = null;
        double lossGen = Double.NaN;
        double gradNormG = Double.NaN;
        double penalty = 0;
        for (int i = 0; i < config.nDis(); i++) {
            INDArray x = inputs.realBatch(n);
            Generator64.Trace fake = generator.forwardTraining(inputs.latent(n));
            discriminator.parameters().zeroGradients();
            boolean updateGenerator = i == 0;
            last = critique(x, fake.image(), updateGenerator);
            if (updateGenerator) {
                lossGen = GanLoss.generator(last.fake());
                gradNormG = updateGenerator(fake, last.generatorGradient());
            }
            penalty = addPenalty(x, inputs);
            updateDiscriminator();
        }
        return stats(GanLoss.discriminator(last.real(), last.fake()), lossGen, hasPenalty() ? penalty : null,
                last.real(), last.fake(), gradNormG);
    }

    /**
     * Scores the real and the fake batch, adds D's loss gradients to its parameters' gradients and, when
     * {@code forGenerator}, returns G's loss gradient with respect to {@code fake}.
     */
    protected abstract Critique critique(INDArray real, INDArray fake, boolean forGenerator);

    /** The algorithm's penalty on D at this real batch: adds its gradient, returns its value (0 without). */
    protected double addPenalty(INDArray real, StepInputs inputs) {
        return 0;
    }

    /** Whether the step reports "loss_gp". */
    protected boolean hasPenalty() {
        return false;
    }
}
