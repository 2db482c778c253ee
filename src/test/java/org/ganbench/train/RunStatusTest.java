package org.ganbench.train;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Telling a run whose trainer was killed from one still being written. */
class RunStatusTest {
    @Test
    void aRunningStatusOfThisProcessIsNotInterrupted() {
        assertFalse(RunStatus.running(12).isInterrupted(System.currentTimeMillis()));
    }

    @Test
    void aRunningStatusWhoseProcessHasEndedIsInterrupted() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        assertTrue(ended.waitFor(30, TimeUnit.SECONDS));
        RunStatus.Writer live = RunStatus.running(12).writer();
        RunStatus status = new RunStatus(RunStatus.State.RUNNING, 12, "",
                new RunStatus.Writer(ended.pid(), live.host(), System.currentTimeMillis()));
        assertTrue(status.isInterrupted(System.currentTimeMillis()), "a fresh heartbeat does not revive a dead pid");
    }

    @Test
    void anotherHostsRunIsInterruptedOnlyOnceItsHeartbeatIsStale() {
        long now = System.currentTimeMillis();
        RunStatus fresh = new RunStatus(RunStatus.State.RUNNING, 3, "",
                new RunStatus.Writer(1, "another-machine.example", now - 1000));
        assertFalse(fresh.isInterrupted(now));
        assertTrue(fresh.isInterrupted(now + RunStatus.Writer.STALE.toMillis() + 1000));
    }

    @Test
    void onlyRunningStatusesCanBeInterrupted() {
        long now = System.currentTimeMillis();
        assertFalse(new RunStatus(RunStatus.State.STOPPED, 5, "").isInterrupted(now));
        assertFalse(new RunStatus(RunStatus.State.FINISHED, 5, "").isInterrupted(now));
        assertTrue(new RunStatus(RunStatus.State.RUNNING, 5, "").isInterrupted(now),
                "written by a version that named no writer: nobody vouches for it");
    }
}
