package org.ganbench.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.ganbench.TestImages;
import org.ganbench.common.CancellationToken;
import org.ganbench.common.ProgressListener;
import org.ganbench.train.Algorithm;
import org.ganbench.train.TrainableGans;
import org.ganbench.train.Trainer;
import org.ganbench.train.TrainingSession;

/** Tiny datasets and runs trained by the real engine at a width of 16, for the window tests. */
public final class TinyRuns {
    public static final int CH = 16;
    public static final int BATCH = 4;

    private TinyRuns() {
    }

    /** {@code datasets/<name>/faces/} with {@code n} distinct 64x64 faces. */
    public static Path dataset(Path workspace, String name, int n, int seed) throws IOException {
        Path dir = workspace.resolve("datasets").resolve(name);
        for (int i = 0; i < n; i++) {
            TestImages.writeFace(dir.resolve("faces/f" + i + ".png"), 64, 64, seed + i);
        }
        return dir;
    }

    /** Trains {@code steps} steps into {@code runDir} (a grid and a checkpoint every 2 steps) and waits for the end. */
    public static Path train(Path dataset, Path runDir, Algorithm algorithm, long steps) throws IOException, InterruptedException {
        try (TrainingSession session = TrainingSession.newRun(algorithm.defaults(CH, BATCH, 1), dataset, runDir, steps,
                2, 2, TrainableGans::create, ProgressListener.NONE, new CancellationToken())) {
            session.trainer().start();
            if (!session.trainer().join(Duration.ofMinutes(3)) || session.trainer().state() != Trainer.State.FINISHED) {
                throw new IllegalStateException("the tiny run did not finish: " + session.trainer().state());
            }
        }
        return runDir;
    }
}
