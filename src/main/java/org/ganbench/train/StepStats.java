package org.ganbench.train;

import java.util.Map;

/**
 * What one training step measured. {@code losses} is ordered and named as the algorithm reports them (for example
 * "loss_dis", "loss_gen", "loss_gp"); {@code dReal} and {@code dFake} are the mean discriminator outputs as
 * probabilities (sigmoid of the raw score); {@code gradNormG} is the L2 norm of the generator's gradient.
 */
public record StepStats(Map<String, Double> losses, double dReal, double dFake, double gradNormG) {
    public StepStats {
        losses = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(losses));
    }

    /** True when any figure is NaN or infinite: the run has diverged. */
    public boolean isFinite() {
        return losses.values().stream().allMatch(Double::isFinite) && Double.isFinite(dReal) && Double.isFinite(dFake)
                && Double.isFinite(gradNormG);
    }
}
