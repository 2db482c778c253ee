package org.ganbench.train;

import org.ganbench.model.Discriminator64;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DCGAN baseline as chainer-gan-lib's dcgan updater with DCGANDiscriminator (BN). BN couples the samples of a batch,
 * so real and fake are scored in separate passes (each with its own batch statistics, as chainer calls D twice) and
 * G's gradient takes its own backward pass.
 */
final class DcganUpdater extends SharedFakesUpdater {
    DcganUpdater(TrainingConfig config) {
        super(config, Discriminator64.Kind.BATCH_NORM, DataType.FLOAT);
    }

    @Override
    protected Critique critique(INDArray real, INDArray fake, boolean forGenerator) {
        int n = (int) real.size(0);
        Discriminator64.Trace realPass = discriminator.forward(real, true);
        Discriminator64.Trace fakePass = discriminator.forward(fake, true);
        double[] yReal = scores(realPass);
        double[] yFake = scores(fakePass);
        DataType type = realPass.score().dataType();
        INDArray generatorGradient = forGenerator
                ? discriminator.backward(fakePass, column(GanLoss.generatorGradient(yFake), type), false, 0) : null;
        discriminator.backward(realPass, column(GanLoss.discriminatorRealGradient(yReal), type), true, n);
        discriminator.backward(fakePass, column(GanLoss.discriminatorFakeGradient(yFake), type), true, n);
        return new Critique(yReal, yFake, generatorGradient);
    }
}
