package org.ganbench.eval;

import java.util.Arrays;
import org.ganbench.common.CancellationToken;
import org.ganbench.common.ProgressListener;
import org.ganbench.dataset.FaceSet;

/**
 * The k nearest base faces of each query face by pixel distance, reported as root-mean-square difference per colour
 * value (0..255; 0 means identical pixels).
 *
 * @param index    query q's neighbours are {@code index[q*k .. q*k+k-1]}, nearest first
 * @param distance their RMS distances, in the same order
 */
public record NearestFaces(int k, int[] index, double[] distance) {

    /** Nearest index and distance of query {@code q}. */
    public int nearestIndex(int q) {
        return index[q * k];
    }

    public double nearestDistance(int q) {
        return distance[q * k];
    }

    /**
     * Searches all of {@code base} for each query. {@code selfInBase[q]} is query q's own index in {@code base} (to be
     * skipped), or -1; pass null when queries are not drawn from base.
     */
    public static NearestFaces search(FaceSet queries, int[] selfInBase, FaceSet base, int k, String task,
                                      ProgressListener progress, CancellationToken cancel) {
        int available = base.count() - (selfInBase == null ? 0 : 1);
        if (k < 1 || available < k) {
            throw new IllegalArgumentException("need at least " + k + " other faces to find " + k
                    + " nearest neighbours, have " + Math.max(0, available));
        }
        int n = queries.count();
        long[] best = new long[n * k];
        int[] index = new int[n * k];
        Arrays.fill(best, Long.MAX_VALUE);
        Arrays.fill(index, -1);
        PixelDistances.forEachBlock(queries, base, (q, start, squared, count) -> {
            int self = selfInBase == null ? -1 : selfInBase[q];
            int o = q * k;
            for (int j = 0; j < count; j++) {
                if (start + j != self) {
                    PixelDistances.insertNearest(best, index, o, k, squared[j], start + j);
                }
            }
        }, task, progress, cancel);
        double[] distance = new double[n * k];
        for (int i = 0; i < distance.length; i++) {
            distance[i] = PixelDistances.rms(best[i], queries.faceBytes());
        }
        return new NearestFaces(k, index, distance);
    }
}
