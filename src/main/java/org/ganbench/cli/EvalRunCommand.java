package org.ganbench.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ganbench.common.CancellationToken;
import org.ganbench.common.Workspace;
import org.ganbench.eval.Evaluation;
import org.ganbench.eval.RunEvaluation;
import org.ganbench.train.RunFolder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ganbench eval run RUN}: samples a run's generator and evaluates it into runs/<id>/eval/. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Evaluate a run: sample its generator (newest checkpoint, or --checkpoint STEP) and compare with "
                + "its dataset (or --vs): writes eval/eval.json, nearest_training.png and birthday_pairs.png.")
public final class EvalRunCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "RUN", description = "run id under runs/, or a run folder")
    String run;

    @Option(names = "--vs", paramLabel = "NAME|DIR", description = "real faces to compare with (default: the run's dataset)")
    String vs;

    @Option(names = "--n", defaultValue = "2048", description = "images generated, and faces per set (default ${DEFAULT-VALUE})")
    int n;

    @Option(names = "--checkpoint", paramLabel = "STEP", description = "a kept checkpoint's step (default: the newest)")
    Long checkpoint;

    @Option(names = "--seed", defaultValue = "0", description = "seed of the noise and of the samples (default ${DEFAULT-VALUE})")
    long seed;

    @Mixin
    RawWeightsOption weights;

    @Option(names = "--threads", defaultValue = "0",
            description = "evaluation threads, 0 for all cores; 1 beside a running training (default ${DEFAULT-VALUE})")
    int threads;

    @Override
    public Integer call() throws Exception {
        if (n < 2) {
            throw new IllegalArgumentException("--n must be at least 2, was " + n);
        }
        Workspace workspace = Workspace.current();
        RunFolder folder = RunFolder.open(workspace.run(run));
        Path real = vs == null ? null : workspace.dataset(vs);
        var err = spec.commandLine().getErr();
        var out = spec.commandLine().getOut();
        Map<String, Object> report = RunEvaluation.run(folder, real, checkpoint, weights.raw, n, seed, threads,
                new TerminalProgressBar(spec.commandLine().getErr()), new CancellationToken());
        if (report.containsKey("note")) {
            err.println("note: " + report.get("note"));
        }
        Evaluation.warnings(report).forEach(w -> err.println("warning: " + w));
        out.println("checkpoint_step " + report.get("checkpoint_step") + " (" + report.get("generator") + ")");
        EvalDirsCommand.Summary.print(report, out);
        out.println("written: " + RunEvaluation.folder(folder, weights.raw).resolve(Evaluation.JSON));
        out.flush();
        return 0;
    }
}
