package org.ganbench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.ganbench.common.CancellationToken;
import org.ganbench.dataset.FaceSet;
import org.junit.jupiter.api.Test;

class MsSsimTest {
    @Test
    void imageWithItselfIsOneAndFallsWithNoise() throws IOException {
        FaceSet faces = TestFaces.evenlySpaced(TestFaces.shared("getchu64"), 4);
        double previous = 1;
        assertEquals(1.0, MsSsim.between(faces, 0, faces, 0), 1e-12);
        for (double sigma : new double[] {5, 20, 60}) {
            double v = MsSsim.between(faces, 0, TestFaces.noisy(faces, sigma, 1), 0);
            assertTrue(v < previous, "sigma " + sigma + ": " + v + " not below " + previous);
            previous = v;
        }
        // Coarse scales carry most of the weight and average the noise away, hence still 0.87. The same pair gives
        // 0.8667617602270883 in a numpy/scipy transcription of progressive_growing_of_gans' metrics/ms_ssim.py
        // (fftconvolve, float64), run on 2026-11-26 on the bytes of these two images.
        assertEquals(0.8667617602270883, previous, 1e-9);
    }

    @Test
    void repeatedImageHasNoDiversity() throws IOException {
        FaceSet one = TestFaces.repeated(TestFaces.shared("getchu64"), 7, 20);
        assertEquals(1.0, MsSsim.diversity(one, 50, 0, new CancellationToken()).mean(), 1e-12);
    }

    @Test
    void realFacesAreDiverse() throws IOException {
        FaceSet faces = TestFaces.evenlySpaced(TestFaces.shared("getchu64"), 200);
        MsSsim.Diversity d = MsSsim.diversity(faces, 200, 0, new CancellationToken());
        assertTrue(d.mean() > 0.01 && d.mean() < 0.5, "MS-SSIM of distinct faces " + d.mean());
        assertEquals(200, d.pairs());
    }

    @Test
    void gaussianWindowMatchesReferenceShape() {
        double[] g = MsSsim.gaussian1d(11, 1.5);
        assertEquals(1.0, java.util.Arrays.stream(g).sum(), 1e-12);
        assertEquals(g[0], g[10], 1e-15);
        double[] even = MsSsim.gaussian1d(8, 8 * 1.5 / 11);
        assertEquals(even[3], even[4], 1e-15);
    }

    @Test
    void constantImagesAreFiniteAndBadInputIsRejected() {
        FaceSet black = TestFaces.constant(2, 64, 0, 0, 0);
        FaceSet white = TestFaces.constant(2, 64, 255, 255, 255);
        double v = MsSsim.between(black, 0, white, 0);
        assertTrue(Double.isFinite(v) && v > 0 && v < 0.5, "black vs white " + v);
        assertEquals(1.0, MsSsim.diversity(black, 3, 0, new CancellationToken()).mean(), 1e-12);
        assertThrows(IllegalArgumentException.class,
                () -> MsSsim.diversity(TestFaces.constant(1, 64, 0, 0, 0), 3, 0, new CancellationToken()));
        assertThrows(IllegalArgumentException.class,
                () -> MsSsim.diversity(TestFaces.constant(4, 24, 0, 0, 0), 3, 0, new CancellationToken()));
        assertThrows(IllegalArgumentException.class, () -> MsSsim.between(black, 0, TestFaces.constant(1, 32, 0, 0, 0), 0));
    }
}
