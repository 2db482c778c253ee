package org.ganbench.model;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An exponential moving average of a generator's weights (the G of progressive GAN, BigGAN and StyleGAN that is
 * sampled from, while the trained G keeps learning): after each generator update,
 * {@code average = d * average + (1 - d) * weights}. The average never feeds back into training.
 *
 * <p>The decay ramps up as {@code d = min(decay, (1 + t) / (10 + t))} after t updates, so that the first steps'
 * near-random weights are forgotten quickly instead of weighing on the average for thousands of steps. Batch-norm
 * statistics are not averaged: the trained G's running statistics describe its own activations, not the averaged
 * weights', so {@link #statisticsFor} re-estimates them on fixed batches before the average is sampled.
 */
public final class GeneratorAverage {
    private final double decay;
    private final Generator64 average;
    private long updates;
    private boolean statisticsCurrent;

    /** Starts as a copy of {@code generator}'s weights. */
    public GeneratorAverage(Generator64 generator, double decay) {
        if (!(decay > 0 && decay < 1)) {
            throw new IllegalArgumentException("the average's decay must be above 0 and below 1, was " + decay);
        }
        this.decay = decay;
        this.average = new Generator64(generator.ch(), generator.parameters().dataType());
        average.parameters().values().assign(generator.parameters().values());
    }

    /** Folds the generator's current weights into the average (after each of its updates). */
    public void update(Generator64 generator) {
        updates++;
        double d = Math.min(decay, (1.0 + updates) / (10.0 + updates));
        average.parameters().values().muli(d).addi(generator.parameters().values().mul(1 - d));
        statisticsCurrent = false;
    }

    /**
     * The averaged generator, its batch-norm statistics estimated on {@code batches} (the same latent vectors every
     * time, so that sampling twice gives the same images) when the weights changed since the last estimate.
     */
    public Generator64 statisticsFor(List<INDArray> batches) {
        if (!statisticsCurrent) {
            average.estimateStatistics(batches);
            statisticsCurrent = true;
        }
        return average;
    }

    /** The averaged generator as it is, its statistics possibly stale (for checkpoints, which store the weights). */
    public Generator64 network() {
        return average;
    }

    public long updates() {
        return updates;
    }

    /** Restores a checkpoint's average: its weights were written into {@link #network()}. */
    public void restored(long updateCount) {
        this.updates = updateCount;
        statisticsCurrent = false;
    }
}
