package org.ganbench.train;

/** Builds the GanAlgorithm for a configuration. */
public final class GanAlgorithms {
    private GanAlgorithms() {
    }

    /** A freshly initialised algorithm (weights N(0, 0.02), biases 0) seeded from {@code config.seed()}. */
    public static GanAlgorithm create(TrainingConfig config) {
        // Replaced by the engine's updaters when the engine branch is merged.
        throw new UnsupportedOperationException("the GAN engine is not built yet: " + config.algorithm());
    }
}
