package org.ganbench.cli;

import java.io.PrintWriter;
import org.ganbench.common.ProgressListener;

/** A one-line progress bar redrawn in place on the terminal, at most ten times a second; ended when the work is done. */
final class TerminalProgressBar implements ProgressListener {
    private static final int WIDTH = 30;
    private static final long MIN_INTERVAL_NANOS = 100_000_000L;
    private final PrintWriter out;
    private long lastDraw;
    private boolean drawn;

    TerminalProgressBar(PrintWriter out) {
        this.out = out;
    }

    @Override
    public synchronized void progress(long done, long total, String message) {
        long now = System.nanoTime();
        if (drawn && done != total && now - lastDraw < MIN_INTERVAL_NANOS) {
            return;
        }
        lastDraw = now;
        drawn = true;
        StringBuilder line = new StringBuilder("\r[");
        int filled = total > 0 ? (int) (WIDTH * done / total) : 0;
        line.append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append("] ");
        if (total > 0) {
            line.append(100 * done / total).append("% ");
        }
        line.append(message).append("   ");
        out.print(line);
        if (total > 0 && done == total) { // the work is done: what follows starts on a fresh line
            out.println();
            drawn = false;
        }
        out.flush();
    }

    /** Ends the bar's line so that what follows starts on a fresh one. */
    synchronized void finish() {
        if (drawn) {
            out.println();
            out.flush();
        }
    }
}
