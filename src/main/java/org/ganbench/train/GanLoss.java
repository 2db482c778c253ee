package org.ganbench.train;

/**
 * chainer-gan-lib's non-saturating loss on raw scores y, each a mean over the batch: D minimises
 * softplus(-y_real) + softplus(y_fake), G minimises softplus(-y_fake). Computed in double from the scores.
 */
final class GanLoss {
    private GanLoss() {
    }

    static double discriminator(double[] real, double[] fake) {
        double sum = 0;
        for (double y : real) {
            sum += softplus(-y) / real.length;
        }
        for (double y : fake) {
            sum += softplus(y) / fake.length;
        }
        return sum;
    }

    static double generator(double[] fake) {
        double sum = 0;
        for (double y : fake) {
            sum += softplus(-y) / fake.length;
        }
        return sum;
    }

    /** d loss_dis / d y_real. */
    static double[] discriminatorRealGradient(double[] real) {
        double[] g = new double[real.length];
        for (int i = 0; i < g.length; i++) {
            g[i] = -sigmoid(-real[i]) / real.length;
        }
        return g;
    }

    /** d loss_dis / d y_fake. */
    static double[] discriminatorFakeGradient(double[] fake) {
        double[] g = new double[fake.length];
        for (int i = 0; i < g.length; i++) {
            g[i] = sigmoid(fake[i]) / fake.length;
        }
        return g;
    }

    /** d loss_gen / d y_fake. */
    static double[] generatorGradient(double[] fake) {
        double[] g = new double[fake.length];
        for (int i = 0; i < g.length; i++) {
            g[i] = -sigmoid(-fake[i]) / fake.length;
        }
        return g;
    }

    /** Mean of sigmoid(y): D's average belief that the images are real. */
    static double meanProbability(double[] scores) {
        double sum = 0;
        for (double y : scores) {
            sum += sigmoid(y) / scores.length;
        }
        return sum;
    }

    static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    static double sigmoid(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }
}
