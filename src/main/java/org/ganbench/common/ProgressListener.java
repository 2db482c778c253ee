package org.ganbench.common;

/**
 * Receives progress of a long job. Called from worker threads: implementations must be thread-safe and quick
 * (the terminal bar and the window both coalesce).
 */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (done, total, message) -> { };

    /** {@code total} is -1 while unknown. */
    void progress(long done, long total, String message);
}
