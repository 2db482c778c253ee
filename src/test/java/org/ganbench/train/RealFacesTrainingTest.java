package org.ganbench.train;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.ganbench.SharedData;
import org.ganbench.common.CancellationToken;
import org.ganbench.common.ProgressListener;
import org.ganbench.common.ReproducibleRandom;
import org.ganbench.dataset.FaceSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A few real steps on shared anime faces at a small width: every network's weights move, nothing diverges. */
class RealFacesTrainingTest {

    /** The faces in order, cycling, as NCHW floats in [-1, 1]. */
    private static BatchSource inOrder(FaceSet faces) {
        int[] next = {0};
        int side = faces.side();
        int plane = side * side;
        return n -> {
            float[] out = new float[n * 3 * plane];
            for (int k = 0; k < n; k++) {
                int face = next[0]++ % faces.count();
                int base = face * faces.faceBytes();
                for (int p = 0; p < plane; p++) {
                    for (int c = 0; c < 3; c++) {
                        out[k * 3 * plane + c * plane + p] = (faces.pixels()[base + 3 * p + c] & 0xff) / 127.5f - 1f;
                    }
                }
            }
            return out;
        };
    }

    @Test
    void stepsOnGetchuFacesChangeTheWeightsOfBothNetworks(@TempDir Path tmp) throws IOException {
        Path folder = SharedData.path("faces/getchu64");
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.sorted().limit(48).toList(); // a small slice keeps the test quick; all are 64x64 faces
        }
        FaceSet faces = FaceSet.loadFiles(folder, files, 64, ProgressListener.NONE, new CancellationToken());
        BatchSource data = inOrder(faces);
        float[] z = new ReproducibleRandom(1).uniform(4 * 128, -1f, 1f);
        for (Algorithm algorithm : Algorithm.values()) {
            try (TrainableGan a = TrainableGans.create(algorithm.defaults(16, 8, 11))) {
                byte[] before = a.generate(z, 4);
                a.saveCheckpoint(tmp.resolve(algorithm + "-before"));
                for (int i = 0; i < 3; i++) {
                    StepStats s = a.step(data);
                    assertTrue(s.isFinite(), algorithm + " step " + i + ": " + s);
                }
                a.saveCheckpoint(tmp.resolve(algorithm + "-after"));
                assertFalse(Arrays.equals(before, a.generate(z, 4)), algorithm + ": G's samples did not change");
                for (String file : List.of("generator.bin", "discriminator.bin")) {
                    assertFalse(Arrays.equals(Files.readAllBytes(tmp.resolve(algorithm + "-before").resolve(file)),
                            Files.readAllBytes(tmp.resolve(algorithm + "-after").resolve(file))),
                            algorithm + ": " + file + " did not change");
                }
            }
        }
    }
}
