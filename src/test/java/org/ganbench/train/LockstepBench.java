package org.ganbench.train;

import java.io.File;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ganbench.model.Parameters;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Lockstep check against the reference (a program, not a test: CI has no PyTorch). Loads a trace that
 * {@code ../shared/bench/torch_ref.py --trace DIR --trace-steps N [--double]} wrote into our networks, feeds each
 * step the real batches, latent vectors and noise the reference drew, and prints after each step the largest
 * relative difference in every loss and every parameter and buffer. A tensor's difference is
 * max|a - b| / max|b| (relative to the tensor's scale, so that entries near zero do not blow up); a loss's is
 * |a - b| / |b|. Width, batch and precision are read from the trace.
 *
 * <p>A float64 trace is compared with our float64 step directly. A float32 trace has no exact answer to compare
 * with, so the same trace also runs through our float64 step, and the table shows how far each float32
 * implementation (the reference's, ours) lies from that: ours should lie no further than the reference's own.
 *
 * <p>G's biases b0-b3 feed batch normalisation, which removes them: their exact gradient is zero, and Adam turns the
 * rounding noise both implementations compute instead into steps of full size and random sign. They have no effect
 * on G's images in training mode and are shown apart.
 *
 * <pre>
 * java -cp target/classes:target/test-classes:CLASSPATH org.ganbench.train.LockstepBench dragan|sngan TRACE_DIR [--all]
 * </pre>
 * {@code --all} prints every quantity; otherwise each step's losses and worst tensors.
 */
public final class LockstepBench {
    static final java.util.Set<String> PRE_NORM_BIASES = java.util.Set.of("b0", "b1", "b2", "b3");

    private LockstepBench() {
    }

    /** One compared quantity after one step. */
    record Difference(int step, String network, String name, double relative) {
    }

    /** What one implementation holds after one step, in our names and float64. */
    record Snapshot(Map<String, Double> losses, Map<String, INDArray> generator, Map<String, INDArray> discriminator) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: LockstepBench dragan|sngan TRACE_DIR [--all]");
            System.exit(2);
        }
        Algorithm algorithm = Algorithm.valueOf(args[0].toUpperCase(java.util.Locale.ROOT));
        File dir = new File(args[1]);
        boolean all = args.length > 2 && args[2].equals("--all");
        DataType traced = read(dir, "init_G.npz").get("l0.weight").dataType();
        List<Snapshot> reference = reference(algorithm, dir);
        List<Snapshot> exact = replay(algorithm, dir, DataType.DOUBLE);
        if (traced == DataType.DOUBLE) {
            System.out.println("ours (float64) against the reference (float64):");
            print(differences(exact, reference), all);
        } else {
            System.out.println("the reference (float32) against our float64 step on the same inputs:");
            print(differences(reference, exact), all);
            System.out.println("ours (float32) against our float64 step on the same inputs:");
            print(differences(replay(algorithm, dir, traced), exact), all);
        }
    }

    /** Replays every traced step of {@code dir} in {@code dataType} and returns what our networks hold after each. */
    static List<Snapshot> replay(Algorithm algorithm, File dir, DataType dataType) throws Exception {
        Map<String, INDArray> initG = read(dir, "init_G.npz");
        int ch = (int) (initG.get("l0.weight").size(0) / 64);
        int batch = (int) read(dir, "step_1.npz").get("real_0").size(0);
        TrainingConfig config = algorithm.defaults(ch, batch, 0);
        EngineGan updater = switch (algorithm) {
            case SNGAN -> new SnganUpdater(config, dataType);
            case DRAGAN -> new DraganUpdater(config, dataType);
            case DCGAN -> throw new IllegalArgumentException("the reference has no DCGAN");
        };
        TorchNames.loadGenerator(initG, updater.generator);
        TorchNames.loadDiscriminator(read(dir, "init_D.npz"), updater.discriminator);
        System.out.printf("%s, ch %d, batch %d, trace %s, run in %s%n", algorithm, ch, batch, dir, dataType);
        List<Snapshot> snapshots = new ArrayList<>();
        for (int step = 1; new File(dir, "step_" + step + ".npz").isFile(); step++) {
            StepStats stats = updater.step(tracedInputs(read(dir, "step_" + step + ".npz"), algorithm,
                    config.nDis(), dataType));
            snapshots.add(new Snapshot(stats.losses(), copy(TorchNames.generatorArrays(updater.generator)),
                    copy(TorchNames.discriminatorArrays(updater.discriminator))));
        }
        return snapshots;
    }

    /** The reference's losses (of the last D update, as ours reports) and networks after each traced step. */
    static List<Snapshot> reference(Algorithm algorithm, File dir) throws Exception {
        int last = algorithm.defaults(8, 1, 0).nDis() - 1;
        List<Snapshot> snapshots = new ArrayList<>();
        for (int step = 1; new File(dir, "step_" + step + ".npz").isFile(); step++) {
            Map<String, INDArray> traced = read(dir, "step_" + step + ".npz");
            Map<String, Double> losses = new LinkedHashMap<>();
            losses.put("loss_dis", traced.get("loss_dis_" + last).getDouble(0));
            losses.put("loss_gen", traced.get("loss_gen").getDouble(0));
            if (traced.containsKey("loss_gp_" + last)) {
                losses.put("loss_gp", traced.get("loss_gp_" + last).getDouble(0));
            }
            snapshots.add(new Snapshot(losses, inOurNames(read(dir, "G_" + step + ".npz"), true),
                    inOurNames(read(dir, "D_" + step + ".npz"), false)));
        }
        return snapshots;
    }

    static Map<String, INDArray> inOurNames(Map<String, INDArray> reference, boolean generator) {
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        for (String name : TorchNames.ourNames(reference, generator)) {
            arrays.put(name, TorchNames.ours(name, reference).castTo(DataType.DOUBLE));
        }
        return arrays;
    }

    private static Map<String, INDArray> copy(Map<String, INDArray> arrays) {
        Map<String, INDArray> copies = new LinkedHashMap<>();
        arrays.forEach((name, a) -> copies.put(name, a.castTo(DataType.DOUBLE).dup()));
        return copies;
    }

    /** Every loss and tensor of {@code a} against {@code b}, step by step. */
    static List<Difference> differences(List<Snapshot> a, List<Snapshot> b) {
        List<Difference> differences = new ArrayList<>();
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int step = i + 1;
            a.get(i).losses().forEach((name, value) -> differences.add(new Difference(step, "loss", name,
                    Math.abs(value - b.get(step - 1).losses().get(name)) / Math.abs(b.get(step - 1).losses().get(name)))));
            compare(step, "G", a.get(i).generator(), b.get(i).generator(), differences);
            compare(step, "D", a.get(i).discriminator(), b.get(i).discriminator(), differences);
        }
        return differences;
    }

    /** The inputs as the updater asks for them: real batches and noise in order, latent vectors in draw order. */
    static StepInputs tracedInputs(Map<String, INDArray> step, Algorithm algorithm, int nDis,
                                           DataType dataType) {
        Deque<INDArray> real = new ArrayDeque<>();
        Deque<INDArray> latent = new ArrayDeque<>();
        Deque<INDArray> noise = new ArrayDeque<>();
        if (algorithm == Algorithm.SNGAN) {
            latent.add(step.get("zg").castTo(dataType));
        }
        for (int k = 0; k < nDis; k++) {
            real.add(step.get("real_" + k).castTo(dataType));
            latent.add(step.get("z_" + k).castTo(dataType));
            if (step.containsKey("noise_" + k)) {
                noise.add(step.get("noise_" + k).castTo(dataType));
            }
        }
        return new StepInputs() {
            @Override
            public INDArray realBatch(int n) {
                return take(real, "real batch", new long[] {n, 3, 64, 64});
            }

            @Override
            public INDArray latent(int n) {
                return take(latent, "latent batch", new long[] {n, 128});
            }

            @Override
            public INDArray uniform(long... shape) {
                return take(noise, "noise", shape);
            }
        };
    }

    private static INDArray take(Deque<INDArray> queue, String what, long[] shape) {
        INDArray next = queue.poll();
        if (next == null) {
            throw new IllegalStateException("the step asked for one " + what + " more than the reference drew");
        }
        if (!java.util.Arrays.equals(next.shape(), shape)) {
            throw new IllegalStateException(what + " of shape " + java.util.Arrays.toString(next.shape())
                    + " where the step wants " + java.util.Arrays.toString(shape));
        }
        return next;
    }

    private static void compare(int step, String network, Map<String, INDArray> a, Map<String, INDArray> b,
                                List<Difference> differences) {
        for (Map.Entry<String, INDArray> e : a.entrySet()) {
            INDArray other = b.get(e.getKey());
            double scale = other.amaxNumber().doubleValue();
            double diff = e.getValue().sub(other.reshape(e.getValue().shape())).amaxNumber().doubleValue();
            differences.add(new Difference(step, network, e.getKey(), scale == 0 ? diff : diff / scale));
        }
    }

    static Map<String, INDArray> read(File dir, String name) throws Exception {
        return Nd4j.createFromNpzFile(new File(dir, name));
    }

    private static void print(List<Difference> differences, boolean all) {
        if (all) {
            for (Difference d : differences) {
                System.out.printf("step %d  %-4s %-8s %.2e%n", d.step(), d.network(), d.name(), d.relative());
            }
        }
        System.out.println("| step | loss_gen | loss_dis | loss_gp | worst G parameter | worst G buffer | worst D parameter"
                + " | worst D buffer | G's pre-BN biases |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        Map<Integer, List<Difference>> bySteps = new LinkedHashMap<>();
        for (Difference d : differences) {
            bySteps.computeIfAbsent(d.step(), s -> new ArrayList<>()).add(d);
        }
        for (Map.Entry<Integer, List<Difference>> e : bySteps.entrySet()) {
            List<Difference> ds = e.getValue();
            System.out.printf("| %d | %s | %s | %s | %s | %s | %s | %s | %s |%n", e.getKey(), loss(ds, "loss_gen"),
                    loss(ds, "loss_dis"), loss(ds, "loss_gp"), worst(ds, "G", Kind.PARAMETER),
                    worst(ds, "G", Kind.BUFFER), worst(ds, "D", Kind.PARAMETER), worst(ds, "D", Kind.BUFFER),
                    worst(ds, "G", Kind.PRE_NORM_BIAS));
        }
    }

    private static String loss(List<Difference> ds, String name) {
        return ds.stream().filter(d -> d.name().equals(name)).findFirst()
                .map(d -> String.format("%.1e", d.relative())).orElse("-");
    }

    private enum Kind { PARAMETER, BUFFER, PRE_NORM_BIAS }

    private static Kind kind(Difference d) {
        return TorchNames.isBuffer(d.name()) ? Kind.BUFFER
                : d.network().equals("G") && PRE_NORM_BIASES.contains(d.name()) ? Kind.PRE_NORM_BIAS : Kind.PARAMETER;
    }

    private static String worst(List<Difference> ds, String network, Kind kind) {
        return ds.stream().filter(d -> d.network().equals(network) && kind(d) == kind)
                .max(java.util.Comparator.comparingDouble(Difference::relative))
                .map(d -> String.format("%.1e (%s)", d.relative(), d.name())).orElse("-");
    }

    /** Parameters and buffers of ours by name, as plain maps, for the comparison. */
    static Map<String, INDArray> arraysOf(Parameters parameters, Parameters buffers) {
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        for (String name : parameters.names()) {
            arrays.put(name, parameters.value(name));
        }
        for (String name : buffers.names()) {
            arrays.put(name, buffers.value(name));
        }
        return arrays;
    }
}
