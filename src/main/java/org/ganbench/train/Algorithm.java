package org.ganbench.train;

/** The GAN algorithms GanBench trains, with chainer-gan-lib's hyperparameters (example.sh's flags over train.py's defaults). */
public enum Algorithm {
    DRAGAN(1e-4, 0.0, 0.9, 2, 10.0),
    SNGAN(2e-4, 0.5, 0.999, 1, 0.0),
    // chainer-gan-lib's example.sh runs dcgan with train.py's defaults
    DCGAN(2e-4, 0.0, 0.9, 1, 0.0);

    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private final int nDis;
    private final double gradientPenalty;

    Algorithm(double learningRate, double beta1, double beta2, int nDis, double gradientPenalty) {
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.nDis = nDis;
        this.gradientPenalty = gradientPenalty;
    }

    /**
     * Decay of the weight average of G that a new run keeps unless told otherwise: at 600 steps (ch 128, batch 32,
     * getchu) it lowered SWD in every run measured, by 8-33% (docs/fidelity.md).
     */
    public static final double DEFAULT_EMA_DECAY = 0.999;

    /** The defaults of this algorithm at the given width, batch size and seed. */
    public TrainingConfig defaults(int ch, int batch, long seed) {
        return new TrainingConfig(this, ch, batch, learningRate, beta1, beta2, nDis, gradientPenalty, seed,
                DEFAULT_EMA_DECAY, Precision.F32);
    }
}
