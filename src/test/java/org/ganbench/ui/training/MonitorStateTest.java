package org.ganbench.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalLong;
import org.ganbench.train.MetricsRow;
import org.ganbench.train.Trainer;
import org.ganbench.train.TrainingEvent;
import org.junit.jupiter.api.Test;

class MonitorStateTest {

    @Test
    void theTrainersDiskSpaceWarningReachesTheBannerUntilAnotherRunIsShown() {
        MonitorState state = new MonitorState();
        state.reset(OptionalLong.of(100));
        assertEquals("", state.warning());

        String message = "Only 3 MB free for the run folder; a checkpoint needs 12 MB";
        state.apply(LiveTraining.toMonitorEvent(new TrainingEvent.DiskSpaceLow(message, 12_000_000, 3_000_000),
                null));
        assertTrue(state.warning().contains(message), state.warning());

        state.reset(OptionalLong.empty());
        assertEquals("", state.warning());
    }

    private static MonitorEvent.Metrics row(long step) {
        return new MonitorEvent.Metrics(List.of(new MetricsRow(step, step, 1.4, 0.7, Double.NaN, 0.5, 0.5, 2e-7, 1.5)));
    }

    @Test
    void aPauseAskedDuringAStepSaysTheStepItEndedAt() {
        MonitorState state = new MonitorState();
        state.reset(OptionalLong.of(100_000));
        state.apply(row(2));
        state.apply(new MonitorEvent.Activity(RunActivity.of(Trainer.State.PAUSED, 2)));
        state.apply(row(3)); // the step in progress when Pause was clicked
        assertEquals("paused at step 3", state.activityText());
        assertEquals("step 3 of 100,000", state.progressText());
    }

    @Test
    void aRunTrainedPastItsConfiguredLengthIsNotSaidToBeAtStepNOfFewer() {
        MonitorState state = new MonitorState();
        state.reset(OptionalLong.of(2));
        state.apply(row(2));
        assertEquals("step 2 of 2", state.progressText());
        state.apply(row(3));
        assertEquals("step 3", state.progressText(), "not \"step 3 of 2\"");
    }
}
