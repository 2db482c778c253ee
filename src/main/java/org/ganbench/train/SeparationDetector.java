package org.ganbench.train;

import java.util.OptionalLong;

/**
 * Detects the failure the source article describes: the discriminator separates real from fake so well that the
 * generator's gradient vanishes and it stops learning. A step counts as separated when D(real) - D(fake) is at least
 * {@code gap}; the warning is raised once consecutive separated steps span at least {@code sustainSteps} steps, and
 * cleared by the first step that is not separated. Single noisy steps therefore neither raise nor keep it. Feed steps
 * in increasing order; not thread-safe.
 */
public final class SeparationDetector {
    /** Defaults: D gives real images 0.95 and fakes 0.05 or further apart, for 1,000 steps. */
    public static final double DEFAULT_GAP = 0.9;
    public static final long DEFAULT_SUSTAIN_STEPS = 1000;

    private final double gap;
    private final long sustainSteps;
    private long separatedSince = -1;
    private long lastStep = -1;

    public SeparationDetector() {
        this(DEFAULT_GAP, DEFAULT_SUSTAIN_STEPS);
    }

    public SeparationDetector(double gap, long sustainSteps) {
        if (!(gap > 0 && gap <= 1) || sustainSteps < 0) {
            throw new IllegalArgumentException("gap must be in (0, 1] and sustainSteps >= 0");
        }
        this.gap = gap;
        this.sustainSteps = sustainSteps;
    }

    /** Records one step; returns whether the warning is raised after it. NaN probabilities count as not separated. */
    public boolean accept(long step, double dReal, double dFake) {
        lastStep = step;
        // The tolerance keeps 0.95 - 0.05 (0.8999...) on the side the user reads it as.
        if (dReal - dFake >= gap - 1e-9) {
            if (separatedSince < 0) {
                separatedSince = step;
            }
        } else {
            separatedSince = -1;
        }
        return isWarning();
    }

    public boolean isWarning() {
        return separatedSince >= 0 && lastStep - separatedSince >= sustainSteps;
    }

    /** First step of the current separated stretch, if D is separating now. */
    public OptionalLong separatedSince() {
        return separatedSince < 0 ? OptionalLong.empty() : OptionalLong.of(separatedSince);
    }

    /** A sentence for the window and the run's files. */
    public String message() {
        return isWarning() ? String.format(java.util.Locale.ROOT,
                "D separates real from fake (D(real) - D(fake) >= %.2f) since step %d: G is probably no longer learning",
                gap, separatedSince) : "";
    }
}
