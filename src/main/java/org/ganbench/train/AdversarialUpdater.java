package org.ganbench.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.ganbench.common.AtomicFiles;
import org.ganbench.common.ReproducibleRandom;
import org.ganbench.model.Adam;
import org.ganbench.model.Discriminator64;
import org.ganbench.model.Generator64;
import org.ganbench.model.TensorFile;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The training step shared by the three algorithms, as chainer-gan-lib's updaters: for each of the n_dis
 * discriminator updates draw z and a real batch and generate x_fake; on the first, update G with the non-saturating
 * loss softplus(-D(x_fake)); then update D with softplus(-D(x_real)) + softplus(D(x_fake)) on the same x_fake,
 * plus the algorithm's penalty. Both losses are means over the batch. Float32 throughout.
 */
abstract class AdversarialUpdater implements GanAlgorithm {
    /** Below this score sigmoid(y) is too small to rescale D's input gradient into G's (see {@link #critique}). */
    private static final double RESCALE_LIMIT = -40;
    private static final String STATE = "state.properties";

    protected final TrainingConfig config;
    protected final Generator64 generator;
    protected final Discriminator64 discriminator;
    protected final ReproducibleRandom random;
    private final Adam generatorAdam;
    private final Adam discriminatorAdam;
    private boolean closed;

    /** What one discriminator update measured, and the loss gradient G needs (when asked for). */
    protected record Critique(double lossDis, double lossGen, double dReal, double dFake, INDArray generatorGradient) {
    }

    AdversarialUpdater(TrainingConfig config, Discriminator64.Kind kind) {
        this.config = config;
        this.random = new ReproducibleRandom(config.seed());
        this.generator = new Generator64(config.ch(), DataType.FLOAT);
        this.discriminator = new Discriminator64(kind, config.ch(), DataType.FLOAT);
        generator.initialise(random);
        discriminator.initialise(random);
        this.generatorAdam = new Adam(generator.parameters(), config.learningRate(), config.beta1(), config.beta2());
        this.discriminatorAdam = new Adam(discriminator.parameters(), config.learningRate(), config.beta1(),
                config.beta2());
    }

    private final StepWorkspace workspace = new StepWorkspace();

    @Override
    public StepStats step(BatchSource real) {
        ensureOpen();
        try (MemoryWorkspace ws = workspace.open()) {
            return stepInWorkspace(real);
        }
    }

    private StepStats stepInWorkspace(BatchSource real) {
        int n = config.batch();
        Critique last = null;
        double lossGen = Double.NaN;
        double gradNormG = Double.NaN;
        double penalty = 0;
        for (int i = 0; i < config.nDis(); i++) {
            INDArray z = Nd4j.createFromArray(random.uniform(n * Generator64.LATENT, -1f, 1f)).reshape(n,
                    Generator64.LATENT);
            Generator64.Trace fake = generator.forwardTraining(z);
            INDArray x = realBatch(real, n);
            discriminator.normaliseWeights();
            discriminator.parameters().zeroGradients();
            boolean updateGenerator = i == 0;
            last = critique(x, fake.image(), updateGenerator);
            if (updateGenerator) {
                generator.parameters().zeroGradients();
                generator.backward(fake, last.generatorGradient());
                gradNormG = generator.parameters().gradients().norm2Number().doubleValue();
                generatorAdam.update(generator.parameters());
                lossGen = last.lossGen();
            }
            penalty = addPenalty(x);
            discriminator.finishGradients();
            discriminatorAdam.update(discriminator.parameters());
        }
        Map<String, Double> losses = new LinkedHashMap<>();
        losses.put("loss_dis", last.lossDis());
        losses.put("loss_gen", lossGen);
        if (hasPenalty()) {
            losses.put("loss_gp", penalty);
        }
        return new StepStats(losses, last.dReal(), last.dFake(), gradNormG);
    }

