package org.ganbench.train;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One GAN algorithm (DRAGAN, SNGAN, DCGAN) with its generator, discriminator and optimizers: the only place where the
 * trainer meets the numeric engine. Everything crossing this interface is plain Java, so the trainer, the run files,
 * the CLI, the window and evaluation never see Deeplearning4j types.
 *
 * <p>{@link #generate} samples the moving average of G's weights when the config keeps one (the sample grids show
 * the average), else G.
 *
 * <p>Not thread-safe: the trainer calls it from its one training thread.
 */
public interface TrainableGan extends ImageGenerator {

    /**
     * One training step: {@code nDis} discriminator updates, each on a fresh real batch from {@code real}, and one
     * generator update. Noise and perturbations come from the algorithm's own seeded generator, whose state is part
     * of the checkpoint, so that a resumed run repeats an uninterrupted one.
     */
    StepStats step(BatchSource real);

    /** Writes G, D, both optimizers' state, spectral-norm vectors and the noise generator's state into {@code dir}. */
    void saveCheckpoint(Path dir) throws IOException;

    /** Restores everything {@link #saveCheckpoint} wrote. */
    void loadCheckpoint(Path dir) throws IOException;

    /** About how many bytes {@link #saveCheckpoint} and the {@link #saveGenerator} files write together. */
    long checkpointBytes();

    /**
     * Writes a generator alone, enough for sampling and evaluation: the moving average of G's weights when
     * {@code averaged} (only for a config with {@link TrainingConfig#emaDecay()}), else G as trained.
     */
    void saveGenerator(Path file, boolean averaged) throws IOException;

    /** Backend and device in use, for the run's config and the window (e.g. "CPU (oneDNN)", "CUDA 0: RTX 3090"). */
    String device();
}
