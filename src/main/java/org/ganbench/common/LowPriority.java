package org.ganbench.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;

/**
 * Threads for background work that must give way to a running training (evaluation beside it): on Linux each thread
 * sets its own nice value to 19, which leaves it about 1.5% of a core that training wants; threads it starts (native
 * OpenMP teams included) inherit that. Java's thread priorities alone are ignored by Linux.
 */
public final class LowPriority {
    private static final int NICE = 19;
    private static final Path THREAD_SELF = Path.of("/proc/thread-self");

    private LowPriority() {
    }

    /** A pool of {@code threads} workers that lower their own priority when they start. */
    public static ForkJoinPool pool(int threads) {
        return new ForkJoinPool(threads, pool -> new ForkJoinWorkerThread(pool) {
            @Override
            protected void onStart() {
                super.onStart();
                lowerCurrentThread();
            }
        }, null, false);
    }

    /**
     * Lowers the calling thread's priority: nice 19 on Linux (through renice on its thread id), Java's minimum priority
     * elsewhere. Returns whether the operating-system priority was lowered.
     */
    public static boolean lowerCurrentThread() {
        Thread.currentThread().setPriority(Thread.MIN_PRIORITY);
        if (!Files.isSymbolicLink(THREAD_SELF)) {
            return false;
        }
        try {
            // "<pid>/task/<tid>": the kernel's id of this very thread, which renice accepts as a process id
            String tid = Files.readSymbolicLink(THREAD_SELF).getFileName().toString();
            Process renice = new ProcessBuilder("renice", "-n", String.valueOf(NICE), "-p", tid)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return renice.waitFor(10, TimeUnit.SECONDS) && renice.exitValue() == 0;
        } catch (IOException e) {
            return false; // no renice on this system: Java's priority is all there is
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
