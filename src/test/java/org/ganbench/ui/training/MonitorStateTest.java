package org.ganbench.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
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
}
