package org.ganbench.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ganbench.common.ReproducibleRandom;
import org.ganbench.model.Adam;
import org.ganbench.model.ComputeEnvironment;
import org.ganbench.model.Discriminator64;
import org.ganbench.model.Generator64;
import org.ganbench.model.GeneratorAverage;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * What the three algorithms share: chainer-gan-lib's DCGANGenerator and a 64x64 discriminator, an Adam for each,
 * the seeded generator of noise, and the pieces every updater's step is made of. Each subclass's {@link #update} is
 * its chainer-gan-lib updater's {@code update_core}, in the same order. Float32 in training; the lockstep check runs
 * the same code in float64.
 */
abstract class EngineGan implements TrainableGan {
    /** About how many latent vectors the average's batch-norm statistics are estimated on (in training-size batches). */
    private static final int STATISTICS_VECTORS = 512;
    private static final long STATISTICS_SEED = 0x5eed_57a7_1571_c5L;
    protected final TrainingConfig config;
    protected final Generator64 generator;
    protected final Discriminator64 discriminator;
    protected final ReproducibleRandom random;
    private final DataType dataType;
    private final Adam generatorAdam;
    private final Adam discriminatorAdam;
    /** The moving average of G's weights, null when the config keeps none. */
    private final GeneratorAverage average;
    /** The latent vectors on which the average's batch-norm statistics are estimated (detached arrays). */
    private final List<INDArray> statisticsBatches;
    private final ArrayArena arena = new ArrayArena();
    private boolean closed;

    /** Float32 trains; float64 serves checks against float64 references. */
    EngineGan(TrainingConfig config, Discriminator64.Kind kind, DataType dataType) {
        this.config = config;
        this.dataType = dataType;
        this.random = new ReproducibleRandom(config.seed());
        this.generator = new Generator64(config.ch(), dataType);
        this.discriminator = new Discriminator64(kind, config.ch(), dataType);
        generator.initialise(random);
        discriminator.initialise(random);
        this.generatorAdam = new Adam(generator.parameters(), config.learningRate(), config.beta1(), config.beta2());
        this.discriminatorAdam = new Adam(discriminator.parameters(), config.learningRate(), config.beta1(),
                config.beta2());
        this.average = config.emaDecay() > 0 ? new GeneratorAverage(generator, config.emaDecay()) : null;
        this.statisticsBatches = average == null ? List.of() : statisticsBatches(config, dataType);
    }

    /** Vectors for the estimate come from their own seed, so that the training's noise stream is the same with or without an average. */
    private static List<INDArray> statisticsBatches(TrainingConfig config, DataType dataType) {
        int batches = Math.max(1, STATISTICS_VECTORS / config.batch());
        float[] z = LatentNoise.uniform(config.seed() ^ STATISTICS_SEED, batches * config.batch(), Generator64.LATENT);
        INDArray all = Nd4j.createFromArray(z).reshape(batches * config.batch(), Generator64.LATENT).castTo(dataType);
        List<INDArray> list = new ArrayList<>(batches);
        for (int i = 0; i < batches; i++) {
            list.add(all.get(NDArrayIndex.interval((long) i * config.batch(),
                    (long) (i + 1) * config.batch())).dup());
        }
        return list;
    }

    @Override
    public StepStats step(BatchSource real) {
        return step(StepInputs.seeded(real, random, dataType));
    }

    /** One step on the given inputs (real batches, latent vectors, noise), drawn in the order the step needs them. */
    StepStats step(StepInputs inputs) {
        ensureOpen();
        try (MemoryWorkspace ws = arena.open()) {
            return update(inputs);
        }
    }

    /** The algorithm's step: its updater's update_core. */
    protected abstract StepStats update(StepInputs inputs);

    /**
     * Updates G with the loss gradient with respect to its images {@code fake} (a training pass); returns the L2
     * norm of G's gradient.
     */
    protected double updateGenerator(Generator64.Trace fake, INDArray imageGradient) {
        generator.parameters().zeroGradients();
        generator.backward(fake, imageGradient);
        double norm = generator.parameters().gradients().norm2Number().doubleValue();
        generatorAdam.update(generator.parameters());
        if (average != null) {
            average.update(generator);
        }
        return norm;
    }

    /** Applies the gradients accumulated in D's parameters since they were last zeroed. */
    protected void updateDiscriminator() {
        discriminatorAdam.update(discriminator.parameters());
    }

    /** The scores of a discriminator pass, rows {@code from} to {@code to - 1}. */
    protected static double[] scores(Discriminator64.Trace t, int from, int to) {
        double[] all = t.score().reshape(t.score().length()).toDoubleVector();
        return java.util.Arrays.copyOfRange(all, from, to);
    }

    protected static double[] scores(Discriminator64.Trace t) {
        return scores(t, 0, (int) t.score().length());
    }

    protected static INDArray column(double[] values, DataType dataType) {
        return Nd4j.createFromArray(values).reshape(values.length, 1).castTo(dataType);
    }

    /** The step's figures: losses in the order the algorithm reports them, D's mean beliefs, G's gradient norm. */
    protected static StepStats stats(double lossDis, double lossGen, Double lossGp, double[] real, double[] fake,
                                     double gradNormG) {
        Map<String, Double> losses = new LinkedHashMap<>();
        losses.put("loss_dis", lossDis);
        losses.put("loss_gen", lossGen);
        if (lossGp != null) {
            losses.put("loss_gp", lossGp);
        }
        return new StepStats(losses, GanLoss.meanProbability(real), GanLoss.meanProbability(fake), gradNormG);
    }

    @Override
    public byte[] generate(float[] z, int n) {
        ensureOpen();
        try (MemoryWorkspace ws = arena.open()) {
            return GeneratorSampler.generate(sampledGenerator(false), z, n);
        }
    }

    /** The averaged generator with its statistics estimated, or G itself when {@code raw} or there is no average; in a workspace. */
    private Generator64 sampledGenerator(boolean raw) {
        return raw || average == null ? generator : average.statisticsFor(statisticsBatches);
    }

    @Override
    public int latentSize() {
        return Generator64.LATENT;
    }

    @Override
    public int imageSide() {
        return Generator64.SIDE;
    }

    @Override
    public void saveCheckpoint(Path dir) throws IOException {
        ensureOpen();
        try (MemoryWorkspace ws = arena.open()) {
            sampledGenerator(false); // the average is written with statistics of its own
        }
        CheckpointStore.writeEngine(dir, engineState());
    }

    @Override
    public void loadCheckpoint(Path dir) throws IOException {
        ensureOpen();
        CheckpointStore.readEngine(dir, engineState());
    }

    @Override
    public long checkpointBytes() {
        return CheckpointStore.engineBytes(engineState());
    }

    private CheckpointStore.EngineState engineState() {
        return new CheckpointStore.EngineState(config, generator, discriminator, generatorAdam, discriminatorAdam,
                random, average);
    }

    @Override
    public void saveGenerator(Path file, boolean averaged) throws IOException {
        ensureOpen();
        if (averaged && average == null) {
            throw new IllegalStateException("this run keeps no average of G's weights");
        }
        try (MemoryWorkspace ws = arena.open()) {
            GeneratorSampler.write(sampledGenerator(!averaged), file);
        }
    }

    @Override
    public String device() {
        return ComputeEnvironment.device();
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("algorithm closed");
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            arena.release(); // of the thread that trained: the caller's, by contract
        }
    }
}
