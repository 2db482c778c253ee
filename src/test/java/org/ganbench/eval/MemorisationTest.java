package org.ganbench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import org.ganbench.common.CancellationToken;
import org.ganbench.common.ProgressListener;
import org.ganbench.dataset.FaceSet;
import org.junit.jupiter.api.Test;

class MemorisationTest {
    private static final CancellationToken GO = new CancellationToken();

    @Test
    void copiedTrainingFacesAreCaughtAndFreshRealFacesAreNot() throws IOException {
        FaceSet all = TestFaces.evenlySpaced(TestFaces.shared("getchu64"), 600);
        FaceSet training = TestFaces.range(all, 0, 500);
        FaceSet heldOut = TestFaces.range(all, 500, 600);
        int[] realQueries = java.util.stream.IntStream.range(0, 100).map(i -> i * 5).toArray();

        Memorisation copied = Memorisation.analyse(TestFaces.range(training, 100, 150), training, realQueries,
                ProgressListener.NONE, GO).summary();
        assertEquals(0.0, copied.medianGenerated(), 0.0);
        assertEquals(0.0, copied.medianRatio(), 0.0);
        assertEquals(1.0, copied.closerThanAnyReal(), 0.0);

        Memorisation.Analysis fresh = Memorisation.analyse(heldOut, training, realQueries, ProgressListener.NONE, GO);
        double ratio = fresh.summary().medianRatio();
        assertTrue(ratio > 0.8 && ratio < 1.25, "held-out real faces look memorised: ratio " + ratio);
        BufferedImage picture = fresh.picture(heldOut, training, 16);
        assertEquals(4 * 64 + 5 * 2, picture.getWidth());
        assertEquals(16 * 64 + 17 * 2, picture.getHeight());
    }

    @Test
    void nearestNeighboursAreExactAndSkipThemselves() {
        FaceSet faces = TestFaces.noisy(TestFaces.constant(30, 64, 100, 100, 100), 40, 3);
        int[] self = java.util.stream.IntStream.range(0, 30).toArray();
        NearestFaces nn = NearestFaces.search(faces, self, faces, 2, "test", ProgressListener.NONE, GO);
        for (int q = 0; q < 30; q++) {
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < 30; j++) {
                if (j != q) {
                    best = Math.min(best, bruteForceRms(faces, q, j));
                }
            }
            assertTrue(nn.nearestIndex(q) != q);
            assertEquals(best, nn.nearestDistance(q), 1e-9);
        }
    }

    private static double bruteForceRms(FaceSet f, int a, int b) {
        long s = 0;
        for (int d = 0; d < f.faceBytes(); d++) {
            int diff = (f.pixels()[a * f.faceBytes() + d] & 0xff) - (f.pixels()[b * f.faceBytes() + d] & 0xff);
            s += (long) diff * diff;
        }
        return Math.sqrt((double) s / f.faceBytes());
    }

    @Test
    void birthdayCheckFindsThePlantedDuplicate() {
        FaceSet base = TestFaces.noisy(TestFaces.constant(40, 64, 128, 90, 60), 50, 8);
        int[] idx = java.util.stream.IntStream.range(0, 41).map(i -> i == 40 ? 17 : i).toArray();
        List<BirthdayCheck.Pair> pairs = BirthdayCheck.closestPairs(base.subset(idx), 5, ProgressListener.NONE, GO);
        assertEquals(new BirthdayCheck.Pair(17, 40, 0.0), pairs.get(0));
        assertTrue(pairs.get(1).distance() > 10);
        assertEquals(5, pairs.size());
    }

    @Test
    void degenerateInputIsDocumentedOrRejected() {
        FaceSet grey = TestFaces.constant(10, 64, 50, 50, 50);
        Memorisation m = Memorisation.analyse(TestFaces.constant(3, 64, 60, 50, 50), grey, new int[] {0, 1},
                ProgressListener.NONE, GO).summary();
        // Every real face has an identical twin: the ratio is undefined and reported as null, not NaN.
        assertNull(m.medianRatio());
        assertThrows(IllegalArgumentException.class, () -> Memorisation.analyse(grey, TestFaces.constant(3, 64, 0, 0, 0),
                new int[] {0}, ProgressListener.NONE, GO));
        assertThrows(IllegalArgumentException.class, () -> BirthdayCheck.closestPairs(TestFaces.constant(1, 64, 0, 0, 0),
                3, ProgressListener.NONE, GO));
        assertThrows(IllegalArgumentException.class, () -> NearestFaces.search(grey, null,
                TestFaces.constant(3, 32, 0, 0, 0), 1, "t", ProgressListener.NONE, GO));
    }
}
