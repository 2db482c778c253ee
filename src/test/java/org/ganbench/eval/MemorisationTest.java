package org.ganbench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import org.ganbench.common.CancellationToken;
import org.ganbench.common.Images;
import org.ganbench.common.ProgressListener;
import org.ganbench.dataset.FaceSet;
import org.junit.jupiter.api.Test;

class MemorisationTest {
    private static final CancellationToken GO = new CancellationToken();

    @Test
    void copiesFlagUnseenFacesAndFlatOrBlurredImagesDoNot() throws IOException {
        FaceSet all = TestFaces.evenlySpaced(TestFaces.shared("getchu64"), 600);
        FaceSet training = TestFaces.range(all, 0, 500);
        FaceSet heldOut = TestFaces.range(all, 500, 600);
        int[] realQueries = java.util.stream.IntStream.range(0, 100).map(i -> i * 5).toArray();

        Memorisation exact = summary(TestFaces.range(training, 100, 150), training, realQueries);
        assertEquals(1.0, exact.copiedFraction(), 0.0);
        assertEquals(0.0, exact.medianNearestToSecond(), 0.0);
        // copies with JPEG-like noise (sigma 4 of 255) still flag
        Memorisation noisyCopies = summary(TestFaces.noisy(TestFaces.range(training, 100, 150), 4, 1), training,
                realQueries);
        assertTrue(noisyCopies.copiedFraction() > 0.9, "noisy copies: " + noisyCopies);

        Memorisation.Analysis fresh = Memorisation.analyse(heldOut, training, realQueries, ProgressListener.NONE, GO);
        assertEquals(0.0, fresh.summary().copiedFraction(), 0.02, "unseen faces: " + fresh.summary());
        assertTrue(fresh.summary().medianNearestToSecond() > 0.8, "unseen faces: " + fresh.summary());
        assertEquals(0.0, fresh.summary().realCopiedFraction(), 0.02, "training faces: " + fresh.summary());
        BufferedImage picture = fresh.picture(heldOut, training, 16);
        assertEquals(4 * 64 + 5 * 2, picture.getWidth());
        assertEquals(16 * 64 + 17 * 2, picture.getHeight());

        // What misled before: grey and blurred images lie nearer to training faces than real faces do.
        FaceSet grey = TestFaces.constant(20, 64, 160, 140, 130);
        Memorisation flat = summary(grey, training, realQueries);
        assertTrue(flat.medianGenerated() < fresh.summary().medianGenerated(), "grey is pixel-close: " + flat);
        assertEquals(0.0, flat.copiedFraction(), 0.0, "grey: " + flat);
        Memorisation blurred = summary(blurred(heldOut), training, realQueries);
        assertEquals(0.0, blurred.copiedFraction(), 0.02, "blurred: " + blurred);
        assertTrue(blurred.medianNearestToSecond() > 0.8, "blurred: " + blurred);
    }

    private static Memorisation summary(FaceSet generated, FaceSet training, int[] realQueries) {
        return Memorisation.analyse(generated, training, realQueries, ProgressListener.NONE, GO).summary();
    }

    /** Each face scaled down to 8 px and back up: what an undertrained generator's smooth samples look like. */
    private static FaceSet blurred(FaceSet faces) {
        byte[] px = new byte[faces.pixels().length];
        for (int i = 0; i < faces.count(); i++) {
            BufferedImage small = Images.resizeSquare(faces.image(i), 8);
            BufferedImage back = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = back.createGraphics();
            g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION,
                    java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(small, 0, 0, 64, 64, null);
            g.dispose();
            System.arraycopy(Images.toRgb(back), 0, px, i * faces.faceBytes(), faces.faceBytes());
        }
        return new FaceSet(64, px, TestFaces.names(faces.count()));
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
        // Every training face has identical twins: nearest and second nearest are both 0, the ratio is undefined
        // (null, not NaN), and each such real face counts as a copy of its twin.
        assertNull(m.medianRealNearestToSecond());
        assertEquals(1.0, m.realCopiedFraction(), 0.0);
        assertEquals(0.0, m.copiedFraction(), 0.0);
        assertThrows(IllegalArgumentException.class, () -> Memorisation.analyse(grey, TestFaces.constant(3, 64, 0, 0, 0),
                new int[] {0}, ProgressListener.NONE, GO));
        assertThrows(IllegalArgumentException.class, () -> BirthdayCheck.closestPairs(TestFaces.constant(1, 64, 0, 0, 0),
                3, ProgressListener.NONE, GO));
        assertThrows(IllegalArgumentException.class, () -> NearestFaces.search(grey, null,
                TestFaces.constant(3, 32, 0, 0, 0), 1, "t", ProgressListener.NONE, GO));
    }
}
