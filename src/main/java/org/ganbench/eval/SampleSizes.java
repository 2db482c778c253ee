package org.ganbench.eval;

import java.util.Locale;
import java.util.Optional;

/**
 * The fewest images per side for which each figure means something; below them a figure is still computed (a
 * smoke test on a few images is legitimate) but carries a warning on the command line and in {@code eval.json}.
 */
public enum SampleSizes {
    /**
     * Two disjoint samples of one face set score about 7 at 1,000 images each and just under 10 at 512; with fewer
     * faces that sampling floor is as large as the differences between trained generators.
     */
    SWD("SWD", 500),
    /** The mean over pairs of one set: 100 faces give 4,950 distinct pairs, enough for a stable mean. */
    MS_SSIM("MS-SSIM diversity", 100),
    /** The Frechet distance needs a full-rank covariance of the 256 random features: at least twice as many faces. */
    FRECHET("Frechet distance (random features)", 2 * RandomFeatures.DIM),
    /** Nearest-neighbour figures over the training set: a handful of training faces is no search at all. */
    MEMORISATION("memorisation", 100),
    /** The closest pair among few samples says little about duplicates among many. */
    BIRTHDAY("birthday check", 100);

    private final String figure;
    private final int minimum;

    SampleSizes(String figure, int minimum) {
        this.figure = figure;
        this.minimum = minimum;
    }

    public int minimum() {
        return minimum;
    }

    /** A warning for a figure computed on {@code images} per side, or empty when there are enough. */
    public Optional<String> warning(int images) {
        if (images >= minimum) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "%s on %d image%s per side means little: it needs at least %d",
                figure, images, images == 1 ? "" : "s", minimum));
    }
}
