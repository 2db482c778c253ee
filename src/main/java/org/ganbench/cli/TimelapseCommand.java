package org.ganbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ganbench.common.Workspace;
import org.ganbench.train.RunFolder;
import org.ganbench.export.RunTimelapse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ganbench timelapse}: a run's sample grids as an MP4 or GIF. */
@Command(name = "timelapse", mixinStandardHelpOptions = true,
        description = "Write a run's sample grids (samples/step_NNNNNN.png) as a video, one frame per grid labelled "
                + "with its step: MP4 (H.264) or animated GIF, by the name given to --out.")
public final class TimelapseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN", description = "run id under runs/, or a run folder")
    String run;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "run.mp4 or run.gif")
    Path out;

    @Option(names = "--fps", defaultValue = "10", description = "frames (grids) per second (default ${DEFAULT-VALUE})")
    int fps;

    @Override
    public Integer call() throws Exception {
        RunFolder folder = RunFolder.open(Workspace.current().run(run));
        RunTimelapse.Format.of(out); // refuse a wrong name before any work
        TerminalProgressBar bar = new TerminalProgressBar(spec.commandLine().getErr());
        int frames = JobRunner.untilCtrlC(cancel -> {
            try {
                return RunTimelapse.write(folder, out, fps, bar, cancel);
            } finally {
                bar.finish();
            }
        });
        spec.commandLine().getOut().println(frames + " frames at " + fps + " fps in " + out);
        return 0;
    }
}
