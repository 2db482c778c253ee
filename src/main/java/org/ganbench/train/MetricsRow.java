package org.ganbench.train;

import java.util.List;

/**
 * One row of a run's {@code metrics.csv}. Figures the run did not record (loss_gp for algorithms without a penalty,
 * columns missing from older files) are NaN.
 */
public record MetricsRow(long step, double timeS, double lossDis, double lossGen, double lossGp, double dReal,
                         double dFake, double gradNormG, double stepsPerS) {
    /** The header every run writes (columns may be appended after these). */
    public static final List<String> COLUMNS = List.of("step", "time_s", "loss_dis", "loss_gen", "loss_gp", "d_real",
            "d_fake", "grad_norm_g", "steps_per_s");
}
