package org.ganbench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.ganbench.common.CancellationToken;
import org.ganbench.common.ProgressListener;
import org.ganbench.train.Algorithm;
import org.ganbench.train.TrainableGans;
import org.ganbench.train.Trainer;
import org.ganbench.train.TrainingSession;

/**
 * A tiny run that the real engine trains in a few seconds (SNGAN, width 16, batch 4, 4 steps, a grid and a checkpoint
 * every 2), for tests that need a run folder with grids, checkpoints and a generator.zip.
 */
public final class TinyRun {
    private TinyRun() {
    }

    /** Trains the tiny run into {@code runDir} on 12 test faces written beside it; returns {@code runDir}. */
    public static Path train(Path runDir) throws Exception {
        Path faces = runDir.resolveSibling(runDir.getFileName() + "-faces");
        for (int i = 0; i < 12; i++) {
            TestImages.writeFace(faces.resolve("face" + i + ".png"), 64, 64, i);
        }
        try (TrainingSession session = TrainingSession.newRun(Algorithm.SNGAN.defaults(16, 4, 3), faces, runDir, 4,
                2, 2, TrainableGans::create, ProgressListener.NONE, new CancellationToken())) {
            session.trainer().start();
            if (!session.trainer().join(Duration.ofMinutes(3)) || session.trainer().state() != Trainer.State.FINISHED) {
                throw new IOException("the tiny run did not finish: " + session.trainer().state());
            }
        }
        return runDir;
    }
}
