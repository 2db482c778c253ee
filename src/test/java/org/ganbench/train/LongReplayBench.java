package org.ganbench.train;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ganbench.common.Images;
import org.ganbench.model.Generator64;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The lockstep over a whole run (a program: CI has no PyTorch). Feeds our float32 networks every input a long
 * {@code torch_ref.py --trace DIR --trace-steps N} run drew and, every few steps, prints how far our networks lie
 * from the reference's: the distance between the two parameter sets relative to how far the reference's has moved
 * from the shared start, dist(ours, ref) / dist(ref, init) (0: the same path; about 1.4 or more: unrelated paths that
 * moved equally far). At the end it writes 1,000 samples of our G and 1,000 of the reference's final G, both drawn
 * by our sampler from the same latent vectors, for {@code swd.py}: the first pair tells whether the same inputs make
 * the same generator, the second whether our sampler scores the reference's own weights as its dump scores.
 *
 * <pre>
 * java -cp target/classes:target/test-classes:CLASSPATH org.ganbench.train.LongReplayBench \
 *     dragan|sngan TRACE OUT [EVERY]
 * </pre>
 * G's pre-batch-norm biases b0-b3 are left out of the distance (rounding noise in both, see {@link LockstepBench}).
 */
public final class LongReplayBench {
    private static final int SAMPLES = 1000;
    private static final long SAMPLE_SEED = 7;

    private LongReplayBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: LongReplayBench dragan|sngan TRACE_DIR OUT_DIR [EVERY]");
            System.exit(2);
        }
        Algorithm algorithm = Algorithm.valueOf(args[0].toUpperCase(Locale.ROOT));
        File dir = new File(args[1]);
        Path out = Path.of(args[2]);
        int every = args.length > 3 ? Integer.parseInt(args[3]) : 25;
        Map<String, INDArray> initG = LockstepBench.read(dir, "init_G.npz");
        Map<String, INDArray> initD = LockstepBench.read(dir, "init_D.npz");
        DataType dataType = initG.get("l0.weight").dataType();
        int ch = (int) (initG.get("l0.weight").size(0) / 64);
        int batch = (int) LockstepBench.read(dir, "step_1.npz").get("real_0").size(0);
        TrainingConfig config = algorithm.defaults(ch, batch, 0);
        EngineGan updater = algorithm == Algorithm.SNGAN ? new SnganUpdater(config, dataType)
                : new DraganUpdater(config, dataType);
        TorchNames.loadGenerator(initG, updater.generator);
        TorchNames.loadDiscriminator(initD, updater.discriminator);
        Map<String, INDArray> startG = LockstepBench.inOurNames(initG, true);
        Map<String, INDArray> startD = LockstepBench.inOurNames(initD, false);
        System.out.printf("%s, ch %d, batch %d, %s, trace %s%n", algorithm, ch, batch, dataType, dir);
        System.out.println("| step | loss_dis ours / ref | loss_gen ours / ref | G: dist(ours, ref) / dist(ref, init)"
                + " | D: same |");
        System.out.println("|---|---|---|---|---|");
        int last = 0;
        for (int step = 1; new File(dir, "step_" + step + ".npz").isFile(); step++) {
            Map<String, INDArray> traced = LockstepBench.read(dir, "step_" + step + ".npz");
            StepStats stats = updater.step(LockstepBench.tracedInputs(traced, algorithm, config.nDis(), dataType));
            last = step;
            boolean report = step % every == 0 || !new File(dir, "step_" + (step + 1) + ".npz").isFile();
            if (report) {
                Map<String, INDArray> refG = LockstepBench.inOurNames(LockstepBench.read(dir, "G_" + step + ".npz"),
                        true);
                Map<String, INDArray> refD = LockstepBench.inOurNames(LockstepBench.read(dir, "D_" + step + ".npz"),
                        false);
                System.out.printf(Locale.ROOT, "| %d | %.4f / %.4f | %.4f / %.4f | %.3f | %.3f |%n", step,
                        stats.losses().get("loss_dis"), traced.get("loss_dis_" + (config.nDis() - 1)).getDouble(0),
                        stats.losses().get("loss_gen"), traced.get("loss_gen").getDouble(0),
                        pathDistance(TorchNames.generatorArrays(updater.generator), refG, startG),
                        pathDistance(TorchNames.discriminatorArrays(updater.discriminator), refD, startD));
            }
        }
        writeSamples(updater.generator, out.resolve("ours"));
        Generator64 reference = new Generator64(ch, DataType.FLOAT);
        TorchNames.loadGenerator(LockstepBench.read(dir, "G_" + last + ".npz"), reference);
        writeSamples(reference, out.resolve("reference-weights"));
        System.out.println("samples of both generators after step " + last + " in " + out);
    }

    /** Euclidean dist(a, b) / dist(b, start) over the parameters (not buffers, not G's pre-norm biases). */
    private static double pathDistance(Map<String, INDArray> ours, Map<String, INDArray> reference,
                                       Map<String, INDArray> start) {
        double apart = 0;
        double moved = 0;
        for (Map.Entry<String, INDArray> e : reference.entrySet()) {
            String name = e.getKey();
            boolean generator = start.containsKey("gamma0");
            if (TorchNames.isBuffer(name) || generator && LockstepBench.PRE_NORM_BIASES.contains(name)) {
                continue;
            }
            INDArray ref = e.getValue();
            INDArray mine = ours.get(name).castTo(DataType.DOUBLE).reshape(ref.shape());
            apart += Math.pow(mine.sub(ref).norm2Number().doubleValue(), 2);
            moved += Math.pow(ref.sub(start.get(name)).norm2Number().doubleValue(), 2);
        }
        return Math.sqrt(apart / moved);
    }

    private static void writeSamples(Generator64 generator, Path dir) throws Exception {
        Files.createDirectories(dir);
        byte[] rgb = GeneratorSampler.generate(generator, LatentNoise.uniform(SAMPLE_SEED, SAMPLES, Generator64.LATENT),
                SAMPLES);
        List<java.awt.image.BufferedImage> images = GeneratedImages.split(rgb, SAMPLES, Generator64.SIDE);
        for (int i = 0; i < images.size(); i++) {
            Images.writePng(images.get(i), dir.resolve(RunGenerator.sampleName(i)));
        }
    }
}
