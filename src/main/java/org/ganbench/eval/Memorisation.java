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
 * Does the generator copy its training faces? For generated samples, their nearest training faces by pixel distance,
 * compared with how close real faces come to their nearest other training face. A generator that memorises puts its
 * samples much closer to training faces than real faces are to each other (median ratio well below 1).
 *
 * @param samples          generated faces examined
 * @param training         training faces searched
 * @param medianGenerated  median RMS distance (0..255 scale) from a generated sample to its nearest training face
 * @param medianReal       the same for real training faces to their nearest other training face
 * @param medianRatio      medianGenerated / medianReal; null when medianReal is 0 (duplicated training faces)
 * @param closerThanAnyReal fraction of generated samples nearer to a training face than the nearest real pair
 */
public record Memorisation(int samples, int training, double medianGenerated, double medianReal, Double medianRatio,
                           double minGenerated, double minReal, double closerThanAnyReal) {
    /** Neighbours shown beside each sample in the picture. */
    public static final int SHOWN_NEIGHBOURS = 3;

    /**
     * Examines every face of {@code generated} against all of {@code training}; the real reference distances come
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
        NearestFaces fromReal = NearestFaces.search(training.subset(realQueries), realQueries, training, 1,
                "nearest training faces of real faces", progress, cancel);
        double[] gen = IntStream.range(0, generated.count()).mapToDouble(fromGenerated::nearestDistance).toArray();
        double[] real = IntStream.range(0, realQueries.length).mapToDouble(fromReal::nearestDistance).toArray();
        double medianGenerated = median(gen);
        double medianReal = median(real);
        double minReal = Arrays.stream(real).min().orElseThrow();
        double closer = Arrays.stream(gen).filter(d -> d < minReal).count() / (double) gen.length;
        Memorisation summary = new Memorisation(gen.length, training.count(), medianGenerated, medianReal,
                medianReal > 0 ? medianGenerated / medianReal : null, Arrays.stream(gen).min().orElseThrow(), minReal,
                closer);
        return new Analysis(summary, fromGenerated);
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
