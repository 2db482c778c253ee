package org.ganbench.train;

/**
 * The hyperparameters of one GAN: everything that, with the dataset, decides what a run computes.
 *
 * @param ch              width of the networks (512 as in chainer-gan-lib; smaller for CPU experiments)
 * @param gradientPenalty DRAGAN's lambda; 0 for the others
 * @param emaDecay        decay of the moving average of G's weights that is sampled (for example 0.999); 0 keeps
 *                        none. The average does not change training: a run with and without it trains alike
 * @param precision       of the convolutions (float32 where a stored config predates the choice)
 */
public record TrainingConfig(Algorithm algorithm, int ch, int batch, double learningRate, double beta1, double beta2,
                             int nDis, double gradientPenalty, long seed, double emaDecay, Precision precision) {
    /** Length of the latent vector, drawn uniform in [-1, 1]. */
    public static final int LATENT = 128;
    /** Side of the generated and training images. */
    public static final int SIDE = 64;

    public TrainingConfig {
        if (precision == null) {
            precision = Precision.F32;
        }
        if (ch < 8 || ch % 8 != 0) {
            throw new IllegalArgumentException("ch must be a positive multiple of 8, was " + ch);
        }
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be at least 1, was " + batch);
        }
        if (!(learningRate > 0) || nDis < 1 || gradientPenalty < 0) {
            throw new IllegalArgumentException("invalid hyperparameters: lr " + learningRate + ", n_dis " + nDis
                    + ", lambda " + gradientPenalty);
        }
        if (!(emaDecay == 0 || emaDecay > 0 && emaDecay < 1)) {
            throw new IllegalArgumentException("the EMA decay must be 0 (none) or above 0 and below 1, was " + emaDecay);
        }
    }

    /** This configuration with another decay of G's weight average (0: none). */
    public TrainingConfig withEmaDecay(double decay) {
        return new TrainingConfig(algorithm, ch, batch, learningRate, beta1, beta2, nDis, gradientPenalty, seed, decay,
                precision);
    }

    /** This configuration in another precision. */
    public TrainingConfig withPrecision(Precision other) {
        return new TrainingConfig(algorithm, ch, batch, learningRate, beta1, beta2, nDis, gradientPenalty, seed, emaDecay,
                other);
    }
}
