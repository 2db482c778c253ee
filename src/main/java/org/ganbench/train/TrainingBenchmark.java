package org.ganbench.train;

import org.ganbench.common.CancellationToken;
import org.ganbench.common.ProgressListener;
import org.ganbench.common.ReproducibleRandom;

/**
 * Times training steps of an algorithm on synthetic images (the data's content does not change the arithmetic),
 * after warm-up steps that pay for one-off costs (native kernels' first-use set-up, allocation).
 */
public final class TrainingBenchmark {
    private TrainingBenchmark() {
    }

    /** Seconds of every timed step, their mean, and the images per second it implies. */
    public record Result(String device, int batch, int nDis, double[] stepSeconds) {
        public double secondsPerStep() {
            double sum = 0;
            for (double s : stepSeconds) {
                sum += s;
            }
            return sum / stepSeconds.length;
        }

        /** Real images consumed per second: batch x n_dis per step. */
        public double imagesPerSecond() {
            return batch * nDis / secondsPerStep();
        }
    }

    public static Result run(TrainingConfig config, int warmupSteps, int steps, ProgressListener progress,
                             CancellationToken cancel) {
        if (steps < 1 || warmupSteps < 0) {
            throw new IllegalArgumentException("need at least one timed step and no negative warm-up");
        }
        ReproducibleRandom random = new ReproducibleRandom(config.seed());
        BatchSource synthetic = n -> random.uniform(n * 3 * TrainingConfig.SIDE * TrainingConfig.SIDE, -1f, 1f);
        double[] seconds = new double[steps];
        try (TrainableGan algorithm = TrainableGans.create(config)) {
            for (int i = 0; i < warmupSteps + steps; i++) {
                cancel.throwIfCancelled();
                long start = System.nanoTime();
                StepStats stats = algorithm.step(synthetic);
                double elapsed = (System.nanoTime() - start) / 1e9;
                if (!stats.isFinite()) {
                    throw new IllegalStateException("diverged during the benchmark at step " + (i + 1) + ": " + stats);
                }
                boolean warm = i >= warmupSteps;
                if (warm) {
                    seconds[i - warmupSteps] = elapsed;
                }
                progress.progress(i + 1, warmupSteps + steps, String.format("%s step %d%s: %.3f s",
                        config.algorithm(), i + 1, warm ? "" : " (warm-up)", elapsed));
            }
            return new Result(algorithm.device(), config.batch(), config.nDis(), seconds);
        }
    }
}
