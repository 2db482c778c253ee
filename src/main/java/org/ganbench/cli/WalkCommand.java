package org.ganbench.cli;

import java.util.concurrent.Callable;
import org.ganbench.common.CancellationToken;
import org.ganbench.inspect.LatentPaths;
import org.ganbench.inspect.LatentStrip;
import org.ganbench.train.RunFolder;
import org.ganbench.train.RunGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ganbench walk}: walks from the seed's samples along one latent direction. */
@Command(name = "walk", mixinStandardHelpOptions = true,
        description = {"Walks along a latent direction: row r starts at sample r of the seed (step 0 is that "
                + "sample) and moves --step-size along a unit direction per step, the same direction in every row.",
                "The direction is random from --direction-seed, or from sample I to sample J with "
                        + "--direction-between I,J. Coordinates are clamped to the noise range [-1,1] unless "
                        + "--no-clamp."})
public final class WalkCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StripOptions strip;

    @Option(names = "--steps", defaultValue = "9", description = "images per row, the base included (default ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--step-size", defaultValue = "0.25",
            description = "length of one step along the unit direction (default ${DEFAULT-VALUE})")
    double stepSize;

    @Option(names = "--direction-seed", defaultValue = "0", paramLabel = "S",
            description = "seed of the random direction (default ${DEFAULT-VALUE})")
    long directionSeed;

    @Option(names = "--direction-between", paramLabel = "I,J",
            description = "the direction from sample I to sample J of the seed instead of a random one")
    String between;

    @Option(names = "--no-clamp", description = "let the walk leave the noise range [-1,1]")
    boolean noClamp;

    @Override
    public Integer call() throws Exception {
        int[] pair = between == null ? null : samplePair(between);
        RunFolder folder = strip.folder();
        long seed = strip.seed(folder);
        try (RunGenerator generator = strip.open(folder)) {
            int latent = generator.latentSize();
            float[] direction = pair == null ? LatentPaths.randomDirection(directionSeed, latent)
                    : LatentPaths.directionBetween(LatentPaths.noiseVector(seed, pair[0], latent),
                            LatentPaths.noiseVector(seed, pair[1], latent));
            TerminalProgressBar bar = new TerminalProgressBar(spec.commandLine().getErr());
            LatentStrip result = LatentStrip.walks(generator, seed, strip.rows, direction, stepSize, steps, !noClamp,
                    bar, new CancellationToken());
            bar.finish();
            strip.write(result, generator.step(), spec.commandLine().getOut());
            return 0;
        }
    }

    private static int[] samplePair(String text) {
        String[] parts = text.split(",", -1);
        try {
            if (parts.length == 2) {
                return new int[] {Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip())};
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("--direction-between takes two sample numbers, e.g. 0,3, not '" + text + "'");
    }
}
