package org.ganbench.eval;

import org.ganbench.dataset.FaceSet;

/**
 * The mode-counting test (stacked MNIST in the GAN literature) on the synthetic faces: how many of the 64 modes the
 * generated samples cover, and the KL divergence of their mode histogram from the uniform one (0 when every mode is
 * equally frequent, ln 64 = 4.16 when all samples fall in one mode).
 *
 * @param histogram samples classified into each mode
 */
public record ModeCoverage(int samples, int modesCovered, double klFromUniform, int[] histogram) {

    /** Classifies every face with {@link ModeClassifier} and summarises. */
    public static ModeCoverage of(FaceSet generated) {
        if (generated.count() < 1) {
            throw new IllegalArgumentException("mode counting needs at least one sample");
        }
        return fromModes(ModeClassifier.classify(generated));
    }

    static ModeCoverage fromModes(int[] modes) {
        int[] histogram = new int[SyntheticFaces.MODES];
        for (int m : modes) {
            histogram[m]++;
        }
        int covered = 0;
        double kl = 0;
        for (int count : histogram) {
            if (count > 0) {
                covered++;
                double p = (double) count / modes.length;
                kl += p * Math.log(p * SyntheticFaces.MODES);
            }
        }
        return new ModeCoverage(modes.length, covered, Math.max(0, kl), histogram);
    }
}
