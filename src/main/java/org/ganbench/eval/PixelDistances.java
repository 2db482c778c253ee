package org.ganbench.eval;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.ganbench.common.CancellationToken;
import org.ganbench.common.ProgressListener;
import org.ganbench.dataset.FaceSet;

/**
 * Exact pixel distances between faces (sum of squared RGB differences, in integers) for nearest-neighbour searches.
 * Faces are widened to int arrays once per tile of queries and base block, so that the distance loop is a whole-array
 * integer reduction, which HotSpot vectorises (about 2.5x the scalar speed here).
 */
final class PixelDistances {
    private static final int BLOCK = 64;
    private static final int TILE = 8;
    /** Beyond this side a face's sum of squared differences could overflow an int. */
    static final int MAX_SIDE = 90;

    /** Receives, for one query, the squared distances to base faces {@code start .. start + count - 1}. */
    @FunctionalInterface
    interface BlockConsumer {
        void accept(int query, int start, long[] squared, int count);
    }

    private PixelDistances() {
    }

    /**
     * Calls {@code consumer} with every (query, base block) pair. Each query is handled by one thread from start to
     * end, so per-query state needs no locking; different queries run in parallel.
     */
    static void forEachBlock(FaceSet queries, FaceSet base, BlockConsumer consumer, String task,
                             ProgressListener progress, CancellationToken cancel) {
        if (queries.side() != base.side()) {
            throw new IllegalArgumentException("pixel distances need faces of one size, got " + queries.side()
                    + " and " + base.side() + " px");
        }
        if (queries.side() > MAX_SIDE) {
            throw new IllegalArgumentException("pixel distances work on faces up to " + MAX_SIDE + " px, got "
                    + queries.side());
        }
        int dim = queries.faceBytes();
        int tiles = (queries.count() + TILE - 1) / TILE;
        AtomicInteger done = new AtomicInteger();
        IntStream.range(0, tiles).parallel().forEach(t -> {
            int q0 = t * TILE;
            int qn = Math.min(TILE, queries.count() - q0);
            int[][] q = new int[qn][dim];
            for (int a = 0; a < qn; a++) {
                widen(queries, q0 + a, q[a]);
            }
            int[][] block = new int[BLOCK][dim];
            long[] squared = new long[BLOCK];
            for (int b0 = 0; b0 < base.count(); b0 += BLOCK) {
                cancel.throwIfCancelled();
                int bn = Math.min(BLOCK, base.count() - b0);
                for (int j = 0; j < bn; j++) {
                    widen(base, b0 + j, block[j]);
                }
                for (int a = 0; a < qn; a++) {
                    for (int j = 0; j < bn; j++) {
                        squared[j] = sumOfSquaredDifferences(q[a], block[j]);
                    }
                    consumer.accept(q0 + a, b0, squared, bn);
                }
            }
            int n = done.addAndGet(qn);
            progress.progress(n, queries.count(), task);
        });
    }

    /** Exact for faces up to MAX_SIDE: 90 * 90 * 3 * 255^2 < 2^31. */
    private static int sumOfSquaredDifferences(int[] a, int[] b) {
        int s = 0;
        for (int i = 0; i < a.length; i++) {
            int d = a[i] - b[i];
            s += d * d;
        }
        return s;
    }

    private static void widen(FaceSet faces, int index, int[] out) {
        byte[] px = faces.pixels();
        int off = index * out.length;
        for (int d = 0; d < out.length; d++) {
            out[d] = px[off + d] & 0xff;
        }
    }

    /** Root-mean-square difference per colour value (0..255) for a sum of squared differences over one face. */
    static double rms(long squared, int faceBytes) {
        return Math.sqrt((double) squared / faceBytes);
    }

    /**
     * Inserts candidate {@code id} at squared distance {@code d} into the ascending list of the {@code k} nearest
     * held at {@code best[offset..offset+k)} / {@code ids[offset..offset+k)}, if it is nearer than the last.
     */
    static void insertNearest(long[] best, int[] ids, int offset, int k, long d, int id) {
        if (d >= best[offset + k - 1]) {
            return;
        }
        int pos = k - 1;
        while (pos > 0 && best[offset + pos - 1] > d) {
            best[offset + pos] = best[offset + pos - 1];
            ids[offset + pos] = ids[offset + pos - 1];
            pos--;
        }
        best[offset + pos] = d;
        ids[offset + pos] = id;
    }
}
