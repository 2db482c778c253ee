package org.ganbench.train;

import java.util.List;

/**
 * One row of metrics.csv. {@code lossGp} is NaN for algorithms without a gradient penalty (an empty cell). Columns
 * are found by their header name, so files with appended columns still read.
 */
public record MetricsRow(long step, double timeS, double lossDis, double lossGen, double lossGp, double dReal,
                         double dFake, double gradNormG, double stepsPerS) {
    /** The header every run writes (columns may be appended after these). */
    public static final List<String> COLUMNS = List.of(RunFolder.METRICS_HEADER.split(","));
}
