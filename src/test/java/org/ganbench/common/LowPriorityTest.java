package org.ganbench.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

class LowPriorityTest {
    private static final Path THREAD_SELF = Path.of("/proc/thread-self");

    @Test
    void poolWorkersRunAtNice19AndLeaveTheCallerAlone() throws Exception {
        assumeTrue(Files.isSymbolicLink(THREAD_SELF), "Linux only");
        int callerNice = currentNice();
        ForkJoinPool pool = LowPriority.pool(1);
        try {
            assertEquals(19, pool.submit(LowPriorityTest::currentNice).get());
            // parallel streams started in the pool stay in its (low-priority) worker
            assertEquals(19, pool.submit(() -> java.util.stream.IntStream.range(0, 64).parallel()
                    .map(i -> currentNice()).min().orElseThrow()).get());
        } finally {
            pool.shutdown();
        }
        assertEquals(callerNice, currentNice());
    }

    /** Field 19 of /proc/thread-self/stat: this thread's nice value. */
    private static int currentNice() {
        try {
            String stat = Files.readString(THREAD_SELF.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(fields[16]);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
