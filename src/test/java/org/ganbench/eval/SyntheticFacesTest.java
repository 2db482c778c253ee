package org.ganbench.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.ganbench.common.CancellationToken;
import org.ganbench.common.ProgressListener;
import org.ganbench.dataset.FaceSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticFacesTest {
    @Test
    void classifierReadsModesBackFromFreshFaces() {
        SyntheticFaces.Generated fresh = SyntheticFaces.generate(3000, 987_654_321L, ProgressListener.NONE,
                new CancellationToken());
        int[] predicted = ModeClassifier.classify(fresh.faces());
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] == fresh.modes()[i]) {
                correct++;
            }
        }
        double accuracy = correct / (double) predicted.length;
        assertTrue(accuracy > 0.99, "accuracy " + accuracy);
    }

    @Test
    void modeCountingSeesFullAndCollapsedSets() {
        SyntheticFaces.Generated set = SyntheticFaces.generate(2000, 5, ProgressListener.NONE, new CancellationToken());
        ModeCoverage full = ModeCoverage.of(set.faces());
        assertEquals(64, full.modesCovered());
        assertTrue(full.klFromUniform() < 0.05, "KL of a uniform draw " + full.klFromUniform());

        int[] one = new int[40];
        java.util.Arrays.fill(one, 7);
        ModeCoverage collapsed = ModeCoverage.of(set.faces().subset(indicesOfMode(set, set.modes()[0], 40)));
        assertEquals(1, collapsed.modesCovered());
        assertEquals(Math.log(64), collapsed.klFromUniform(), 1e-9);
        assertEquals(Math.log(64), ModeCoverage.fromModes(one).klFromUniform(), 1e-9);
    }

    private static int[] indicesOfMode(SyntheticFaces.Generated set, int mode, int max) {
        return java.util.stream.IntStream.range(0, set.modes().length).filter(i -> set.modes()[i] == mode)
                .limit(max).toArray();
    }

    @Test
    void drawingIsReproducibleAndModesRoundTrip() {
        for (int m = 0; m < SyntheticFaces.MODES; m++) {
            assertEquals(m, SyntheticFaces.mode(SyntheticFaces.hairOf(m), SyntheticFaces.eyesOf(m),
                    SyntheticFaces.backgroundOf(m)));
        }
        FaceSet a = SyntheticFaces.generate(20, 3, ProgressListener.NONE, new CancellationToken()).faces();
        FaceSet b = SyntheticFaces.generate(20, 3, ProgressListener.NONE, new CancellationToken()).faces();
        assertArrayEquals(a.pixels(), b.pixels());
    }

    @Test
    void writesTheSharedDatasetLayoutAndNeverOverwrites(@TempDir Path tmp) throws IOException {
        Path dataset = tmp.resolve("datasets/demo");
        long[] last = {0};
        SyntheticDataset.write(dataset, 100, 11, (done, total, msg) -> last[0] = done, new CancellationToken());

        assertEquals(100, last[0]);
        List<String> manifest = Files.readAllLines(dataset.resolve("manifest.csv"));
        assertEquals(SyntheticDataset.MANIFEST_HEADER, manifest.get(0));
        assertTrue(manifest.get(0).startsWith("face,source,det_x,det_y,det_w,det_h,crop_x,crop_y,crop_w,crop_h,"
                + "source_sha256,phash,duplicate_of"));
        assertEquals(101, manifest.size());
        String[] first = manifest.get(1).split(",", -1);
        assertEquals(SyntheticFaces.faceName(0), first[0]);
        assertEquals(Integer.toString(SyntheticFaces.modeOf(11, 0)), first[13]);
        assertTrue(Files.isRegularFile(dataset.resolve("report.json")));
        assertTrue(SyntheticDataset.hasModes(dataset));

        FaceSet loaded = FaceFolders.load(dataset, ProgressListener.NONE, new CancellationToken());
        assertEquals(100, loaded.count());
        int[] modes = ModeClassifier.classify(loaded);
        for (int i = 0; i < 100; i++) {
            assertEquals(SyntheticFaces.modeOf(11, i), modes[i], "face " + i);
        }

        byte[] before = Files.readAllBytes(dataset.resolve("manifest.csv"));
        assertThrows(IOException.class, () -> SyntheticDataset.write(dataset, 10, 1, ProgressListener.NONE,
                new CancellationToken()));
        assertArrayEquals(before, Files.readAllBytes(dataset.resolve("manifest.csv")));
    }

    @Test
    void cancellingLeavesNoDataset(@TempDir Path tmp) throws IOException {
        Path dataset = tmp.resolve("cancelled");
        CancellationToken cancel = new CancellationToken();
        assertThrows(CancellationException.class, () -> SyntheticDataset.write(dataset, 5000, 1,
                (done, total, msg) -> cancel.cancel(), cancel));
        assertFalse(Files.exists(dataset));
        try (var left = Files.list(tmp)) {
            assertEquals(0, left.count(), "staging folder left behind");
        }
    }
}
