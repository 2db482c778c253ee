package org.ganbench.train;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * The state a run's trainer last recorded in status.json, with the step it had reached and, for a failure, why.
 * While running it also names its {@link Writer} (process, host, heartbeat), since a process killed while training
 * leaves RUNNING behind: {@link #isInterrupted} tells such a run from a live one.
 */
public record RunStatus(State state, long step, String message, Writer writer) {
    public enum State { NEW, RUNNING, FINISHED, STOPPED, FAILED }

    /** A status without a writer: every state but RUNNING, whose process no longer matters. */
    public RunStatus(State state, long step, String message) {
        this(state, step, message, null);
    }

    /** RUNNING at {@code step}, written now by this process. */
    public static RunStatus running(long step) {
        return new RunStatus(State.RUNNING, step, "", Writer.current(System.currentTimeMillis()));
    }

    /**
     * Whether the status says RUNNING but no process is writing the run any more (killed, crashed, or the machine
     * went down); a RUNNING status without a writer (written before writers were recorded) counts as interrupted.
     */
    public boolean isInterrupted(long nowMillis) {
        return state == State.RUNNING && (writer == null || writer.isGone(nowMillis));
    }

    /**
     * The process that writes a running run. On this host its pid says whether it is alive; for another host (a
     * shared disk) a heartbeat older than {@link #STALE} says it is gone, since the trainer renews it every
     * {@link #HEARTBEAT} also while paused.
     */
    public record Writer(long pid, String host, long heartbeatMillis) {
        public static final Duration HEARTBEAT = Duration.ofSeconds(10);
        /** Far above the longest pause between heartbeats (a slow step, a checkpoint of a wide network). */
        public static final Duration STALE = Duration.ofMinutes(5);
        private static final String THIS_HOST = hostName();

        static Writer current(long nowMillis) {
            return new Writer(ProcessHandle.current().pid(), THIS_HOST, nowMillis);
        }

        boolean isGone(long nowMillis) {
            if (THIS_HOST.equals(host)) {
                return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
            }
            return nowMillis - heartbeatMillis > STALE.toMillis();
        }

        private static String hostName() {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                return "unknown host";
            }
        }
    }
}
