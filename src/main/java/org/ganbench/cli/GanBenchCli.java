package org.ganbench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The headless command line: the same jobs as the window, for servers and scripts. */
@Command(name = "ganbench", mixinStandardHelpOptions = true, version = "GanBench 0.1.0",
        description = "Anime-face GAN workbench: build face datasets, train DRAGAN/SNGAN, evaluate and compare runs.",
        subcommands = {CommandLine.HelpCommand.class, EvalCommand.class, SynthCommand.class})
public final class GanBenchCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the command line and returns the process exit code. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The configured command line, for callers (tests) that capture its output. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new GanBenchCli());
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            return 1;
        });
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
