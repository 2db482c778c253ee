package org.ganbench.train;

import java.time.Instant;
import org.ganbench.common.Versions;

/**
 * Everything needed to repeat a run, as stored in its {@code config.json}: the hyperparameters, the dataset and a
 * hash of its contents, the schedule, and where and with what it ran.
 *
 * @param steps           total training steps the run aims for (raised by {@code resume --steps})
 * @param datasetSha256   SHA-256 of the dataset's manifest.csv, or of its file list for a plain folder
 * @param keepCheckpoints how many of the newest checkpoints are kept; older ones are deleted
 */
public record RunConfig(TrainingConfig training, long steps, int sampleEvery, int checkpointEvery, int keepCheckpoints,
                        String dataset, String datasetSha256, int datasetFaces, String device,
                        String ganbenchVersion, String javaVersion, String dl4jVersion, String created) {
    public static final int DEFAULT_KEEP_CHECKPOINTS = 3;

    public RunConfig {
        if (steps < 0 || sampleEvery < 1 || checkpointEvery < 1 || keepCheckpoints < 1) {
            throw new IllegalArgumentException("invalid schedule: steps " + steps + ", sample every " + sampleEvery
                    + ", checkpoint every " + checkpointEvery + ", keep " + keepCheckpoints);
        }
    }

    /** A new run's configuration, stamped with this machine's versions and the current time. */
    public static RunConfig create(TrainingConfig training, TrainingData data, long steps, int sampleEvery,
                                   int checkpointEvery, String device) {
        return new RunConfig(training, steps, sampleEvery, checkpointEvery, DEFAULT_KEEP_CHECKPOINTS,
                data.folder().toString(), data.sha256(), data.faces().count(), device, Versions.ganbench(),
                Versions.java(), Versions.deeplearning4j(), Instant.now().toString());
    }

    /** Where and how the run computes: "CPU (oneDNN, 2 threads)", with ", bfloat16 convolutions" where it does. */
    public String deviceAndPrecision() {
        return training.precision() == Precision.F32 ? device
                : device + ", " + training.precision().description() + " convolutions";
    }

    public RunConfig withSteps(long newSteps) {
        return new RunConfig(training, newSteps, sampleEvery, checkpointEvery, keepCheckpoints, dataset, datasetSha256,
                datasetFaces, device, ganbenchVersion, javaVersion, dl4jVersion, created);
    }
}
