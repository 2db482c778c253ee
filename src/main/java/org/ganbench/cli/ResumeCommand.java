package org.ganbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.ganbench.common.CancellationToken;
import org.ganbench.common.Workspace;
import org.ganbench.train.GanAlgorithm;
import org.ganbench.train.GanAlgorithms;
import org.ganbench.train.RunConfig;
import org.ganbench.train.RunFolder;
import org.ganbench.train.Trainer;
import org.ganbench.train.TrainingConfig;
import org.ganbench.train.TrainingData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ganbench resume}: continues a stopped, killed or finished run from its newest checkpoint. */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = "Continue a run from its newest complete checkpoint, on the same dataset.")
public final class ResumeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN", description = "run id under runs/, or a run folder")
    String run;

    @Option(names = "--steps", description = "new total number of steps (default: the run's own)")
    Long steps;

    private final Function<TrainingConfig, GanAlgorithm> engine;

    public ResumeCommand() {
        this(GanAlgorithms::create);
    }

    /** With another engine behind the GanAlgorithm interface (tests). */
    ResumeCommand(Function<TrainingConfig, GanAlgorithm> engine) {
        this.engine = engine;
    }

    @Override
    public Integer call() throws Exception {
        RunFolder folder = RunFolder.open(Workspace.current().run(run));
        RunConfig config = folder.config();
        try (GanAlgorithm gan = engine.apply(config.training())) {
            TrainingData data = TrainingData.load(Path.of(config.dataset()), gan.imageSide(),
                    ConsoleProgress.to(spec), new CancellationToken());
            if (!data.sha256().equals(config.datasetSha256())) {
                throw new IllegalArgumentException("the dataset " + config.dataset() + " changed since the run "
                        + "started (SHA-256 " + data.sha256() + ", the run recorded " + config.datasetSha256()
                        + "): the run would continue on other faces");
            }
            if (steps != null) {
                long reached = folder.newestCheckpoint().map(RunFolder.StepFile::step).orElse(0L);
                if (steps < reached) {
                    throw new IllegalArgumentException("--steps " + steps + " is below the step the run has reached ("
                            + reached + ")");
                }
                folder.writeConfig(config.withSteps(steps));
            }
            return TrainingConsole.run(new Trainer(gan, data.faces(), folder), folder, spec.commandLine().getOut(),
                    spec.commandLine().getErr());
        }
    }
}
