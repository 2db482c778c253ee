package org.ganbench.ui.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Inspect form parsed without a window, and the picked endpoints. */
class InspectFormTest {
    @Test
    void theFormParsesOrSaysWhichFieldIsWrong() {
        InspectSettings s = InspectSettings.parse(" 42", "5", "8", true, "9", "0.25", "7", false);
        assertEquals(new InspectSettings(42, 5, 8, true, 9, 0.25, 7, false), s);
        assertEquals("seed must be a whole number, not 'x'", assertThrows(IllegalArgumentException.class,
                () -> InspectSettings.parse("x", "5", "8", false, "9", "0.25", "0", true)).getMessage());
        assertEquals("interpolation steps must be at least 2, not 1", assertThrows(IllegalArgumentException.class,
                () -> InspectSettings.parse("0", "5", "1", false, "9", "0.25", "0", true)).getMessage());
        assertEquals("step size must be a number, not 'NaN'", assertThrows(IllegalArgumentException.class,
                () -> InspectSettings.parse("0", "5", "8", false, "9", "NaN", "0", true)).getMessage());
    }

    @Test
    void twoPicksMakeAPairAndAThirdStartsAgain() {
        InspectPicks picks = new InspectPicks();
        assertTrue(picks.describe().startsWith("No faces picked"));
        assertFalse(picks.pick(3));
        assertFalse(picks.pick(3), "the same face twice is one pick");
        assertEquals(List.of(), picks.pair());
        assertTrue(picks.pick(7));
        assertEquals(List.of(3, 7), picks.pair());
        assertEquals(0, picks.order(3));
        assertEquals(1, picks.order(7));
        assertTrue(picks.describe().contains("From sample 3 (green) to 7 (red)"));
        assertFalse(picks.pick(1));
        assertEquals(List.of(1), picks.all());
        assertEquals(-1, picks.order(3));
    }

    @Test
    void aRequestTakesTheNewestCheckpointFromGeneratorZipAndNeedsARun() {
        InspectSettings form = InspectSettings.parse("1", "5", "8", false, "9", "0.25", "0", true);
        Path run = Path.of("runs/tiny");
        assertNull(InspectRequest.of(run, List.of(2L, 4L), 4L, () -> form, List.of()).checkpoint(), "the newest");
        assertNull(InspectRequest.of(run, List.of(), null, () -> form, List.of()).checkpoint(), "none chosen yet");
        InspectRequest older = InspectRequest.of(run, List.of(2L, 4L), 2L, () -> form, List.of(3, 7));
        assertEquals(new InspectRequest(run, 2L, form, List.of(3, 7)), older);
        assertEquals("Choose a run first, or open one from disk (Open run…).", assertThrows(
                IllegalArgumentException.class, () -> InspectRequest.of(null, List.of(), null, () -> form,
                        List.of())).getMessage());
        assertEquals("rows must be at least 1, not 0", assertThrows(IllegalArgumentException.class,
                () -> InspectRequest.of(run, List.of(4L), 4L, () -> InspectSettings.parse("1", "0", "8", false, "9",
                        "0.25", "0", true), List.of())).getMessage());
    }
}
