package org.ganbench.cli;

import java.io.PrintWriter;
import org.ganbench.common.ProgressListener;

/** Progress on the terminal's error stream: one line per task, rewritten in place at most every 200 ms. */
final class ConsoleProgress implements ProgressListener {
    private final PrintWriter err;
    private long lastPrint;
    private String lastMessage = "";

    ConsoleProgress(PrintWriter err) {
        this.err = err;
    }

    /** Progress of the given command, on its error stream. */
    static ConsoleProgress to(picocli.CommandLine.Model.CommandSpec spec) {
        return new ConsoleProgress(spec.commandLine().getErr());
    }

    @Override
    public synchronized void progress(long done, long total, String message) {
        long now = System.nanoTime();
        boolean finished = total > 0 && done >= total;
        if (!finished && message.equals(lastMessage) && now - lastPrint < 200_000_000L) {
            return;
        }
        if (!message.equals(lastMessage) && !lastMessage.isEmpty()) {
            err.print('\n');
        }
        lastPrint = now;
        lastMessage = message;
        err.print(total > 0 ? String.format("\r%s: %d/%d", message, done, total) : String.format("\r%s: %d", message, done));
        if (finished) {
            err.print('\n');
            lastMessage = "";
        }
        err.flush();
    }
}
