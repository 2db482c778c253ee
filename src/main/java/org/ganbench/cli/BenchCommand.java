package org.ganbench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Benchmarks: programs that measure speed (not tests). */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure the speed of GanBench's engines.",
        subcommands = {BenchTrainCommand.class})
public final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
