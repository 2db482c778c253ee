package org.ganbench.ui.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
