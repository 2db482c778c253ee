package org.ganbench.train;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;
import org.ganbench.common.CancellationToken;
import org.ganbench.common.Images;
import org.ganbench.dataset.FaceSet;
import org.ganbench.model.Bfloat16Convolutions;
import org.ganbench.train.TrainingEvent.CheckpointSaved;
import org.ganbench.train.TrainingEvent.DiskSpaceLow;
import org.ganbench.train.TrainingEvent.RunFailed;
import org.ganbench.train.TrainingEvent.RunFinished;
import org.ganbench.train.TrainingEvent.RunStarted;
import org.ganbench.train.TrainingEvent.Samples;
import org.ganbench.train.TrainingEvent.StepDone;

/**
 * Trains a {@link TrainableGan} into a {@link RunFolder} on a background thread of its own. A run folder that holds
 * checkpoints is continued from the newest complete one (metrics.csv is cut back to it), so the same call starts a
 * new run and resumes a stopped or killed one. No method blocks its caller except {@link #join}; listeners receive
 * events on threads of their own.
 *
 * <p>The caller keeps ownership of the algorithm and must not touch it until {@link #join} returned true.
 */
public final class Trainer {
    /** Number of sample images in a grid (5x5). */
    public static final int SAMPLE_COUNT = 25;
    /** Events held for a lagging listener before training waits for it (StepDone events coalesce and never count). */
    private static final int LISTENER_QUEUE_CAPACITY = 256;

    public enum State { NEW, RUNNING, PAUSED, STOPPING, FINISHED, STOPPED, FAILED }

    private static final Logger LOG = Logger.getLogger(Trainer.class.getName());

    private final TrainableGan algorithm;
    private final FaceSet faces;
    private final RunFolder run;
    private final CheckpointStore store;
    private final CancellationToken stopToken = new CancellationToken();
    private final List<EventDispatcher> dispatchers = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private State state = State.NEW;
    private boolean pauseRequested;
    private volatile long step;
    private boolean eventsClosed;
    private long lastHeartbeatNanos;

    public Trainer(TrainableGan algorithm, FaceSet faces, RunFolder run) {
        this(algorithm, faces, run, CheckpointStore::freeBytes);
    }

    /** {@code usableSpace} tells the free bytes of the file system holding a path (injectable for tests). */
    Trainer(TrainableGan algorithm, FaceSet faces, RunFolder run, java.util.function.ToLongFunction<Path> usableSpace) {
        this.algorithm = algorithm;
        this.faces = faces;
        this.run = run;
        this.store = new CheckpointStore(run, usableSpace);
        this.thread = new Thread(this::train, "trainer-" + run.dir().getFileName());
    }

    /** Adds a listener; it receives the events published from now on, in order, on its own thread. */
    public synchronized void addListener(TrainingListener listener) {
        if (eventsClosed) {
            throw new IllegalStateException("the run is over");
        }
        dispatchers.add(new EventDispatcher(listener, LISTENER_QUEUE_CAPACITY,
                "trainer-events-" + dispatchers.size()));
    }

    public synchronized void start() {
        if (state != State.NEW) {
            throw new IllegalStateException("already started");
        }
        state = State.RUNNING;
        thread.start();
    }

    /** Holds training after the current step; stop() still ends it. */
    public synchronized void pause() {
        if (state == State.RUNNING) {
            pauseRequested = true;
            state = State.PAUSED;
        }
    }

    public synchronized void resume() {
        if (state == State.PAUSED) {
            pauseRequested = false;
            state = State.RUNNING;
            notifyAll();
        }
    }

    /** Ends training after the current step, with a checkpoint of that step. */
    public synchronized void stop() {
        stopToken.cancel();
        if (state == State.RUNNING || state == State.PAUSED) {
            state = State.STOPPING;
        }
        pauseRequested = false;
        notifyAll();
    }

    public synchronized State state() {
        return state;
    }

    /** Steps completed so far (including those of earlier sessions of the run). */
    public long step() {
        return step;
    }

