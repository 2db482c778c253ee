package org.ganbench.cli;

import org.ganbench.train.ToyGan;
import picocli.CommandLine;

/** The real command line with the small test engine behind train and resume (TrainableGans.create's place). */
public final class ToyCli {
    private ToyCli() {
    }

    /** Runs as a process of its own for the interrupt test; arg 0 is the milliseconds each step sleeps. */
    public static void main(String[] args) {
        System.exit(commandLine(Long.parseLong(args[0])).execute(java.util.Arrays.copyOfRange(args, 1, args.length)));
    }

    static CommandLine commandLine(long sleepMillisPerStep) {
        java.util.function.Function<org.ganbench.train.TrainingConfig, org.ganbench.train.TrainableGan> engine =
                config -> new ToyGan(config, -1, sleepMillisPerStep);
        return GanBenchCli.commandLine(new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                Object command = cls == TrainCommand.class ? new TrainCommand(engine)
                        : cls == ResumeCommand.class ? new ResumeCommand(engine)
                        : CommandLine.defaultFactory().create(cls);
                return cls.cast(command);
            }
        });
    }
}
