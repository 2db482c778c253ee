package org.ganbench.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;
import org.ganbench.common.CancellationToken;
import org.ganbench.common.ProgressListener;
import org.ganbench.common.Workspace;

/**
 * A run made ready to train, new or resumed: the algorithm, the faces, the run folder and its (not yet started)
 * {@link Trainer}, with the checks that keep a run repeatable. The CLI and the window prepare runs through it.
 * Closing the session closes the algorithm: do it once the trainer has ended.
 */
public final class TrainingSession implements AutoCloseable {
    private final TrainableGan algorithm;
    private final TrainingData data;
    private final RunFolder run;
    private final Trainer trainer;

    private TrainingSession(TrainableGan algorithm, TrainingData data, RunFolder run) {
        this.algorithm = algorithm;
        this.data = data;
        this.run = run;
        this.trainer = new Trainer(algorithm, data.faces(), run);
    }

    /**
     * A new run in {@code runDir} on the dataset in {@code datasetDir}.
     *
     * @param engine makes the algorithm ({@code TrainableGans::create} but for tests)
     */
    public static TrainingSession newRun(TrainingConfig config, Path datasetDir, Path runDir, long steps,
                                         int sampleEvery, int checkpointEvery,
                                         Function<TrainingConfig, TrainableGan> engine, ProgressListener progress,
                                         CancellationToken cancel) throws IOException {
        // checked before the (possibly slow, memory-hungry) algorithm is built
        TrainingData.requireFolder(datasetDir);
        if (Files.exists(runDir.resolve("config.json"))) {
            throw new IOException("a run already exists in " + runDir + " (use resume to continue it)");
        }
        TrainableGan algorithm = engine.apply(config);
        try {
            TrainingData data = TrainingData.load(datasetDir, algorithm.imageSide(), progress, cancel);
            RunFolder run = RunFolder.create(runDir, RunConfig.create(config, data, steps, sampleEvery,
                    checkpointEvery, algorithm.device()));
            return new TrainingSession(algorithm, data, run);
        } catch (IOException | RuntimeException e) {
            algorithm.close();
            throw e;
        }
    }

    /**
     * The run in {@code runDir}, to be continued from its newest complete checkpoint on the same dataset; with
     * {@code newSteps} (may be null) as its new total.
     */
    public static TrainingSession resume(Path runDir, Long newSteps, Function<TrainingConfig, TrainableGan> engine,
                                         ProgressListener progress, CancellationToken cancel) throws IOException {
        RunFolder run = RunFolder.open(runDir);
        RunConfig config = run.config();
        long reached = run.newestCheckpoint().map(RunFolder.StepFile::step).orElse(0L);
        if (newSteps != null && newSteps < reached) {
            throw new IllegalArgumentException("--steps " + newSteps + " is below the step the run has reached ("
                    + reached + ")");
        }
        Path datasetDir = Path.of(config.dataset());
        TrainingData.requireFolder(datasetDir);
        TrainableGan algorithm = engine.apply(config.training());
        try {
            TrainingData data = TrainingData.load(datasetDir, algorithm.imageSide(), progress, cancel);
            if (!data.sha256().equals(config.datasetSha256())) {
                throw new IOException("the dataset " + config.dataset() + " changed since the run started (SHA-256 "
                        + data.sha256() + ", the run recorded " + config.datasetSha256()
                        + "): the run would continue on other faces");
            }
            if (newSteps != null) {
                run.writeConfig(config.withSteps(newSteps));
            }
            return new TrainingSession(algorithm, data, run);
        } catch (IOException | RuntimeException e) {
            algorithm.close();
            throw e;
        }
    }

    /** {@code runs/<algo>-<yyyyMMdd-HHmmss>} in the workspace. */
    public static Path defaultRunDir(Workspace workspace, Algorithm algorithm) {
        return workspace.runs().resolve(algorithm.name().toLowerCase(Locale.ROOT) + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    }

    public Trainer trainer() {
        return trainer;
    }

    public RunFolder run() {
        return run;
    }

    public TrainingData data() {
        return data;
    }

    @Override
    public void close() {
        algorithm.close();
    }
}
