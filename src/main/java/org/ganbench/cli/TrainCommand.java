package org.ganbench.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.ganbench.common.CancellationToken;
import org.ganbench.common.Workspace;
import org.ganbench.model.Bfloat16Convolutions;
import org.ganbench.train.Algorithm;
import org.ganbench.train.Precision;
import org.ganbench.train.Preset;
import org.ganbench.train.TrainableGan;
import org.ganbench.train.TrainableGans;
import org.ganbench.train.TrainingConfig;
import org.ganbench.train.TrainingSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ganbench train}: a new run on a dataset. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a GAN on a face dataset into a new run folder (Ctrl-C stops with a checkpoint).")
public final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--dataset", required = true, paramLabel = "NAME|DIR",
            description = "dataset name under datasets/, or a folder (a dataset folder or any folder of images)")
    String dataset;

    @Option(names = "--algo", required = true, description = "dragan, sngan or dcgan")
    Algorithm algorithm;

    @Option(names = "--steps", defaultValue = "100000", description = "training steps (default ${DEFAULT-VALUE})")
    long steps;

    @Option(names = "--batch", description = "batch size (default 32: the CPU preset, as in the window)")
    Integer batch;

    @Option(names = "--ch", description = "network width (default 64: the CPU preset, as in the window; "
            + "chainer-gan-lib's source setting is --ch 512 --batch 64)")
    Integer ch;

    @Option(names = "--seed", defaultValue = "0", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--sample-every", defaultValue = "1000", paramLabel = "N",
            description = "write a 5x5 sample grid every N steps (default ${DEFAULT-VALUE})")
    int sampleEvery;

    @Option(names = "--checkpoint-every", defaultValue = "1000", paramLabel = "N",
            description = "checkpoint every N steps (default ${DEFAULT-VALUE})")
    int checkpointEvery;

    @Option(names = "--lr", paramLabel = "RATE", description = "Adam's learning rate (default: the algorithm's)")
    Double learningRate;

    @Option(names = "--beta1", description = "Adam's beta1, in [0, 1) (default: the algorithm's)")
    Double beta1;

    @Option(names = "--beta2", description = "Adam's beta2, in [0, 1) (default: the algorithm's)")
    Double beta2;

    @Option(names = "--n-dis", paramLabel = "N", description = "discriminator updates per generator update "
            + "(default: the algorithm's)")
    Integer nDis;

    @Option(names = "--lambda", description = "DRAGAN's gradient-penalty weight (default: the algorithm's)")
    Double gradientPenalty;

    @Option(names = "--ema-decay", paramLabel = "DECAY", description = "keep a moving average of G's weights with "
            + "this decay (for example 0.999) and sample it in grids, sample, eval and the window; 0 keeps none "
            + "(default: " + Algorithm.DEFAULT_EMA_DECAY + ")")
    Double emaDecay;

    @Option(names = "--precision", defaultValue = "f32", description = "f32 (default), or bf16: the convolutions in "
            + "bfloat16 with float32 results, weights and optimiser state, on CPUs with avx512_bf16 or AMX "
            + "(elsewhere it says so and trains float32)")
    String precision;

    @Option(names = "--run-dir", paramLabel = "DIR", description = "the run folder (default runs/<algo>-<date>-<time>)")
    Path runDir;

    private final Function<TrainingConfig, TrainableGan> engine;

    public TrainCommand() {
        this(TrainableGans::create);
    }

    /** With another engine behind the TrainableGan interface (tests). */
    TrainCommand(Function<TrainingConfig, TrainableGan> engine) {
        this.engine = engine;
    }

    @Override
    public Integer call() throws Exception {
        Workspace workspace = Workspace.current();
        Path dir = runDir != null ? runDir.toAbsolutePath() : TrainingSession.defaultRunDir(workspace, algorithm);
        TrainingConfig config = hyperparameters();
        try (TrainingSession session = TrainingSession.newRun(config,
                workspace.dataset(dataset), dir, steps, sampleEvery, checkpointEvery, engine, new TerminalProgressBar(spec.commandLine().getOut()),
                new CancellationToken())) {
            spec.commandLine().getOut().println("run folder: " + session.run().dir() + " ("
                    + session.data().faces().count() + " faces)");
            return TrainingConsole.run(session.trainer(), session.run(), spec.commandLine().getOut(),
                    spec.commandLine().getErr());
        }
    }

    /** The algorithm's defaults with the options given on the command line, each checked in words a user reads. */
    private TrainingConfig hyperparameters() {
        TrainingConfig d = algorithm.defaults(ch != null ? ch : Preset.DEFAULT.ch(),
                batch != null ? batch : Preset.DEFAULT.batch(), seed);
        if (learningRate != null && !(learningRate > 0 && learningRate < 1)) {
            throw invalid("--lr must be above 0 and below 1 (a learning rate such as 0.0002), was " + learningRate);
        }
        checkBeta("--beta1", beta1);
        checkBeta("--beta2", beta2);
        if (nDis != null && nDis < 1) {
            throw invalid("--n-dis must be at least 1 (discriminator updates per generator update), was " + nDis);
        }
        if (gradientPenalty != null && !(gradientPenalty >= 0 && Double.isFinite(gradientPenalty))) {
            throw invalid("--lambda must be 0 or more, was " + gradientPenalty);
        }
        if (gradientPenalty != null && gradientPenalty > 0 && algorithm != Algorithm.DRAGAN) {
            throw invalid("--lambda is DRAGAN's gradient penalty; " + algorithm.name().toLowerCase(java.util.Locale.ROOT)
                    + " has none");
        }
        if (emaDecay != null && !(emaDecay == 0 || emaDecay > 0 && emaDecay < 1)) {
            throw invalid("--ema-decay must be 0 (no average) or above 0 and below 1 (such as 0.999), was "
                    + emaDecay);
        }
        Precision wanted;
        try {
            wanted = Precision.parse(precision);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
        Optional<String> missing = wanted == Precision.BF16 ? Bfloat16Convolutions.unavailable() : Optional.empty();
        missing.ifPresent(why -> spec.commandLine().getErr().println("bfloat16 unavailable (" + why
                + "): training in float32"));
        return new TrainingConfig(algorithm, d.ch(), d.batch(), orElse(learningRate, d.learningRate()),
                orElse(beta1, d.beta1()), orElse(beta2, d.beta2()), nDis != null ? nDis : d.nDis(),
                orElse(gradientPenalty, d.gradientPenalty()), seed, orElse(emaDecay, d.emaDecay()),
                missing.isPresent() ? Precision.F32 : wanted);
    }

    private void checkBeta(String option, Double beta) {
        if (beta != null && !(beta >= 0 && beta < 1)) {
            throw invalid(option + " must be at least 0 and below 1, was " + beta);
        }
    }

    private static double orElse(Double value, double fallback) {
        return value != null ? value : fallback;
    }

    private ParameterException invalid(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
