package org.ganbench.train;

import org.ganbench.model.Discriminator64;
import org.ganbench.model.Generator64;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * SNGAN as chainer-gan-lib's stdgan updater with SNDCGANDiscriminator: at the first of the n_dis D updates, G is
 * updated on a z of its own; then every D update scores a real batch and the fakes of a fresh z made by the
 * (updated) G. D is called three times per step, and each call runs its own power iteration, so the real and fake
 * scores come from separate passes (one pass over both would share one sigma and differ from the reference).
 */
final class SnganUpdater extends EngineGan {
    SnganUpdater(TrainingConfig config) {
        this(config, DataType.FLOAT);
    }

    SnganUpdater(TrainingConfig config, DataType dataType) {
        super(config, Discriminator64.Kind.SPECTRAL_NORM, dataType);
    }

    @Override
    protected StepStats update(StepInputs inputs) {
        int n = config.batch();
        double lossGen = Double.NaN;
        double gradNormG = Double.NaN;
        double lossDis = Double.NaN;
        double[] real = null;
        double[] fake = null;
        for (int i = 0; i < config.nDis(); i++) {
            INDArray x = inputs.realBatch(n);
            if (i == 0) {
                Generator64.Trace forGenerator = generator.forwardTraining(inputs.latent(n));
                Discriminator64.Trace scored = discriminator.forward(forGenerator.image(), true);
                double[] y = scores(scored);
                lossGen = GanLoss.generator(y);
                INDArray imageGradient = discriminator.backward(scored,
                        column(GanLoss.generatorGradient(y), scored.score().dataType()), false, 0);
                gradNormG = updateGenerator(forGenerator, imageGradient);
            }
            Discriminator64.Trace realPass = discriminator.forward(x, true);
            INDArray fakes = generator.forwardTraining(inputs.latent(n)).image();
            Discriminator64.Trace fakePass = discriminator.forward(fakes, true);
            real = scores(realPass);
            fake = scores(fakePass);
            lossDis = GanLoss.discriminator(real, fake);
            discriminator.parameters().zeroGradients();
            DataType type = realPass.score().dataType();
            discriminator.backward(realPass, column(GanLoss.discriminatorRealGradient(real), type), true, n);
            discriminator.backward(fakePass, column(GanLoss.discriminatorFakeGradient(fake), type), true, n);
            updateDiscriminator();
        }
        return stats(lossDis, lossGen, null, real, fake, gradNormG);
    }
}
