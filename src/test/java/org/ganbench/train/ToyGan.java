package org.ganbench.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A deterministic stand-in for the numeric engine, small enough for fast tests but a real computation over the same
 * contract: each step reads {@code nDis} real batches, draws noise from its own seeded generator (whose state is
 * checkpointed), updates a 3-weight "discriminator" and a 3-bias "generator", and reports softplus losses.
 * {@code divergeAtStep} poisons the generator at that step so that it reports NaN.
 */
public final class ToyGan implements TrainableGan {
    public static final int SIDE = 8;
    static final int LATENT = 4;

    private final TrainingConfig config;
    private final long divergeAtStep;
    private final long sleepMillisPerStep;
    private double[] generatorBias = new double[3];
    private double[] discriminatorWeight = new double[3];
    private long rngState;
    private long stepsDone;
    boolean closed;

    public ToyGan(TrainingConfig config, long divergeAtStep, long sleepMillisPerStep) {
        this.config = config;
        this.divergeAtStep = divergeAtStep;
        this.sleepMillisPerStep = sleepMillisPerStep;
        this.rngState = config.seed();
    }

    public ToyGan(TrainingConfig config) {
        this(config, -1, 0);
    }

    static TrainingConfig config(long seed) {
        return Algorithm.DRAGAN.defaults(8, 5, seed);
    }

    @Override
    public StepStats step(BatchSource real) {
        sleep();
        double lr = 50 * config.learningRate();
        double lossDis = 0;
        double dReal = 0;
        double dFake = 0;
        for (int k = 0; k < config.nDis(); k++) {
            double[] realMean = channelMeans(real.next(config.batch()));
            double[] fakeMean = fakeMeans();
            double scoreReal = dot(discriminatorWeight, realMean);
            double scoreFake = dot(discriminatorWeight, fakeMean);
            lossDis = softplus(-scoreReal) + softplus(scoreFake);
            dReal = sigmoid(scoreReal);
            dFake = sigmoid(scoreFake);
            for (int c = 0; c < 3; c++) {
                discriminatorWeight[c] += lr * (realMean[c] - fakeMean[c]);
            }
        }
        stepsDone++;
        if (stepsDone == divergeAtStep) {
            generatorBias[0] = Double.NaN;
        }
        double[] fakeMean = fakeMeans();
        double gradNorm = 0;
        for (int c = 0; c < 3; c++) {
            double grad = -discriminatorWeight[c] * (1 - fakeMean[c] * fakeMean[c]);
            generatorBias[c] -= lr * grad;
            gradNorm += grad * grad;
        }
        Map<String, Double> losses = new LinkedHashMap<>();
        losses.put("loss_dis", lossDis);
        losses.put("loss_gen", softplus(-dot(discriminatorWeight, fakeMean)));
        if (config.gradientPenalty() > 0) {
            losses.put("loss_gp", config.gradientPenalty() * dot(discriminatorWeight, discriminatorWeight) / 100);
        }
        return new StepStats(losses, dReal, dFake, Math.sqrt(gradNorm));
    }

    @Override
    public byte[] generate(float[] z, int n) {
        byte[] rgb = new byte[n * SIDE * SIDE * 3];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < SIDE * SIDE; p++) {
                for (int c = 0; c < 3; c++) {
                    double v = Math.tanh(generatorBias[c] + z[i * LATENT + (p + c) % LATENT]);
                    rgb[(i * SIDE * SIDE + p) * 3 + c] = (byte) Math.round(127.5 * (v + 1));
                }
            }
        }
        return rgb;
    }

    @Override
    public int latentSize() {
        return LATENT;
    }

    @Override
    public int imageSide() {
        return SIDE;
    }

    @Override
    public void saveCheckpoint(Path dir) throws IOException {
        RunFolder.JSON.writeValue(dir.resolve("toy.json").toFile(),
                new State(generatorBias, discriminatorWeight, rngState, stepsDone));
    }

    @Override
    public void loadCheckpoint(Path dir) throws IOException {
        State s = RunFolder.JSON.readValue(dir.resolve("toy.json").toFile(), State.class);
        generatorBias = s.generatorBias();
        discriminatorWeight = s.discriminatorWeight();
        rngState = s.rngState();
        stepsDone = s.stepsDone();
    }

    @Override
    public long checkpointBytes() {
        return 1024;
    }

    @Override
    public void saveGenerator(Path file, boolean averaged) throws IOException {
        Files.writeString(file, java.util.Arrays.toString(generatorBias));
    }

    @Override
    public String device() {
        return "CPU (toy)";
    }

    @Override
    public void close() {
        closed = true;
    }

    double[] generatorBias() {
        return generatorBias.clone();
    }

    private double[] fakeMeans() {
        double[] mean = new double[3];
        for (int i = 0; i < config.batch(); i++) {
            double z = 2 * nextUniform() - 1;
            for (int c = 0; c < 3; c++) {
                mean[c] += Math.tanh(generatorBias[c] + z) / config.batch();
            }
        }
        return mean;
    }

    private static double[] channelMeans(float[] nchw) {
        int plane = SIDE * SIDE;
        int n = nchw.length / (3 * plane);
        double[] mean = new double[3];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 3; c++) {
                for (int p = 0; p < plane; p++) {
                    mean[c] += nchw[(i * 3 + c) * plane + p];
                }
            }
        }
        for (int c = 0; c < 3; c++) {
            mean[c] /= (double) n * plane;
        }
        return mean;
    }

    /** SplitMix64, so the generator's whole state is one long. */
    private double nextUniform() {
        long z = (rngState += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return ((z ^ (z >>> 31)) >>> 11) * 0x1.0p-53;
    }

    private void sleep() {
        if (sleepMillisPerStep > 0) {
            try {
                Thread.sleep(sleepMillisPerStep);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    record State(double[] generatorBias, double[] discriminatorWeight, long rngState, long stepsDone) {
    }
}