    /**
     * Waits for training to end and every listener to have received its events; false on timeout. A trainer that
     * was never started has nothing to wait for.
     */
    public boolean join(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        if (state() == State.NEW) {
            return true;
        }
        thread.join(Math.max(1, timeout.toMillis()));
        if (thread.isAlive()) {
            return false;
        }
        for (EventDispatcher d : dispatchers) {
            if (!d.join((deadline - System.nanoTime()) / 1_000_000)) {
                return false;
            }
        }
        return true;
    }

    private void train() {
        MetricsLog metrics = null;
        try {
            RunConfig config = run.config();
            if (faces.side() != algorithm.imageSide()) {
                throw new IllegalArgumentException("the dataset's faces are " + faces.side() + "px but the generator makes "
                        + algorithm.imageSide() + "px images");
            }
            if (config.training().precision() == Precision.BF16) { // on this thread only (see Bfloat16Convolutions)
                Bfloat16Convolutions.enable().ifPresent(why -> LOG.warning("bfloat16 unavailable (" + why
                        + "): " + run.dir().getFileName() + " trains in float32 on this machine"));
            }
            CheckpointStore.TrainerState resumed = store.restoreNewest(algorithm);
            step = resumed.step();
            metrics = MetricsLog.openAfterStep(run.metricsFile(), resumed.step());
            HealthLog health = new HealthLog(run.healthFile(), resumed.step());
            deleteSamplesAfter(resumed.step());
            float[] fixedNoise = store.fixedNoise(config.training().seed(), SAMPLE_COUNT, algorithm.latentSize());
            ShuffledBatches batches = new ShuffledBatches(faces, config.training().seed(), resumed.epoch(),
                    resumed.position());
            heartbeat(true);
            publish(new RunStarted(config, step));
            warnIfShortOfSpace();
            if (step == 0) {
                writeSamples(fixedNoise); // the untrained generator: a grid to look at before the first sample step
            }

            long lastCheckpoint = resumed.step();
            double timeS = resumed.timeS();
            double meanStepSeconds = 0;
            while (step < config.steps() && awaitUnpaused()) {
                long t0 = System.nanoTime();
                StepStats stats = algorithm.step(batches);
                double stepSeconds = (System.nanoTime() - t0) / 1e9;
                // Exponential average: a steady figure despite the odd slow step (samples, checkpoints, GC).
                meanStepSeconds = meanStepSeconds == 0 ? stepSeconds : 0.9 * meanStepSeconds + 0.1 * stepSeconds;
                double stepsPerSecond = 1 / meanStepSeconds;
                step++;
                metrics.append(step, timeS + stepSeconds, stats, stepsPerSecond);
                publish(new StepDone(step, stats.losses(), stats.dReal(), stats.dFake(), stats.gradNormG(),
                        stepsPerSecond));
                health.accept(step, stats.dReal(), stats.dFake());
                heartbeat(false);
                if (!stats.isFinite()) {
                    metrics.sync();
                    fail("diverged at step " + step + " (" + firstNonFinite(stats) + "); the last good checkpoint is "
                            + (lastCheckpoint > 0 ? "step " + lastCheckpoint : "none"));
                    return;
                }
                boolean last = step == config.steps();
                if (step % config.sampleEvery() == 0 || last) {
                    writeSamples(fixedNoise);
                }
                if (step % config.checkpointEvery() == 0 || last) {
                    checkpoint(config, batches, metrics, timeS + stepSeconds);
                    lastCheckpoint = step;
                }
                timeS += (System.nanoTime() - t0) / 1e9;
            }
            boolean completed = step >= config.steps();
            if (step > lastCheckpoint) {
                checkpoint(config, batches, metrics, timeS);
            }
            metrics.sync();
            run.writeStatus(new RunStatus(completed ? RunStatus.State.FINISHED : RunStatus.State.STOPPED, step, ""));
            synchronized (this) {
                state = completed ? State.FINISHED : State.STOPPED;
            }
            publish(new RunFinished(step, completed));
        } catch (Exception | OutOfMemoryError e) {
            fail(e.getMessage() == null ? e.toString() : e.getMessage());
        } finally {
            Bfloat16Convolutions.disable();
            closeQuietly(metrics);
            closeEvents();
        }
    }

