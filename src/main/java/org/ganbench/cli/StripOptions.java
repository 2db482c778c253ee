package org.ganbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.ganbench.common.Workspace;
import org.ganbench.inspect.LatentStrip;
import org.ganbench.train.RunFolder;
import org.ganbench.train.RunGenerator;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What {@code interpolate} and {@code walk} share: the run and checkpoint, the strip's size and seed, the outputs. */
final class StripOptions {
    @Parameters(paramLabel = "RUN", description = "run id under runs/, or a run folder")
    String run;

    @Option(names = "--checkpoint", paramLabel = "STEP", description = "a kept checkpoint's step (default: the newest)")
    Long checkpoint;

    @Option(names = "--rows", defaultValue = "5", description = "rows of the strip (default ${DEFAULT-VALUE})")
    int rows;

    @Option(names = "--seed", description = "noise seed of the samples the rows start from (default: the run's seed, "
            + "whose samples are the run's sample grid)")
    Long seed;

    @Option(names = "--out", required = true, paramLabel = "PNG", description = "the strip image (rows x steps tiles)")
    Path out;

    @Option(names = "--raw-dir", paramLabel = "DIR", description = "also write every tile as row_RR_step_SS.png")
    Path rawDir;

    @Mixin
    RawWeightsOption weights;

    RunFolder folder() throws IOException {
        return RunFolder.open(Workspace.current().run(run));
    }

    long seed(RunFolder folder) throws IOException {
        return seed != null ? seed : folder.config().training().seed();
    }

    RunGenerator open(RunFolder folder) throws IOException {
        return RunGenerator.open(folder, checkpoint, weights.raw);
    }

    void write(LatentStrip strip, long step, PrintWriter out) throws IOException {
        strip.writeImage(this.out);
        String tiles = "";
        if (rawDir != null) {
            tiles = " and " + strip.writeTiles(rawDir) + " tiles in " + rawDir;
        }
        out.println(strip.rows() + " x " + strip.steps() + " images of step " + step + " in " + this.out + tiles);
    }
}
