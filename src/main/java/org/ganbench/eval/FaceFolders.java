package org.ganbench.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.ganbench.common.CancellationToken;
import org.ganbench.common.ProgressListener;
import org.ganbench.dataset.FaceSet;

/** Face sets for evaluation: loaded from a folder or a dataset, and drawn down to a sample size. */
public final class FaceFolders {
    /** Evaluation works on faces of this side; larger or smaller images are resized on loading. */
    public static final int SIDE = 64;

    private FaceFolders() {
    }

    /**
     * Every image below {@code dir} at 64x64. A dataset folder (with {@code manifest.csv} and {@code faces/}) gives
     * its {@code faces/} only, so that rejected faces do not count.
     */
    public static FaceSet load(Path dir, ProgressListener progress, CancellationToken cancel) throws IOException {
        Path faces = dir.resolve("faces");
        boolean dataset = Files.isRegularFile(dir.resolve("manifest.csv")) && Files.isDirectory(faces);
        return FaceSet.loadFolder(dataset ? faces : dir, SIDE, progress, cancel);
    }

    /**
     * {@code n} faces drawn without replacement (seeded, kept in folder order), or all of them when there are no
     * more than {@code n}.
     */
    public static FaceSet sample(FaceSet faces, int n, long seed) {
        if (n < 1) {
            throw new IllegalArgumentException("sample size must be at least 1, was " + n);
        }
        if (faces.count() <= n) {
            return faces;
        }
        return faces.subset(sampleIndices(faces.count(), n, seed));
    }

    /**
     * {@code n} distinct indices below {@code count} (ascending), or all of them when count <= n: the ones numpy's
     * {@code default_rng(seed).choice(count, n, replace=False)} picks, as {@code shared/bench/swd.py} does.
     */
    static int[] sampleIndices(int count, int n, long seed) {
        if (count <= n) {
            return IntStream.range(0, count).toArray();
        }
        return NumpySubset.sortedChoice(count, n, seed);
    }

    /** The first {@code n} faces, as swd.py trims the larger side to the smaller one's count. */
    public static FaceSet first(FaceSet faces, int n) {
        return faces.count() <= n ? faces : faces.subset(IntStream.range(0, n).toArray());
    }
}
