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

    static int run(CropJob job, PrintWriter out, PrintWriter err) throws IOException {
        CancellationToken cancel = new CancellationToken();
        CountDownLatch finished = new CountDownLatch(1);
        // On Ctrl-C, let the job stop and write its manifest instead of dying mid-way.
        Thread hook = new Thread(() -> {
            cancel.cancel();
            try {
                finished.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        TerminalProgressBar bar = new TerminalProgressBar(err);
        CropResult result;
        try {
            result = job.run(bar, cancel);
        } finally {
            bar.finish();
            finished.countDown();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down
        }
        out.println(result.summary());
        out.flush();
        if (result.imagesFound() == 0) {
            err.println("no images (JPEG, PNG, WebP, BMP, GIF) found in the input folder");
            return 1;
        }
        return result.cancelled() ? 130 : 0;
    }
}
