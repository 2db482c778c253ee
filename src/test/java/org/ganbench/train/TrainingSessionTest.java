package org.ganbench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ganbench.common.CancellationToken;
import org.ganbench.common.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingSessionTest {
    @TempDir
    Path tmp;

    private final List<ToyGan> made = new ArrayList<>();

    private ToyGan engine(TrainingConfig config) {
        ToyGan toy = new ToyGan(config);
        made.add(toy);
        return toy;
    }

    @Test
    void aDatasetWithoutImagesCreatesNoRunAndReleasesTheAlgorithm() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        IOException e = assertThrows(IOException.class, () -> TrainingSession.newRun(ToyGan.config(1), empty,
                tmp.resolve("run"), 10, 5, 5, this::engine, ProgressListener.NONE, new CancellationToken()));
        assertTrue(e.getMessage().startsWith("no face images"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("run")));
        assertEquals(1, made.size());
        assertTrue(made.get(0).closed);
    }

    @Test
    void aMissingDatasetFailsBeforeTheAlgorithmIsBuilt() {
        IOException e = assertThrows(IOException.class, () -> TrainingSession.newRun(ToyGan.config(1),
                tmp.resolve("nowhere"), tmp.resolve("run"), 10, 5, 5, this::engine, ProgressListener.NONE,
                new CancellationToken()));
        assertTrue(e.getMessage().startsWith("dataset not found"), e.getMessage());
        assertEquals(List.of(), made);
    }

    @Test
    void closingTheSessionClosesTheAlgorithm() throws Exception {
        Path data = tmp.resolve("data");
        org.ganbench.common.Images.writePng(new java.awt.image.BufferedImage(9, 11, java.awt.image.BufferedImage.TYPE_INT_RGB),
                data.resolve("a.png"));
        try (TrainingSession session = TrainingSession.newRun(ToyGan.config(1), data, tmp.resolve("run"), 10, 5, 5,
                this::engine, ProgressListener.NONE, new CancellationToken())) {
            assertEquals(1, session.data().faces().count());
            assertEquals(Trainer.State.NEW, session.trainer().state());
            assertTrue(session.trainer().join(java.time.Duration.ofMillis(1)), "an unstarted trainer is not awaited");
            assertTrue(Files.isRegularFile(session.run().configFile()));
        }
        assertTrue(made.get(0).closed);
    }
}
