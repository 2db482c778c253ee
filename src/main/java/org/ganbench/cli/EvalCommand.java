package org.ganbench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ganbench eval ...}: quality and diversity numbers for face sets. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate generated faces against real ones (SWD, MS-SSIM, random-network FD/KID/PRDC, share of samples copied from training faces).",
        subcommands = {EvalSwdCommand.class, EvalDirsCommand.class, EvalRunCommand.class})
public final class EvalCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
