package org.ganbench.cli;

import java.util.concurrent.Callable;
import org.ganbench.common.CancellationToken;
import org.ganbench.inspect.LatentStrip;
import org.ganbench.train.RunFolder;
import org.ganbench.train.RunGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ganbench interpolate}: interpolation strips between pairs of noise vectors. */
@Command(name = "interpolate", mixinStandardHelpOptions = true,
        description = {"Interpolation strips of a run's generator: row r goes from sample 2r to sample 2r+1 of the "
                + "seed, in --steps images.",
                "Linear by default (a straight line stays inside the cube [-1,1]^128 that the noise is drawn from); "
                        + "--slerp follows a great circle instead, which keeps the vectors' length but may leave "
                        + "the cube."})
public final class InterpolateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StripOptions strip;

    @Option(names = "--steps", defaultValue = "8", description = "images per row, both ends included (default ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--slerp", description = "spherical instead of linear interpolation")
    boolean slerp;

    @Override
    public Integer call() throws Exception {
        RunFolder folder = strip.folder();
        long seed = strip.seed(folder);
        try (RunGenerator generator = strip.open(folder)) {
            TerminalProgressBar bar = new TerminalProgressBar(spec.commandLine().getErr());
            LatentStrip result = LatentStrip.interpolations(generator, seed, strip.rows, steps, slerp, bar,
                    new CancellationToken());
            bar.finish();
            strip.write(result, generator.step(), spec.commandLine().getOut());
            return 0;
        }
    }
}
