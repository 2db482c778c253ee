package org.ganbench.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ganbench.train.RunStatus;
import org.ganbench.train.Trainer;
import org.junit.jupiter.api.Test;

class RunActivityTest {
    private static final long NOW = System.currentTimeMillis();

    @Test
    void theMonitorsWordsForEachState() {
        assertEquals("running", RunActivity.of(RunStatus.running(7), NOW).label());
        assertEquals("paused at step 1,234", RunActivity.of(Trainer.State.PAUSED, 1234).label());
        assertEquals("stopping…", RunActivity.of(Trainer.State.STOPPING, 9).label());
        assertEquals("stopped at step 500 (checkpoint kept)",
                RunActivity.of(new RunStatus(RunStatus.State.STOPPED, 500, ""), NOW).label());
        assertEquals("finished", RunActivity.of(new RunStatus(RunStatus.State.FINISHED, 9, ""), NOW).label());
        assertEquals("failed: diverged at step 3",
                RunActivity.of(new RunStatus(RunStatus.State.FAILED, 3, "diverged at step 3"), NOW).label());
        assertEquals("interrupted (no process is writing this run)",
                RunActivity.of(new RunStatus(RunStatus.State.RUNNING, 40, ""), NOW).label());
    }

    @Test
    void speedAndEtaOnlyWhileRunning() {
        assertTrue(RunActivity.of(RunStatus.running(7), NOW).showsSpeed());
        assertFalse(RunActivity.of(Trainer.State.PAUSED, 7).showsSpeed());
        assertFalse(RunActivity.of(new RunStatus(RunStatus.State.RUNNING, 40, ""), NOW).showsSpeed());
        assertFalse(RunActivity.of(new RunStatus(RunStatus.State.FINISHED, 9, ""), NOW).showsSpeed());
    }
}
