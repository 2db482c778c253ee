package org.ganbench.eval;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.ganbench.common.CancellationToken;
import org.ganbench.common.ProgressListener;
import org.ganbench.dataset.FaceSet;

/**
 * Exact pixel distances between faces (sum of squared RGB differences, in integers) for nearest-neighbour searches:
 * ||q - b||^2 = ||q||^2 + ||b||^2 - 2 q.b, with the dot products computed for tiles of queries against blocks of
 * base faces stored transposed, so that the innermost loop is a vectorisable integer row update.
 */
final class PixelDistances {
    private static final int BLOCK = 64;
    private static final int TILE = 8;
    /** Beyond this side a dot product of 0..255 values could overflow an int. */
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
        long[] queryNorms = norms(queries);
        long[] baseNorms = norms(base);
        int tiles = (queries.count() + TILE - 1) / TILE;
        AtomicInteger done = new AtomicInteger();
        IntStream.range(0, tiles).parallel().forEach(t -> {
            int q0 = t * TILE;
            int qn = Math.min(TILE, queries.count() - q0);
            int[][] q = new int[qn][dim];
            for (int a = 0; a < qn; a++) {
                int off = (q0 + a) * dim;
                for (int d = 0; d < dim; d++) {
                    q[a][d] = queries.pixels()[off + d] & 0xff;
                }
            }
            int[] block = new int[dim * BLOCK];
            int[][] dots = new int[qn][BLOCK];
            long[] squared = new long[BLOCK];
            for (int b0 = 0; b0 < base.count(); b0 += BLOCK) {
                cancel.throwIfCancelled();
                int bn = Math.min(BLOCK, base.count() - b0);
                transpose(base, b0, bn, block);
                for (int[] row : dots) {
                    java.util.Arrays.fill(row, 0);
                }
                for (int d = 0; d < dim; d++) {
                    int bo = d * BLOCK;
                    for (int a = 0; a < qn; a++) {
                        int v = q[a][d];
                        if (v == 0) {
                            continue;
                        }
                        int[] acc = dots[a];
                        for (int j = 0; j < BLOCK; j++) {
                            acc[j] += v * block[bo + j];
                        }
                    }
                }
                for (int a = 0; a < qn; a++) {
                    for (int j = 0; j < bn; j++) {
                        squared[j] = queryNorms[q0 + a] + baseNorms[b0 + j] - 2L * dots[a][j];
                    }
                    consumer.accept(q0 + a, b0, squared, bn);
                }
            }
            int n = done.addAndGet(qn);
            progress.progress(n, queries.count(), task);
        });
    }

    /** Root-mean-square difference per colour value (0..255) for a sum of squared differences over one face. */
    static double rms(long squared, int faceBytes) {
        return Math.sqrt((double) squared / faceBytes);
    }

    private static void transpose(FaceSet base, int start, int count, int[] block) {
        int dim = base.faceBytes();
        byte[] px = base.pixels();
        java.util.Arrays.fill(block, 0);
        for (int j = 0; j < count; j++) {
            int off = (start + j) * dim;
            for (int d = 0; d < dim; d++) {
                block[d * BLOCK + j] = px[off + d] & 0xff;
            }
        }
    }

    private static long[] norms(FaceSet faces) {
        long[] out = new long[faces.count()];
        int dim = faces.faceBytes();
        byte[] px = faces.pixels();
        IntStream.range(0, faces.count()).parallel().forEach(i -> {
            long s = 0;
            for (int d = 0; d < dim; d++) {
                int v = px[i * dim + d] & 0xff;
                s += v * v;
            }
            out[i] = s;
        });
        return out;
    }
}
