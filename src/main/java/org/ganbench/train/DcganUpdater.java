package org.ganbench.train;

import org.ganbench.model.Discriminator64;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DCGAN baseline: the shared step with chainer-gan-lib's DCGANDiscriminator (BN). BN couples the samples of a
 * batch, so real and fake are scored in separate passes (each with its own batch statistics, as chainer calls D
 * twice) and G's gradient takes its own backward pass.
 */
final class DcganUpdater extends AdversarialUpdater {
    DcganUpdater(TrainingConfig config) {
        super(config, Discriminator64.Kind.BATCH_NORM);
    }

    @Override
    protected Critique critique(INDArray real, INDArray fake, boolean forGenerator) {
        int n = (int) real.size(0);
        Discriminator64.Trace tr = discriminator.forward(real, true);
        Discriminator64.Trace tf = discriminator.forward(fake, true);
        double[] yr = tr.score().reshape(n).toDoubleVector();
        double[] yf = tf.score().reshape(n).toDoubleVector();
        double[] dyReal = new double[n];
        double[] dyFake = new double[n];
        double[] dyGen = new double[n];
        double lossDis = 0;
        double lossGen = 0;
        double dReal = 0;
        double dFake = 0;
        for (int i = 0; i < n; i++) {
            lossDis += (softplus(-yr[i]) + softplus(yf[i])) / n;
            lossGen += softplus(-yf[i]) / n;
            dReal += sigmoid(yr[i]) / n;
            dFake += sigmoid(yf[i]) / n;
            dyReal[i] = -sigmoid(-yr[i]) / n;
            dyFake[i] = sigmoid(yf[i]) / n;
            dyGen[i] = -sigmoid(-yf[i]) / n;
        }
        INDArray generatorGradient = forGenerator
                ? discriminator.backward(tf, column(dyGen, tf.score().dataType()), false, 0) : null;
        discriminator.backward(tr, column(dyReal, tr.score().dataType()), true, n);
        discriminator.backward(tf, column(dyFake, tf.score().dataType()), true, n);
        return new Critique(lossDis, lossGen, dReal, dFake, generatorGradient);
    }
}
