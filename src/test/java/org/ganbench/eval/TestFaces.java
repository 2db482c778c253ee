package org.ganbench.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ganbench.SharedData;
import org.ganbench.common.CancellationToken;
import org.ganbench.common.ProgressListener;
import org.ganbench.dataset.FaceSet;

/** Face sets for evaluation tests: shared real faces, and small generated ones. */
final class TestFaces {
    private TestFaces() {
    }

    /** All faces of {@code shared/data/faces/<name>} at 64 px. */
    static FaceSet shared(String name) throws IOException {
        Path dir = SharedData.path("faces/" + name);
        return FaceSet.loadFolder(dir, 64, ProgressListener.NONE, new CancellationToken());
    }

    /** {@code n} faces evenly spaced over the set (index floor(i * count / n)), in order. */
    static FaceSet evenlySpaced(FaceSet faces, int n) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = (int) ((long) i * faces.count() / n);
        }
        return faces.subset(idx);
    }

    /** Faces {@code from .. to-1}. */
    static FaceSet range(FaceSet faces, int from, int to) {
        return faces.subset(java.util.stream.IntStream.range(from, to).toArray());
    }

    /** {@code n} copies of one face. */
    static FaceSet repeated(FaceSet faces, int face, int n) {
        int[] idx = new int[n];
        java.util.Arrays.fill(idx, face);
        return faces.subset(idx);
    }

    /** {@code n} images of one flat colour. */
    static FaceSet constant(int n, int side, int r, int g, int b) {
        byte[] px = new byte[n * side * side * 3];
        for (int i = 0; i < px.length; i += 3) {
            px[i] = (byte) r;
            px[i + 1] = (byte) g;
            px[i + 2] = (byte) b;
        }
        return new FaceSet(side, px, names(n));
    }

    /** Each face of {@code faces} with Gaussian noise of standard deviation {@code sigma} added (clamped). */
    static FaceSet noisy(FaceSet faces, double sigma, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        byte[] px = faces.pixels().clone();
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) Math.max(0, Math.min(255, Math.round((px[i] & 0xff) + sigma * rng.nextGaussian())));
        }
        return new FaceSet(faces.side(), px, names(faces.count()));
    }

    static List<String> names(int n) {
        List<String> names = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            names.add("face" + i + ".png");
        }
        return names;
    }
}
