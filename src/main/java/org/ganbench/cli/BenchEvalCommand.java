package org.ganbench.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ganbench.common.Workspace;
import org.ganbench.eval.EvalBesideTrainingBenchmark;
import org.ganbench.train.Algorithm;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ganbench bench eval}: how much evaluating a run's checkpoint on another thread slows its training. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Time training steps alone and beside 'eval run' of the same run (A B A B) and print the ratio.")
public final class BenchEvalCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--dataset", required = true, paramLabel = "NAME|DIR", description = "dataset to train and evaluate on")
    String dataset;

    @Option(names = "--algo", defaultValue = "sngan", description = "dragan, sngan or dcgan (default ${DEFAULT-VALUE})")
    Algorithm algorithm;

    @Option(names = "--batch", defaultValue = "64", description = "batch size (default ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--ch", defaultValue = "64", description = "network width (default ${DEFAULT-VALUE})")
    int ch;

    @Option(names = "--steps", defaultValue = "20", description = "training steps per timed phase (default ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--rounds", defaultValue = "2", description = "A B pairs (default ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--warmup", defaultValue = "2", description = "steps trained before timing (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--n", defaultValue = "2048", description = "images per evaluation (default ${DEFAULT-VALUE})")
    int n;

    @Option(names = "--threads", defaultValue = "1", description = "evaluation threads (default ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--run-dir", paramLabel = "DIR", description = "where the benchmark's run goes (default: a new temporary folder)")
    Path runDir;

    @Override
    public Integer call() throws Exception {
        if (steps < 1 || rounds < 1 || warmup < 1) {
            throw new IllegalArgumentException("--steps, --rounds and --warmup must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path run = runDir != null ? runDir : Files.createTempDirectory("ganbench-bench-eval").resolve("run");
        err.println("run folder: " + run);
        EvalBesideTrainingBenchmark.Result r = EvalBesideTrainingBenchmark.run(
                algorithm.defaults(ch, batch, 0), Workspace.current().dataset(dataset), run, warmup, steps, rounds, n,
                threads, (done, total, message) -> {
                    err.println("phase " + done + "/" + total + ": " + message);
                    err.flush();
                });
        out.printf(Locale.ROOT, "%s batch %d ch %d, %d steps per phase: alone %s s, beside evaluation %s s "
                        + "(%d evaluations of %d images, %d thread(s))%n",
                algorithm.name().toLowerCase(Locale.ROOT), batch, ch, steps, format(r.aloneSeconds()),
                format(r.besideSeconds()), r.evaluations(), n, threads);
        out.printf(Locale.ROOT, "slowdown %.3f%n", r.slowdown());
        out.flush();
        return 0;
    }

    private static String format(java.util.List<Double> seconds) {
        return seconds.stream().map(s -> String.format(Locale.ROOT, "%.2f", s)).toList().toString();
    }
}
