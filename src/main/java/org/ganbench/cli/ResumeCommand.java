package org.ganbench.cli;

import java.util.concurrent.Callable;
import java.util.function.Function;
import org.ganbench.common.CancellationToken;
import org.ganbench.common.Workspace;
import org.ganbench.train.TrainableGan;
import org.ganbench.train.TrainableGans;
import org.ganbench.train.TrainingConfig;
import org.ganbench.train.TrainingSession;
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

    private final Function<TrainingConfig, TrainableGan> engine;

    public ResumeCommand() {
        this(TrainableGans::create);
    }

    /** With another engine behind the TrainableGan interface (tests). */
    ResumeCommand(Function<TrainingConfig, TrainableGan> engine) {
        this.engine = engine;
    }

    @Override
    public Integer call() throws Exception {
        try (TrainingSession session = TrainingSession.resume(Workspace.current().run(run), steps, engine,
                new TerminalProgressBar(spec.commandLine().getOut()), new CancellationToken())) {
            return TrainingConsole.run(session.trainer(), session.run(), spec.commandLine().getOut(),
                    spec.commandLine().getErr());
        }
    }
}
