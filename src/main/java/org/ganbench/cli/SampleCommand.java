package org.ganbench.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.ganbench.common.Images;
import org.ganbench.common.Workspace;
import org.ganbench.train.GanAlgorithm;
import org.ganbench.train.GanAlgorithms;
import org.ganbench.train.GeneratedImages;
import org.ganbench.train.LatentNoise;
import org.ganbench.train.RunConfig;
import org.ganbench.train.RunFolder;
import org.ganbench.train.TrainingConfig;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ganbench sample}: images from a run's newest checkpoint, as one grid or as single PNGs. */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Generate images with the generator of a run's newest checkpoint.")
public final class SampleCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN", description = "run id under runs/, or a run folder")
    String run;

    @Option(names = "--n", defaultValue = "25", description = "number of images (default ${DEFAULT-VALUE})")
    int count;

    @Option(names = "--seed", description = "noise seed (default: the run's seed; with --n 25 that is the run's sample grid)")
    Long seed;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Output output;

    static final class Output {
        @Option(names = "--out", paramLabel = "PNG", description = "write one grid image")
        Path grid;

        @Option(names = "--out-dir", paramLabel = "DIR", description = "write N single images sample_NNNNN.png")
        Path dir;
    }

    private final Function<TrainingConfig, GanAlgorithm> engine;

    public SampleCommand() {
        this(GanAlgorithms::create);
    }

    /** With another engine behind the GanAlgorithm interface (tests). */
    SampleCommand(Function<TrainingConfig, GanAlgorithm> engine) {
        this.engine = engine;
    }

    @Override
    public Integer call() throws Exception {
        if (count < 1) {
            throw new IllegalArgumentException("--n must be at least 1, was " + count);
        }
        RunFolder folder = RunFolder.open(Workspace.current().run(run));
        RunConfig config = folder.config();
        RunFolder.StepFile checkpoint = folder.newestCheckpoint().orElseThrow(
                () -> new IllegalArgumentException("the run has no checkpoint yet: " + folder.dir()));
        try (GanAlgorithm gan = engine.apply(config.training())) {
            gan.loadCheckpoint(checkpoint.path());
            byte[] rgb = generate(gan, LatentNoise.uniform(seed != null ? seed : config.training().seed(), count,
                    gan.latentSize()), config.training().batch());
            int side = gan.imageSide();
            if (output.grid != null) {
                Images.writePng(GeneratedImages.grid(rgb, count, side), output.grid);
                spec.commandLine().getOut().println(count + " images of step " + checkpoint.step() + " in " + output.grid);
            } else {
                List<java.awt.image.BufferedImage> images = GeneratedImages.split(rgb, count, side);
                for (int i = 0; i < count; i++) {
                    Images.writePng(images.get(i), output.dir.resolve(String.format("sample_%05d.png", i)));
                }
                spec.commandLine().getOut().println(count + " images of step " + checkpoint.step() + " in " + output.dir);
            }
            return 0;
        }
    }

    /** Generates in chunks of the training batch size, so that thousands of images for evaluation fit in memory. */
    private static byte[] generate(GanAlgorithm gan, float[] z, int chunk) {
        int latent = gan.latentSize();
        int n = z.length / latent;
        int imageBytes = gan.imageSide() * gan.imageSide() * 3;
        byte[] rgb = new byte[n * imageBytes];
        for (int start = 0; start < n; start += chunk) {
            int m = Math.min(chunk, n - start);
            byte[] part = gan.generate(Arrays.copyOfRange(z, start * latent, (start + m) * latent), m);
            System.arraycopy(part, 0, rgb, start * imageBytes, part.length);
        }
        return rgb;
    }
}
