package org.ganbench.eval;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.ganbench.common.CancellationToken;
import org.ganbench.common.Images;
import org.ganbench.common.ProgressListener;
import org.ganbench.dataset.FaceSet;

/**
 * The birthday-paradox test of Arora and Zhang (2017): among s samples, the most similar pairs (pixel distance), shown
 * for a person to judge whether they are duplicates. If duplicates appear among s samples, the generator's support is
 * roughly s^2 images.
 */
public final class BirthdayCheck {
    private BirthdayCheck() {
    }

    /** Two faces of one set and their RMS pixel distance (0..255 scale). */
    public record Pair(int first, int second, double distance) {
    }

    /** The {@code count} closest pairs among all faces of {@code faces}, closest first (exact, all pairs compared). */
    public static List<Pair> closestPairs(FaceSet faces, int count, ProgressListener progress,
                                          CancellationToken cancel) {
        if (faces.count() < 2) {
            throw new IllegalArgumentException("birthday check needs at least 2 faces, got " + faces.count());
        }
        int n = faces.count();
        // Per face, its best `count` partners with a higher index; the global best pairs are among these.
        long[] best = new long[n * count];
        int[] partner = new int[n * count];
        Arrays.fill(best, Long.MAX_VALUE);
        Arrays.fill(partner, -1);
        PixelDistances.forEachBlock(faces, faces, (q, start, squared, blockCount) -> {
            int o = q * count;
            for (int j = Math.max(0, q + 1 - start); j < blockCount; j++) {
                PixelDistances.insertNearest(best, partner, o, count, squared[j], start + j);
            }
        }, "birthday check", progress, cancel);
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < n * count; i++) {
            if (partner[i] >= 0) {
                pairs.add(new Pair(i / count, partner[i], PixelDistances.rms(best[i], faces.faceBytes())));
            }
        }
        pairs.sort(Comparator.comparingDouble(Pair::distance));
        return List.copyOf(pairs.subList(0, Math.min(count, pairs.size())));
    }

    /** One row per pair, closest first. */
    public static BufferedImage picture(FaceSet faces, List<Pair> pairs) {
        List<BufferedImage> tiles = new ArrayList<>();
        for (Pair p : pairs) {
            tiles.add(faces.image(p.first()));
            tiles.add(faces.image(p.second()));
        }
        return Images.grid(tiles, 2, 2);
    }
}
