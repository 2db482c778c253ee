package org.ganbench.train;

import java.io.IOException;
import java.nio.file.Path;

/** Builds the TrainableGan for a configuration, and loads a saved generator for sampling. */
public final class TrainableGans {
    private TrainableGans() {
    }

    /** A freshly initialised algorithm (weights N(0, 0.02), biases 0) seeded from {@code config.seed()}. */
    public static TrainableGan create(TrainingConfig config) {
        return switch (config.algorithm()) {
            case DRAGAN -> new DraganUpdater(config);
            case SNGAN -> new SnganUpdater(config);
            case DCGAN -> new DcganUpdater(config);
        };
    }

    /** The generator that {@link TrainableGan#saveGenerator} wrote (for example a run's generator.zip). */
    public static ImageGenerator loadGenerator(Path file) throws IOException {
        return GeneratorSampler.read(file);
    }

    /**
     * The generator of a checkpoint folder that an algorithm of {@code config} wrote, without its D and optimizers:
     * the moving average of its weights when {@code averaged}.
     */
    public static ImageGenerator loadCheckpointGenerator(Path checkpointDir, TrainingConfig config, boolean averaged)
            throws IOException {
        return GeneratorSampler.readCheckpoint(checkpointDir, config.ch(), averaged);
    }
}
