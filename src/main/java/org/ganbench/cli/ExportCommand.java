package org.ganbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ganbench.common.Workspace;
import org.ganbench.export.RunExports;
import org.ganbench.train.RunFolder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ganbench export grid|curves}: a run's sample grid or loss curves as a file, as the window's Export menu. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export a run's sample grid (PNG) or loss curves (PNG or CSV).",
        subcommands = {ExportCommand.Grid.class, ExportCommand.Curves.class})
public final class ExportCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "grid", mixinStandardHelpOptions = true,
            description = "Write a run's 5x5 sample grid (the newest, or --step N) to a PNG.")
    static final class Grid implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "RUN", description = "run id under runs/, or a run folder")
        String run;

        @Option(names = "--step", paramLabel = "N", description = "the grid of step N (default: the newest)")
        Long step;

        @Option(names = "--out", required = true, paramLabel = "FILE.png", description = "the PNG to write")
        Path out;

        @Override
        public Integer call() throws Exception {
            RunFolder folder = RunFolder.open(Workspace.current().run(run));
            long written = RunExports.grid(folder, step, out);
            spec.commandLine().getOut().println("grid of step " + written + " written to " + out);
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Command(name = "curves", mixinStandardHelpOptions = true,
            description = "Write a run's loss curves: a picture (.png, raw and smoothed D, G and penalty losses) or the "
                    + "metrics rows (.csv).")
    static final class Curves implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "RUN", description = "run id under runs/, or a run folder")
        String run;

        @Option(names = "--out", required = true, paramLabel = "FILE.png|FILE.csv", description = "the file to write")
        Path out;

        @Override
        public Integer call() throws Exception {
            RunFolder folder = RunFolder.open(Workspace.current().run(run));
            int steps = RunExports.curves(folder, out);
            spec.commandLine().getOut().println(steps + " steps written to " + out);
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
