package org.ganbench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.SplittableRandom;
import org.ganbench.common.CancellationToken;
import org.ganbench.common.ProgressListener;
import org.ganbench.dataset.FaceSet;
import org.junit.jupiter.api.Test;

class FeatureMetricsTest {
    private static final CancellationToken GO = new CancellationToken();

    @Test
    void frechetDistanceMatchesClosedFormForGaussians() {
        // N((0,0), diag(1,4)) against N((1,1), diag(4,1)): |dmu|^2 = 2, tr(A + B - 2 sqrt(AB)) = 10 - 8 = 2.
        int n = 40_000;
        SplittableRandom rng = new SplittableRandom(1);
        float[] a = new float[2 * n];
        float[] b = new float[2 * n];
        for (int i = 0; i < n; i++) {
            a[2 * i] = (float) rng.nextGaussian();
            a[2 * i + 1] = (float) (2 * rng.nextGaussian());
            b[2 * i] = (float) (1 + 2 * rng.nextGaussian());
            b[2 * i + 1] = (float) (1 + rng.nextGaussian());
        }
        assertEquals(4.0, FeatureMetrics.frechetDistance(a, b, 2), 0.15);
        assertEquals(0.0, FeatureMetrics.frechetDistance(a, a, 2), 1e-6);
    }

    @Test
    void realSetAgainstItselfAndAgainstOneRepeatedFace() throws IOException {
        FaceSet real = TestFaces.evenlySpaced(TestFaces.shared("getchu64"), 300);
        FaceSet other = TestFaces.evenlySpaced(TestFaces.shared("danbooru64"), 300);
        float[] fr = RandomFeatures.extract(real, ProgressListener.NONE, GO);
        float[] fo = RandomFeatures.extract(other, ProgressListener.NONE, GO);
        float[] repeated = RandomFeatures.extract(TestFaces.repeated(other, 0, 300), ProgressListener.NONE, GO);
        int d = RandomFeatures.DIM;

        FeatureMetrics.Prdc self = FeatureMetrics.prdc(fr, fr, d, GO);
        assertEquals(1.0, self.precision(), 1e-12);
        assertEquals(1.0, self.recall(), 1e-12);
        assertEquals(1.0, self.coverage(), 1e-12);
        assertTrue(FeatureMetrics.frechetDistance(fr, fr, d) < 1e-6);
        double kidSelf = FeatureMetrics.kernelInceptionDistance(fr, fr, d, GO);
        double kidOther = FeatureMetrics.kernelInceptionDistance(fr, fo, d, GO);
        // The unbiased estimate for a set against itself is slightly negative (-2 (mean k(x,x) - mean k(x,y)) / n).
        assertTrue(kidSelf <= 0 && -kidSelf < 0.2 * kidOther, "KID self " + kidSelf + " other " + kidOther);
        assertTrue(FeatureMetrics.frechetDistance(fr, fo, d) > 0);

        FeatureMetrics.Prdc collapsed = FeatureMetrics.prdc(fo, repeated, d, GO);
        assertTrue(collapsed.coverage() < 0.05, "coverage of one repeated face " + collapsed.coverage());
        assertTrue(collapsed.recall() < 0.05, "recall of one repeated face " + collapsed.recall());
    }

    @Test
    void randomFeaturesAreFixedAndFinite() {
        FaceSet grey = TestFaces.constant(2, 64, 128, 128, 128);
        float[] f1 = RandomFeatures.extract(grey, ProgressListener.NONE, GO);
        float[] f2 = RandomFeatures.extract(grey, ProgressListener.NONE, GO);
        assertEquals(2 * RandomFeatures.DIM, f1.length);
        for (int i = 0; i < f1.length; i++) {
            assertTrue(Float.isFinite(f1[i]));
            assertEquals(f1[i], f2[i], 0f);
        }
    }

    @Test
    void degenerateInputGivesDocumentedValuesOrErrors() {
        float[] same = new float[10 * 3];
        java.util.Arrays.fill(same, 0.5f);
        float[] other = same.clone();
        other[0] = 1.5f;
        // Means differ by 0.1 in one dimension (0.01); only `other` varies there, variance 0.9 / 9 = 0.1.
        assertEquals(0.11, FeatureMetrics.frechetDistance(same, other, 3), 1e-6);
        FeatureMetrics.Prdc prdc = FeatureMetrics.prdc(same, same, 3, GO);
        // All real points coincide: every k-NN radius is 0 and strict comparisons never hold.
        assertEquals(0.0, prdc.precision());
        assertEquals(0.0, prdc.coverage());
        assertThrows(IllegalArgumentException.class, () -> FeatureMetrics.prdc(new float[5 * 3], same, 3, GO));
        assertThrows(IllegalArgumentException.class, () -> FeatureMetrics.frechetDistance(new float[3], same, 3));
        assertThrows(IllegalArgumentException.class, () -> FeatureMetrics.kernelInceptionDistance(new float[4], same, 3, GO));
    }
}
