package org.ganbench.train;

import java.util.List;
import org.ganbench.common.CancellationToken;
import org.ganbench.common.ProgressListener;
import org.ganbench.common.ReproducibleRandom;
import org.ganbench.model.OpProfile;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Times training steps of an algorithm on synthetic images (the data's content does not change the arithmetic),
 * after warm-up steps that pay for one-off costs (native kernels' first-use set-up, allocation).
 */
public final class TrainingBenchmark {
    /** The side of the square float32 matrix product that measures the machine's own rate (17 GFLOP). */
    private static final int SGEMM_SIDE = 2048;

    private TrainingBenchmark() {
    }

    /**
     * Seconds of every timed step, their mean, and the images per second it implies; with a profile when asked
     * for one.
     */
    public record Result(String device, int batch, int nDis, double[] stepSeconds, Profile profile) {
        public double secondsPerStep() {
            return mean(stepSeconds);
        }

        /** Real images consumed per second: batch x n_dis per step. */
        public double imagesPerSecond() {
            return batch * nDis / secondsPerStep();
        }
    }

    /**
     * The op sites' totals over all timed steps ({@code steps} of them), and the rate of a float32 product of two
     * square matrices of side {@code sgemmSide}, measured before each timed step in the same process (GFLOP/s).
     */
    public record Profile(List<OpProfile.Row> rows, int steps, int sgemmSide, double[] sgemmGflops) {
        /** Floating-point operations the profiled sites did per step. */
        public double flopsPerStep() {
            return rows.stream().mapToDouble(OpProfile.Row::flops).sum() / steps;
        }

        /** Seconds per step spent inside profiled sites. */
        public double profiledSecondsPerStep() {
            return rows.stream().mapToDouble(OpProfile.Row::seconds).sum() / steps;
        }

        public double sgemmGflopsPerSecond() {
            return mean(sgemmGflops);
        }
    }

    /** Runs the warm-up and timed steps; {@code profiled} records the timed steps' op sites (see {@link OpProfile}). */
    public static Result run(TrainingConfig config, int warmupSteps, int steps, boolean profiled,
                             ProgressListener progress, CancellationToken cancel) {
        if (steps < 1 || warmupSteps < 0) {
            throw new IllegalArgumentException("need at least one timed step and no negative warm-up");
        }
        ReproducibleRandom random = new ReproducibleRandom(config.seed());
        BatchSource synthetic = n -> random.uniform(n * 3 * TrainingConfig.SIDE * TrainingConfig.SIDE, -1f, 1f);
        double[] seconds = new double[steps];
        double[] sgemm = new double[steps];
        Sgemm product = profiled ? new Sgemm(SGEMM_SIDE) : null;
        try (TrainableGan algorithm = TrainableGans.create(config)) {
            OpProfile profile = null;
            try {
                for (int i = 0; i < warmupSteps + steps; i++) {
                    cancel.throwIfCancelled();
                    boolean warm = i >= warmupSteps;
                    if (warm && profiled) {
                        sgemm[i - warmupSteps] = product.gflopsPerSecond(); // interleaved with the steps
                        profile = profile == null ? OpProfile.record() : profile;
                    }
                    long start = System.nanoTime();
                    StepStats stats = algorithm.step(synthetic);
                    double elapsed = (System.nanoTime() - start) / 1e9;
                    if (!stats.isFinite()) {
                        throw new IllegalStateException("diverged during the benchmark at step " + (i + 1) + ": "
                                + stats);
                    }
                    if (warm) {
                        seconds[i - warmupSteps] = elapsed;
                    }
                    progress.progress(i + 1, warmupSteps + steps, String.format("%s step %d%s: %.3f s",
                            config.algorithm(), i + 1, warm ? "" : " (warm-up)", elapsed));
                }
            } finally {
                if (profile != null) {
                    profile.close();
                }
            }
            return new Result(algorithm.device(), config.batch(), config.nDis(), seconds,
                    profiled ? new Profile(profile.rows(), steps, SGEMM_SIDE, sgemm) : null);
        }
    }

    /** A float32 matrix product through ND4J, timed: the machine's reachable rate under the same load. */
    private static final class Sgemm {
        private final INDArray a;
        private final INDArray b;
        private final INDArray c;

        Sgemm(int side) {
            a = Nd4j.rand(DataType.FLOAT, side, side);
            b = Nd4j.rand(DataType.FLOAT, side, side);
            c = Nd4j.createUninitialized(DataType.FLOAT, side, side);
            a.mmul(b, c); // first use pays for the library's set-up
        }

        double gflopsPerSecond() {
            long start = System.nanoTime();
            a.mmul(b, c);
            double side = a.size(0);
            return 2 * side * side * side / ((System.nanoTime() - start) / 1e9) / 1e9;
        }
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
