package org.ganbench.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ganbench.common.CancellationToken;
import org.ganbench.model.Bfloat16Convolutions;
import org.ganbench.train.Algorithm;
import org.ganbench.train.TrainingBenchmark;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ganbench bench train}: seconds per training step and images per second, after warm-up. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Time training steps on synthetic images (after warm-up) and print s/step and images/s.")
public final class BenchTrainCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--algo", defaultValue = "dcgan", description = "dragan, sngan or dcgan (default ${DEFAULT-VALUE})")
    String algorithm;

    @Option(names = "--batch", defaultValue = "64", description = "batch size (default ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--ch", defaultValue = "512", description = "network width (default ${DEFAULT-VALUE})")
    int ch;

    @Option(names = "--steps", defaultValue = "5", description = "timed steps (default ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--warmup", defaultValue = "2", description = "untimed steps first (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--seed", defaultValue = "0", description = "seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--profile", description = "also print where the timed steps' time went, per layer and pass, "
            + "with FLOPs and GFLOP/s against a float32 matrix product timed before each step")
    boolean profile;

    @Option(names = "--precision", defaultValue = "f32", description = "f32 (default), or bf16: every "
            + "convolution in bfloat16 with float32 results, on CPUs with avx512_bf16 or AMX (see docs/speed.md)")
    String precision;

    @Override
    public Integer call() {
        Algorithm algo;
        try {
            algo = Algorithm.valueOf(algorithm.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "unknown algorithm '" + algorithm + "': use dragan, sngan or dcgan");
        }
        if (!precision.equals("f32") && !precision.equals("bf16")) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "unknown precision '" + precision + "': use f32 or bf16");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (precision.equals("bf16")) {
            Bfloat16Convolutions.enable().ifPresentOrElse(
                    why -> err.println("bfloat16 unavailable (" + why + "): running float32"),
                    () -> err.println("convolutions in bfloat16 (oneDNN " + Bfloat16Convolutions.ONEDNN_VERSION
                            + "), everything else float32"));
        }
        try {
            return bench(algo, out, err);
        } finally {
            Bfloat16Convolutions.disable();
        }
    }

    private int bench(Algorithm algo, PrintWriter out, PrintWriter err) {
        TrainingBenchmark.Result r = TrainingBenchmark.run(algo.defaults(ch, batch, seed), warmup, steps, profile,
                (done, total, message) -> {
                    err.println(message);
                    err.flush();
                }, new CancellationToken());
        out.printf(Locale.ROOT, "%s batch %d ch %d on %s: %.3f s/step, %.1f images/s (%d timed steps after %d warm-up, "
                        + "%s convolutions)%n", algo.name().toLowerCase(Locale.ROOT), batch, ch, r.device(),
                r.secondsPerStep(), r.imagesPerSecond(), steps, warmup,
                Bfloat16Convolutions.isEnabled() ? "bf16" : "f32");
        if (profile) {
            ProfileTable.print(out, r);
        }
        out.flush();
        return 0;
    }
}
