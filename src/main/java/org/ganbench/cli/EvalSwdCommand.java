package org.ganbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ganbench.common.CancellationToken;
import org.ganbench.dataset.FaceSet;
import org.ganbench.eval.FaceFolders;
import org.ganbench.eval.SampleSizes;
import org.ganbench.eval.SlicedWasserstein;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ganbench eval swd A B}: the sliced Wasserstein distance, printed like shared/bench/swd.py. */
@Command(name = "swd", mixinStandardHelpOptions = true,
        description = "Sliced Wasserstein distance between two image folders (Karras et al. 2018), per level and mean.")
public final class EvalSwdCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", description = "first folder of face images (or a dataset folder)")
    Path dirA;

    @Parameters(index = "1", description = "second folder of face images (or a dataset folder)")
    Path dirB;

    @Option(names = "--n", defaultValue = "2048", description = "images drawn from each folder (default ${DEFAULT-VALUE})")
    int n;

    @Option(names = "--seed", defaultValue = "0",
            description = "seed of the random patches and directions (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--sample-seed", defaultValue = "0",
            description = "seed of the faces drawn when a folder holds more than --n; 0, as swd.py always uses, "
                    + "draws the very faces swd.py scores (default ${DEFAULT-VALUE})")
    long sampleSeed;

    @Override
    public Integer call() throws Exception {
        var err = spec.commandLine().getErr();
        var out = spec.commandLine().getOut();
        var progress = new TerminalProgressBar(err);
        CancellationToken cancel = new CancellationToken();
        if (sampleSeed < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--sample-seed must be 0 or more");
        }
        FaceSet a = FaceFolders.sample(FaceFolders.load(dirA, progress, cancel), n, sampleSeed);
        FaceSet b = FaceFolders.sample(FaceFolders.load(dirB, progress, cancel), n, sampleSeed);
        int m = Math.min(a.count(), b.count());
        if (m < a.count() || m < b.count()) {
            err.println("note: using " + m + " images from each side");
        }
        // The larger side keeps its first m faces, as swd.py does, so that both score the same faces.
        a = FaceFolders.first(a, m);
        b = FaceFolders.first(b, m);
        SampleSizes.SWD.warning(m).ifPresent(w -> err.println("warning: " + w));
        SlicedWasserstein.Result r = SlicedWasserstein.compute(a, b, seed, progress, cancel);
        for (int l = 0; l < r.levels().length; l++) {
            out.printf(java.util.Locale.ROOT, "level%d %.2f%n", l, r.levels()[l]);
        }
        out.printf(java.util.Locale.ROOT, "swd_mean %.2f%n", r.mean());
        out.flush();
        return 0;
    }
}
