package org.ganbench.eval;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.ganbench.common.CancellationToken;
import org.ganbench.common.Images;
import org.ganbench.common.ProgressListener;
import org.ganbench.dataset.FaceSet;

/**
 * Does the generator copy its training faces? A copy lies much nearer to one training face than to any other, so
 * each sample's distance to its nearest training face is divided by its distance to the second nearest: near 0 for
 * a copy, near 1 for a face that merely resembles many (an unseen real face, and also a flat or blurred image, which
 * lies close in pixels to many faces at once). A raw nearest distance misleads exactly there: untrained generators'
 * grey samples came nearer to training faces than real faces do and read as "copying".
 *
 * @param samples          generated faces examined
 * @param training         training faces searched
 * @param copiedFraction   fraction of generated samples whose nearest training face is nearer than
 *                         {@link #COPY_RATIO} times the second nearest: the headline figure, 0 unless it copies
 * @param realCopiedFraction the same for real training faces against the other training faces: what duplicates in the
 *                         dataset alone give
 * @param medianNearestToSecond median of nearest / second-nearest for the generated samples (null if undefined)
 * @param medianRealNearestToSecond the same for the real faces
 * @param medianGenerated  median RMS distance (0..255 scale) from a generated sample to its nearest training face
 * @param medianReal       the same for real training faces to their nearest other training face
 */
public record Memorisation(int samples, int training, double copiedFraction, double realCopiedFraction,
                           Double medianNearestToSecond, Double medianRealNearestToSecond, double medianGenerated,
                           double medianReal) {
    /** Neighbours shown beside each sample in the picture. */
    public static final int SHOWN_NEIGHBOURS = 3;
    /**
     * A sample at most half as far from its nearest training face as from the second nearest counts as a copy: unseen
     * real faces sit at 0.8-1 (median about 0.93 on Getchu faces), a copy with mild noise well below 0.5.
     */
    public static final double COPY_RATIO = 0.5;

    /**
     * Examines every face of {@code generated} against all of {@code training}; the real reference figures come
     * from {@code realQueries} training faces (indices into training), each searched against the rest.
     */
    public static Analysis analyse(FaceSet generated, FaceSet training, int[] realQueries, ProgressListener progress,
                                   CancellationToken cancel) {
        if (generated.count() < 1 || realQueries.length < 1) {
            throw new IllegalArgumentException("memorisation check needs at least one generated and one real face");
        }
        if (training.count() < SHOWN_NEIGHBOURS + 1) {
            throw new IllegalArgumentException("memorisation check needs at least " + (SHOWN_NEIGHBOURS + 1)
                    + " training faces, got " + training.count());
        }
        NearestFaces fromGenerated = NearestFaces.search(generated, null, training, SHOWN_NEIGHBOURS,
                "nearest training faces of generated samples", progress, cancel);
        NearestFaces fromReal = NearestFaces.search(training.subset(realQueries), realQueries, training, 2,
                "nearest training faces of real faces", progress, cancel);
        double[] gen = IntStream.range(0, generated.count()).mapToDouble(fromGenerated::nearestDistance).toArray();
        double[] real = IntStream.range(0, realQueries.length).mapToDouble(fromReal::nearestDistance).toArray();
        double[] genRatio = nearestToSecond(fromGenerated, generated.count());
        double[] realRatio = nearestToSecond(fromReal, realQueries.length);
        Memorisation summary = new Memorisation(gen.length, training.count(), copied(genRatio), copied(realRatio),
                medianOrNull(genRatio), medianOrNull(realRatio), median(gen), median(real));
        return new Analysis(summary, fromGenerated);
    }

    /**
     * Nearest / second-nearest distance per query; NaN where both are 0 (the query has two identical training
     * faces: a copy of a duplicated face, counted as a copy by {@link #copied}).
     */
    private static double[] nearestToSecond(NearestFaces nn, int queries) {
        double[] ratio = new double[queries];
        for (int q = 0; q < queries; q++) {
            double second = nn.distance()[q * nn.k() + 1];
            ratio[q] = second > 0 ? nn.nearestDistance(q) / second : Double.NaN;
        }
        return ratio;
    }

    private static double copied(double[] ratios) {
        return Arrays.stream(ratios).filter(r -> Double.isNaN(r) || r < COPY_RATIO).count() / (double) ratios.length;
    }

    private static Double medianOrNull(double[] ratios) {
        double[] defined = Arrays.stream(ratios).filter(r -> !Double.isNaN(r)).toArray();
        return defined.length == 0 ? null : median(defined);
    }

    /** The summary and, per generated sample, its nearest training faces. */
    public record Analysis(Memorisation summary, NearestFaces neighbours) {
        /**
         * Rows of "sample, then its 3 nearest training faces", for the {@code rows} samples closest to a training
         * face (the most suspicious first).
         */
        public BufferedImage picture(FaceSet generated, FaceSet training, int rows) {
            Integer[] order = IntStream.range(0, generated.count()).boxed().toArray(Integer[]::new);
            Arrays.sort(order, Comparator.comparingDouble(neighbours::nearestDistance));
            List<BufferedImage> tiles = new ArrayList<>();
            for (int r = 0; r < Math.min(rows, order.length); r++) {
                int q = order[r];
                tiles.add(generated.image(q));
                for (int k = 0; k < neighbours.k(); k++) {
                    tiles.add(training.image(neighbours.index()[q * neighbours.k() + k]));
                }
            }
            return Images.grid(tiles, 1 + neighbours.k(), 2);
        }
    }

    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
