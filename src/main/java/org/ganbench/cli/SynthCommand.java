package org.ganbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ganbench.common.CancellationToken;
import org.ganbench.common.Workspace;
import org.ganbench.eval.SyntheticDataset;
import org.ganbench.eval.SyntheticFaces;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ganbench synth --dataset NAME}: the synthetic cartoon-face dataset with 64 known modes. */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = "Draw a synthetic face dataset with 64 known modes (8 hair x 4 eye colours x 2 backgrounds).")
public final class SynthCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--dataset", required = true, description = "dataset name (datasets/<name>) or folder")
    String dataset;

    @Option(names = "--n", defaultValue = "20000", description = "number of faces (default ${DEFAULT-VALUE})")
    int n;

    @Option(names = "--seed", defaultValue = "0", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() throws Exception {
        Path target = Workspace.current().dataset(dataset);
        long start = System.nanoTime();
        SyntheticDataset.write(target, n, seed, new TerminalProgressBar(spec.commandLine().getErr()),
                new CancellationToken());
        var out = spec.commandLine().getOut();
        out.printf(java.util.Locale.ROOT, "wrote %d synthetic faces (%d modes) to %s in %.1f s%n", n,
                SyntheticFaces.MODES, target, (System.nanoTime() - start) / 1e9);
        out.flush();
        return 0;
    }
}
