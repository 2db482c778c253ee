package org.ganbench;

import org.ganbench.cli.GanBenchCli;
import org.ganbench.common.AppLog;
import org.ganbench.common.PackedNatives;
import org.ganbench.model.ComputeBackend;
import org.ganbench.ui.shell.GanBenchWindow;

/** Entry point: no arguments opens the window, arguments run the headless command line. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        AppLog.install(args.length == 0 ? "window" : "command line: " + args[0]);
        PackedNatives.install(); // before anything loads JavaCPP
        ComputeBackend.select(); // before anything loads ND4J, which would otherwise pick (and fail at) CUDA itself
        if (args.length == 0) {
            GanBenchWindow.launchWindow(args);
        } else {
            System.exit(GanBenchCli.run(args));
        }
    }
}
