package org.ganbench.cli;

import picocli.CommandLine.Option;

/** The {@code --raw} option of every command that samples a run's generator. */
final class RawWeightsOption {
    @Option(names = "--raw", description = "use G as trained, not the moving average of its weights that a run "
            + "trained with --ema-decay keeps and samples by default")
    boolean raw;
}
