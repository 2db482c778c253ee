package org.ganbench.common;

import java.util.concurrent.CancellationException;

/** Cooperative cancellation shared between the one who asks (CLI, window) and the long job that checks. */
public final class CancellationToken {
    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Throws {@link CancellationException} once cancel() was called. */
    public void throwIfCancelled() {
        if (cancelled) {
            throw new CancellationException("cancelled");
        }
    }
}
