package org.ganbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.ganbench.common.CancellationToken;
import org.ganbench.common.Workspace;
import org.ganbench.train.Algorithm;
import org.ganbench.train.Preset;
import org.ganbench.train.TrainableGan;
import org.ganbench.train.TrainableGans;
import org.ganbench.train.TrainingConfig;
import org.ganbench.train.TrainingSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
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
        TrainingConfig config = algorithm.defaults(ch != null ? ch : Preset.DEFAULT.ch(),
                batch != null ? batch : Preset.DEFAULT.batch(), seed);
        try (TrainingSession session = TrainingSession.newRun(config,
                workspace.dataset(dataset), dir, steps, sampleEvery, checkpointEvery, engine, new TerminalProgressBar(spec.commandLine().getOut()),
                new CancellationToken())) {
            spec.commandLine().getOut().println("run folder: " + session.run().dir() + " ("
                    + session.data().faces().count() + " faces)");
            return TrainingConsole.run(session.trainer(), session.run(), spec.commandLine().getOut(),
                    spec.commandLine().getErr());
        }
    }
}
