package org.ganbench.ui.training;

import java.util.Locale;
import org.ganbench.train.RunStatus;
import org.ganbench.train.Trainer;

/**
 * What a run is doing, as the monitor says it: from the trainer of this window while it runs, or from the run's
 * status.json (with whether any process still writes it) for a run opened from disk.
 */
public record RunActivity(Kind kind, long step, String reason) {
    public enum Kind { NOT_STARTED, RUNNING, PAUSED, STOPPING, STOPPED, FINISHED, FAILED, INTERRUPTED }

    /** The activity status.json records, as of {@code nowMillis}. */
    public static RunActivity of(RunStatus status, long nowMillis) {
        Kind kind = switch (status.state()) {
            case NEW -> Kind.NOT_STARTED;
            case RUNNING -> status.isInterrupted(nowMillis) ? Kind.INTERRUPTED : Kind.RUNNING;
            case STOPPED -> Kind.STOPPED;
            case FINISHED -> Kind.FINISHED;
            case FAILED -> Kind.FAILED;
        };
        return new RunActivity(kind, status.step(), status.message());
    }

    /** The activity of a trainer in this window at {@code step} (its end states come with their events). */
    public static RunActivity of(Trainer.State state, long step) {
        Kind kind = switch (state) {
            case NEW, RUNNING -> Kind.RUNNING;
            case PAUSED -> Kind.PAUSED;
            case STOPPING -> Kind.STOPPING;
            case STOPPED -> Kind.STOPPED;
            case FINISHED -> Kind.FINISHED;
            case FAILED -> Kind.FAILED;
        };
        return new RunActivity(kind, step, "");
    }

    /**
     * The same activity as of the run's newest logged step {@code lastStep}: a pause is asked between steps, and the
     * step in progress then still ends and is logged, after the trainer said at which step it was asked.
     */
    public RunActivity asOf(long lastStep) {
        return kind == Kind.PAUSED && lastStep > step ? new RunActivity(kind, lastStep, reason) : this;
    }

    /** The monitor's words for it. */
    public String label() {
        return switch (kind) {
            case NOT_STARTED -> "not started";
            case RUNNING -> "running";
            case PAUSED -> String.format(Locale.ROOT, "paused at step %,d", step);
            case STOPPING -> "stopping…";
            case STOPPED -> String.format(Locale.ROOT, "stopped at step %,d (checkpoint kept)", step);
            case FINISHED -> "finished";
            case FAILED -> "failed: " + (reason.isBlank() ? "no reason recorded" : reason);
            case INTERRUPTED -> "interrupted (no process is writing this run)";
        };
    }

    /** Steps per second and the time left mean something only while steps are being made. */
    public boolean showsSpeed() {
        return kind == Kind.RUNNING;
    }
}
