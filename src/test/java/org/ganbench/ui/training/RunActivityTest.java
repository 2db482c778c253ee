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

    @Test
    void aPauseSaysTheStepTheTrainerStoppedAtNotTheOneItWasAskedAt() {
        // Paused while step 2 ran: step 3 was still made and logged ("paused at step 2" beside "step 3 of ...").
        assertEquals("paused at step 3", RunActivity.of(Trainer.State.PAUSED, 2).asOf(3).label());
        assertEquals("paused at step 2", RunActivity.of(Trainer.State.PAUSED, 2).asOf(-1).label(), "no metrics yet");
        assertEquals("stopped at step 500 (checkpoint kept)", new RunActivity(RunActivity.Kind.STOPPED, 500, "")
                .asOf(501).label(), "a stop names its checkpoint's step");
    }

    @Test
    void theFormSaysTheMonitorsStateExceptWhilePreparingANewRun() {
        for (TrainingController.Phase phase : TrainingController.Phase.values()) {
            if (phase != TrainingController.Phase.PREPARING) {
                assertEquals("finished", phase.stateText("finished"), phase + " must not contradict the monitor");
            }
        }
        assertEquals("no run shown", TrainingController.Phase.IDLE.stateText(""));
        assertEquals("preparing a run…", TrainingController.Phase.PREPARING.stateText("finished"));
    }
}
