package org.ganbench.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.ganbench.common.CancellationToken;
import org.ganbench.common.ProgressListener;
import org.ganbench.train.TrainableGans;
import org.ganbench.train.Trainer;
import org.ganbench.train.TrainingConfig;
import org.ganbench.train.TrainingSession;

/**
 * How much evaluating a run slows its training: one trainer runs on, and the time of {@code steps} training steps is
 * measured alone (A) and while {@link RunEvaluation} evaluates the run's newest checkpoint over and over on another
 * thread (B), interleaved A B A B so that drift on a shared machine falls on both sides.
 */
public final class EvalBesideTrainingBenchmark {
    private static final Duration JOIN_TIMEOUT = Duration.ofMinutes(10);

    private EvalBesideTrainingBenchmark() {
    }

    /**
     * @param aloneSeconds   seconds of each A phase (training alone)
     * @param besideSeconds  seconds of each B phase (training beside evaluation)
     * @param evaluations    evaluations completed during the B phases
     */
    public record Result(int steps, List<Double> aloneSeconds, List<Double> besideSeconds, int evaluations) {
        /** Mean time of N steps beside evaluation over the mean alone: 1.10 is 10% slower. */
        public double slowdown() {
            return mean(besideSeconds) / mean(aloneSeconds);
        }

        private static double mean(List<Double> values) {
            return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        }
    }

    /**
     * Trains {@code warmup} steps (ending with the checkpoint evaluation reads), then times {@code rounds} A B pairs
     * of {@code steps} steps each. The run is made in {@code runDir}, which must not hold one.
     */
    public static Result run(TrainingConfig config, Path datasetDir, Path runDir, int warmup, int steps, int rounds,
                             int evalImages, int evalThreads, ProgressListener progress) throws Exception {
        try (TrainingSession first = TrainingSession.newRun(config, datasetDir, runDir, warmup, warmup, warmup,
                TrainableGans::create, ProgressListener.NONE, new CancellationToken())) {
            awaitEnd(first.trainer());
        }
        try (TrainingSession session = TrainingSession.resume(runDir, Long.MAX_VALUE / 2, TrainableGans::create,
                ProgressListener.NONE, new CancellationToken())) {
            Trainer trainer = session.trainer();
            trainer.start();
            try {
                awaitSteps(trainer, 1); // the resumed session's first step pays for its set-up
                List<Double> alone = new ArrayList<>();
                List<Double> beside = new ArrayList<>();
                AtomicInteger evaluations = new AtomicInteger();
                for (int round = 0; round < rounds; round++) {
                    alone.add(timeSteps(trainer, steps));
                    progress.progress(2L * round + 1, 2L * rounds, "alone " + seconds(alone));
                    beside.add(besideEvaluation(session, evalImages, evalThreads, evaluations,
                            () -> timeSteps(trainer, steps)));
                    progress.progress(2L * round + 2, 2L * rounds, "beside evaluation " + seconds(beside));
                }
                return new Result(steps, alone, beside, evaluations.get());
            } finally {
                trainer.stop();
                awaitEnd(trainer);
            }
        }
    }

    /** Runs {@code timed} while the run's newest checkpoint is evaluated again and again on another thread. */
    private static double besideEvaluation(TrainingSession session, int evalImages, int evalThreads,
                                           AtomicInteger evaluations, TimedSteps timed) throws Exception {
        CancellationToken stop = new CancellationToken();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Thread evaluator = new Thread(() -> {
            try {
                while (!stop.isCancelled()) {
                    RunEvaluation.run(session.run(), null, null, false, evalImages, evaluations.get(), evalThreads,
                            ProgressListener.NONE, stop);
                    evaluations.incrementAndGet();
                }
            } catch (CancellationException ignored) {
                // the timed steps are done
            } catch (Exception e) {
                failure.set(e);
            }
        }, "evaluation-beside-training");
        evaluator.start();
        try {
            return timed.seconds();
        } finally {
            stop.cancel();
            evaluator.join();
            if (failure.get() != null) {
                throw new IOException("evaluation failed: " + failure.get().getMessage(), failure.get());
            }
        }
    }

    @FunctionalInterface
    private interface TimedSteps {
        double seconds() throws InterruptedException;
    }

    private static double timeSteps(Trainer trainer, int steps) throws InterruptedException {
        long from = trainer.step();
        long t0 = System.nanoTime();
        awaitSteps(trainer, from + steps);
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void awaitSteps(Trainer trainer, long step) throws InterruptedException {
        while (trainer.step() < step) {
            if (trainer.state() == Trainer.State.FAILED) {
                throw new IllegalStateException("training failed (see the run's status.json)");
            }
            Thread.sleep(2);
        }
    }

    private static void awaitEnd(Trainer trainer) throws InterruptedException {
        if (trainer.state() == Trainer.State.NEW) {
            trainer.start();
        }
        if (!trainer.join(JOIN_TIMEOUT)) {
            throw new IllegalStateException("training did not end within " + JOIN_TIMEOUT);
        }
        if (trainer.state() == Trainer.State.FAILED) {
            throw new IllegalStateException("training failed (see the run's status.json)");
        }
    }

    private static String seconds(List<Double> values) {
        return String.format(java.util.Locale.ROOT, "%.2f s", values.get(values.size() - 1));
    }
}