    private static INDArray realBatch(BatchSource real, int n) {
        float[] pixels = real.next(n);
        int expected = n * 3 * Generator64.SIDE * Generator64.SIDE;
        if (pixels == null || pixels.length != expected) {
            throw new IllegalArgumentException("batch source returned " + (pixels == null ? "nothing" : pixels.length
                    + " floats") + ", expected " + n + " NCHW images of 3x" + Generator64.SIDE + "x" + Generator64.SIDE);
        }
        return Nd4j.createFromArray(pixels).reshape(n, 3, Generator64.SIDE, Generator64.SIDE);
    }

    /**
     * Scores the real and fake batches in one pass (this discriminator has no BN, so every score depends on its
     * own image only), accumulates D's loss gradients and, when asked, returns G's loss gradient with respect to
     * x_fake. That is D's input gradient at the fake rows rescaled per sample by dL_gen/dy / dL_dis/dy =
     * -exp(-y): one backward pass serves both networks. If some y is so negative that sigmoid(y) underflows, a
     * separate backward pass computes it instead.
     */
    protected Critique critique(INDArray real, INDArray fake, boolean forGenerator) {
        int n = (int) real.size(0);
        Discriminator64.Trace t = discriminator.forward(Nd4j.concat(0, real, fake), true);
        double[] y = t.score().reshape(2L * n).toDoubleVector();
        double[] dy = new double[2 * n];
        double lossDis = 0;
        double lossGen = 0;
        double dReal = 0;
        double dFake = 0;
        boolean rescalable = true;
        for (int i = 0; i < n; i++) {
            double yr = y[i];
            double yf = y[n + i];
            lossDis += (softplus(-yr) + softplus(yf)) / n;
            lossGen += softplus(-yf) / n;
            dReal += sigmoid(yr) / n;
            dFake += sigmoid(yf) / n;
            dy[i] = -sigmoid(-yr) / n;
            dy[n + i] = sigmoid(yf) / n;
            rescalable &= yf > RESCALE_LIMIT || !Double.isFinite(yf);
        }
        // D's input gradient is only needed at the fake rows, and only for G's update
        INDArray fakeInputGradient = discriminator.backward(t, column(dy, t.score().dataType()), true,
                forGenerator && rescalable ? n : 2L * n);
        INDArray generatorGradient = null;
        if (forGenerator) {
            double[] scale = new double[n];
            if (rescalable) {
                for (int i = 0; i < n; i++) {
                    scale[i] = -Math.exp(-y[n + i]);
                }
                generatorGradient = fakeInputGradient;
            } else {
                double[] dyGen = new double[2 * n];
                for (int i = 0; i < n; i++) {
                    dyGen[n + i] = -sigmoid(-y[n + i]) / n;
                    scale[i] = 1;
                }
                generatorGradient = discriminator.backward(t, column(dyGen, t.score().dataType()), false, n);
            }
            INDArray perSample = Nd4j.createFromArray(scale).castTo(generatorGradient.dataType());
            Nd4j.exec(new BroadcastMulOp(generatorGradient, perSample, generatorGradient, 0));
        }
        return new Critique(lossDis, lossGen, dReal, dFake, generatorGradient);
    }

    /** The algorithm's penalty on D at this real batch: adds its gradient, returns its value (0 without). */
    protected double addPenalty(INDArray real) {
        return 0;
    }

    /** Whether {@link #step} reports "loss_gp". */
    protected boolean hasPenalty() {
        return false;
    }

    protected static INDArray column(double[] values, DataType dataType) {
        return Nd4j.createFromArray(values).reshape(values.length, 1).castTo(dataType);
    }

    protected static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    protected static double sigmoid(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }

    @Override
    public byte[] generate(float[] z, int n) {
        ensureOpen();
        try (MemoryWorkspace ws = workspace.open()) {
            return GeneratorSampler.generate(generator, z, n);
        }
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
        Files.createDirectories(dir);
        TensorFile.write(dir.resolve(GeneratorSampler.CHECKPOINT_FILE), GeneratorSampler.arrays(generator));
        TensorFile.write(dir.resolve("discriminator.bin"), discriminatorArrays());
        TensorFile.write(dir.resolve("adam_generator.bin"), adamArrays(generatorAdam));
        TensorFile.write(dir.resolve("adam_discriminator.bin"), adamArrays(discriminatorAdam));
        Properties state = new Properties();
        state.setProperty("format", "1");
        state.setProperty("algorithm", config.algorithm().name());
        state.setProperty("ch", String.valueOf(config.ch()));
        state.setProperty("random_state", String.valueOf(random.state()));
        state.setProperty("adam_generator_iteration", String.valueOf(generatorAdam.iteration()));
        state.setProperty("adam_discriminator_iteration", String.valueOf(discriminatorAdam.iteration()));
        java.io.StringWriter text = new java.io.StringWriter();
        state.store(text, "GanBench engine state");
        AtomicFiles.writeString(dir.resolve(STATE), text.toString());
    }

    @Override
    public void loadCheckpoint(Path dir) throws IOException {
        ensureOpen();
        Path statePath = dir.resolve(STATE);
        if (!Files.isRegularFile(statePath)) {
            throw new IOException("not an engine checkpoint (no " + STATE + "): " + dir);
        }
        Properties state = new Properties();
        try (var reader = Files.newBufferedReader(statePath, StandardCharsets.UTF_8)) {
            state.load(reader);
        }
        if (!config.algorithm().name().equals(state.getProperty("algorithm"))
                || !String.valueOf(config.ch()).equals(state.getProperty("ch"))) {
            throw new IOException("checkpoint " + dir + " is for " + state.getProperty("algorithm") + " at ch "
                    + state.getProperty("ch") + ", not " + config.algorithm() + " at ch " + config.ch());
        }
        // Read everything before changing anything, so that a bad checkpoint leaves this instance as it was.
        Map<String, INDArray> g = TensorFile.read(dir.resolve(GeneratorSampler.CHECKPOINT_FILE));
        Map<String, INDArray> d = TensorFile.read(dir.resolve("discriminator.bin"));
        Map<String, INDArray> ag = TensorFile.read(dir.resolve("adam_generator.bin"));
        Map<String, INDArray> ad = TensorFile.read(dir.resolve("adam_discriminator.bin"));
        long randomState;
        int iterationG;
        int iterationD;
        try {
            randomState = Long.parseLong(state.getProperty("random_state"));
            iterationG = Integer.parseInt(state.getProperty("adam_generator_iteration"));
            iterationD = Integer.parseInt(state.getProperty("adam_discriminator_iteration"));
        } catch (NumberFormatException e) {
            throw new IOException("corrupt " + statePath + ": " + e.getMessage(), e);
        }
        GeneratorSampler.restore(generator, g, dir + "/generator.bin");
        TensorFile.restore(d, "parameters", discriminator.parameters().values(), dir + "/discriminator.bin");
        TensorFile.restore(d, "buffers", discriminator.buffers().values(), dir + "/discriminator.bin");
        restoreAdam(generatorAdam, ag, iterationG, dir + "/adam_generator.bin");
        restoreAdam(discriminatorAdam, ad, iterationD, dir + "/adam_discriminator.bin");
        random.setState(randomState);
    }

    private Map<String, INDArray> discriminatorArrays() {
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        arrays.put("parameters", discriminator.parameters().values());
        arrays.put("buffers", discriminator.buffers().values());
        return arrays;
    }

    private static Map<String, INDArray> adamArrays(Adam adam) {
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        arrays.put("m", adam.firstMoment());
        arrays.put("v", adam.secondMoment());
        return arrays;
    }

    private static void restoreAdam(Adam adam, Map<String, INDArray> arrays, int iteration, String source)
            throws IOException {
        TensorFile.restore(arrays, "m", adam.firstMoment(), source);
        TensorFile.restore(arrays, "v", adam.secondMoment(), source);
        adam.setIteration(iteration);
    }

    @Override
    public void saveGenerator(Path file) throws IOException {
        ensureOpen();
        GeneratorSampler.write(generator, file);
    }

    @Override
    public String device() {
        return ComputeBackend.describe();
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
            workspace.release(); // of the thread that trained: the caller's, by contract
        }
    }
}
