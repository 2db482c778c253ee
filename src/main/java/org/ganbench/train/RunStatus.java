package org.ganbench.train;

/**
 * The state a run's trainer last recorded in status.json, with the step it had reached and, for a failure, why.
 * A process killed while training leaves RUNNING behind.
 */
public record RunStatus(State state, long step, String message) {
    public enum State { NEW, RUNNING, FINISHED, STOPPED, FAILED }
}