    /** Waits while paused, renewing the heartbeat (a paused trainer is still alive); false once a stop was asked for. */
    private boolean awaitUnpaused() throws InterruptedException, IOException {
        boolean paused = false;
        while (true) {
            synchronized (this) {
                if (!pauseRequested || stopToken.isCancelled()) {
                    return !stopToken.isCancelled();
                }
                if (paused) {
                    wait(RunStatus.Writer.HEARTBEAT.toMillis());
                }
            }
            heartbeat(!paused); // the step it paused at, at once
            paused = true;
        }
    }

    /**
     * Writes status.json as RUNNING at the current step (so a watcher sees the step, and that this process still
     * writes the run); between heartbeats only when {@code now} is asked.
     */
    private void heartbeat(boolean now) throws IOException {
        long nowNanos = System.nanoTime();
        if (now || nowNanos - lastHeartbeatNanos >= RunStatus.Writer.HEARTBEAT.toNanos()) {
            run.writeStatus(RunStatus.running(step));
            lastHeartbeatNanos = nowNanos;
        }
    }

    private void fail(String reason) {
        try {
            run.writeStatus(new RunStatus(RunStatus.State.FAILED, step, reason));
        } catch (IOException e) {
            reason += " (and status.json could not be written: " + e.getMessage() + ")";
        }
        synchronized (this) {
            state = State.FAILED;
        }
        publish(new RunFailed(reason));
    }

    private static String firstNonFinite(StepStats stats) {
        for (Map.Entry<String, Double> e : stats.losses().entrySet()) {
            if (!Double.isFinite(e.getValue())) {
                return e.getKey() + " = " + e.getValue();
            }
        }
        return !Double.isFinite(stats.dReal()) ? "d_real = " + stats.dReal()
                : !Double.isFinite(stats.dFake()) ? "d_fake = " + stats.dFake()
                : "grad_norm_g = " + stats.gradNormG();
    }

    private void deleteSamplesAfter(long lastStep) throws IOException {
        for (RunFolder.StepFile sample : run.samples()) {
            if (sample.step() > lastStep) {
                Files.delete(sample.path());
            }
        }
    }

    private void writeSamples(float[] fixedNoise) throws IOException {
        byte[] rgb = algorithm.generate(fixedNoise, SAMPLE_COUNT);
        BufferedImage grid = GeneratedImages.grid(rgb, SAMPLE_COUNT, algorithm.imageSide());
        Images.writePng(grid, run.sampleFile(step));
        publish(new Samples(step, grid.getWidth(), grid.getHeight(), Images.toRgb(grid)));
    }

    private void checkpoint(RunConfig config, ShuffledBatches batches, MetricsLog metrics, double timeS)
            throws IOException {
        metrics.sync();
        warnIfShortOfSpace();
        Optional<Path> saved = store.save(algorithm, new CheckpointStore.TrainerState(step, batches.epoch(),
                batches.position(), timeS), config.keepCheckpoints(), config.training().emaDecay() > 0);
        if (saved.isPresent()) {
            publish(new CheckpointSaved(step, saved.get()));
        }
    }

    private void warnIfShortOfSpace() {
        store.spaceShortage(algorithm).ifPresent(s -> publish(new DiskSpaceLow(s.message(), s.neededBytes(),
                s.freeBytes())));
    }

    private void publish(TrainingEvent event) {
        for (EventDispatcher d : dispatchers) {
            d.publish(event);
        }
    }

    private synchronized void closeEvents() {
        eventsClosed = true;
        for (EventDispatcher d : dispatchers) {
            d.close();
        }
    }

    private static void closeQuietly(MetricsLog metrics) {
        if (metrics != null) {
            try {
                metrics.close();
            } catch (IOException ignored) {
                // the rows that matter were forced to disk at the last checkpoint
            }
        }
    }
}
