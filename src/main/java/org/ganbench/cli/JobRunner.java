package org.ganbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.ganbench.common.CancellationToken;
import org.ganbench.dataset.CropJob;
import org.ganbench.dataset.CropResult;

/** Runs a crop or import job on the terminal: a progress bar, Ctrl-C cancels cleanly, a summary at the end. */
final class JobRunner {
    private JobRunner() {
    }

    /** Work that stops when its token is cancelled. */
    @FunctionalInterface
    interface CancellableWork<T> {
        T run(CancellationToken cancel) throws IOException;
    }

    /**
     * Runs {@code work} so that Ctrl-C cancels it and waits (up to 30 s) for it to finish cleanly (manifests written,
     * temporary files removed) instead of killing it mid-way.
     */
    static <T> T untilCtrlC(CancellableWork<T> work) throws IOException {
        CancellationToken cancel = new CancellationToken();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            cancel.cancel();
            try {
                finished.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return work.run(cancel);
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down
            }
        }
    }

    static int run(CropJob job, PrintWriter out, PrintWriter err) throws IOException {
        TerminalProgressBar bar = new TerminalProgressBar(err);
        CropResult result = untilCtrlC(cancel -> {
            try {
                return job.run(bar, cancel);
            } finally {
                bar.finish();
            }
        });
        out.println(result.summary());
        out.flush();
        if (result.imagesFound() == 0) {
            err.println("no images (JPEG, PNG, WebP, BMP, GIF) found in the input folder");
            return 1;
        }
        return result.cancelled() ? 130 : 0;
    }
}
