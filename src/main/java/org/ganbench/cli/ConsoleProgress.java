package org.ganbench.cli;

import java.io.PrintWriter;
import org.ganbench.common.ProgressListener;
import picocli.CommandLine.Model.CommandSpec;

/** A ProgressListener drawing one updating line on the command's output, ended when the work is done. */
final class ConsoleProgress {
    private ConsoleProgress() {
    }

    static ProgressListener to(CommandSpec spec) {
        PrintWriter out = spec.commandLine().getOut();
        return (done, total, message) -> {
            synchronized (out) {
                out.print("\r" + message + " " + done + (total >= 0 ? "/" + total : ""));
                if (done == total) {
                    out.println();
                }
                out.flush();
            }
        };
    }
}
