package org.ganbench.cli;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.ganbench.common.CancellationToken;
import org.ganbench.common.Images;
import org.ganbench.common.Workspace;
import org.ganbench.train.GeneratedImages;
import org.ganbench.train.RunFolder;
import org.ganbench.train.RunGenerator;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ganbench sample}: images from a run's generator, as one grid or as single PNGs. */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Generate images with a run's generator (its newest checkpoint, or --checkpoint STEP).")
public final class SampleCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN", description = "run id under runs/, or a run folder")
    String run;

    @Option(names = "--n", defaultValue = "25", description = "number of images (default ${DEFAULT-VALUE})")
    int count;

    @Option(names = "--seed", description = "noise seed (default: the run's seed; with --n 25 that is the run's sample grid)")
    Long seed;

    @Option(names = "--checkpoint", paramLabel = "STEP", description = "a kept checkpoint's step (default: the newest)")
    Long checkpoint;

    @Mixin
    RawWeightsOption weights;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Output output;

    static final class Output {
        @Option(names = "--out", paramLabel = "PNG", description = "write one grid image")
        Path grid;

        @Option(names = "--out-dir", paramLabel = "DIR", description = "write N single images sample_NNNNN.png")
        Path dir;
    }

    @Override
    public Integer call() throws Exception {
        if (count < 1) {
            throw new IllegalArgumentException("--n must be at least 1, was " + count);
        }
        RunFolder folder = RunFolder.open(Workspace.current().run(run));
        long noiseSeed = seed != null ? seed : folder.config().training().seed();
        try (RunGenerator generator = RunGenerator.open(folder, checkpoint, weights.raw)) {
            byte[] rgb = generator.sample(noiseSeed, count, new TerminalProgressBar(spec.commandLine().getErr()), new CancellationToken());
            int side = generator.imageSide();
            Path written;
            if (output.grid != null) {
                Images.writePng(GeneratedImages.grid(rgb, count, side), output.grid);
                written = output.grid;
            } else {
                List<BufferedImage> images = GeneratedImages.split(rgb, count, side);
                for (int i = 0; i < count; i++) {
                    Images.writePng(images.get(i), output.dir.resolve(RunGenerator.sampleName(i)));
                }
                written = output.dir;
            }
            spec.commandLine().getOut().println(count + " images of step " + generator.step() + " in " + written);
            return 0;
        }
    }
}
