package org.ganbench.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AxisTicksTest {
    @Test
    void theReportsOldRangeGetsRoundTicks() {
        // The experiment report's curves showed "0.321, 2.83, 5.35, 7.86, 10.4" for this range.
        AxisTicks ticks = AxisTicks.covering(0.321, 10.4, 4);
        assertEquals(List.of("0", "2.5", "5", "7.5", "10", "12.5"), ticks.values().stream().map(ticks::label).toList());
        assertEquals(0, ticks.min());
        assertEquals(12.5, ticks.max());
    }

    @Test
    void stepsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertEquals(0.2, AxisTicks.niceStep(0.21), 1e-12);
        assertEquals(0.25, AxisTicks.niceStep(0.23), 1e-12);
        assertEquals(0.5, AxisTicks.niceStep(0.4), 1e-12);
        assertEquals(2.5, AxisTicks.niceStep(2.6), 1e-12);
        assertEquals(1000, AxisTicks.niceStep(1234), 1e-9);
        assertEquals(10, AxisTicks.niceStep(8), 1e-12);
        assertEquals(1, AxisTicks.niceStep(0), 1e-12);
        assertEquals(1, AxisTicks.niceStep(Double.NaN), 1e-12);
    }

    @Test
    void lossesOfADraganRunReadAsPlainDecimals() {
        AxisTicks ticks = AxisTicks.covering(0.62, 1.41, 5);
        assertEquals(List.of("0.6", "0.8", "1", "1.2", "1.4", "1.6"), ticks.values().stream().map(ticks::label).toList());
    }

    @Test
    void stepsOfALongRunAreSeparatedInThousands() {
        AxisTicks ticks = AxisTicks.covering(0, 100_000, 4);
        assertEquals(List.of("0", "25,000", "50,000", "75,000", "100,000"),
                ticks.values().stream().map(ticks::label).toList());
    }

    @Test
    void aFlatCurveStillHasARangeAndTinyRangesKeepTheirDigits() {
        AxisTicks flat = AxisTicks.covering(0.693, 0.693, 4);
        assertTrue(flat.min() < 0.693 && flat.max() > 0.693);
        AxisTicks tiny = AxisTicks.covering(1e-4, 3e-4, 2);
        assertEquals(List.of("0.0001", "0.0002", "0.0003"), tiny.values().stream().map(tiny::label).toList());
        AxisTicks negative = AxisTicks.covering(-0.9, 0.9, 4);
        assertEquals("0", negative.label(negative.values().get(2)), "no \"-0\"");
    }

    @Test
    void tinyGradientNormsAreLabelledInScientificNotationThatFitsTheAxis() {
        // The monitor's generator-gradient chart of a 6-step run: "0.0000003" was cut off at the axis' left edge.
        AxisTicks norms = AxisTicks.covering(0, 2.6e-7, 3);
        assertEquals(List.of("0", "1e-7", "2e-7", "3e-7"), norms.values().stream().map(norms::label).toList());
        AxisTicks halves = AxisTicks.covering(-5e-6, 5e-6, 4);
        assertEquals(List.of("-5e-6", "-2.5e-6", "0", "2.5e-6", "5e-6"),
                halves.values().stream().map(halves::label).toList());
        for (int power = -15; power <= 5; power++) {
            double top = 3.7 * Math.pow(10, power);
            AxisTicks t = AxisTicks.covering(-top, top, 6);
            for (double v : t.values()) {
                String label = t.label(v);
                assertTrue(label.length() <= 8, () -> "too wide for the axis: " + label + " (range +-" + top + ")");
            }
        }
    }

    @Test
    void hugeRangesAreBoundedAndNonNumbersRefused() {
        assertTrue(AxisTicks.covering(0, 1e9, 1000).values().size() <= 41);
        assertThrows(IllegalArgumentException.class, () -> AxisTicks.covering(Double.NaN, 1, 4));
        assertThrows(IllegalArgumentException.class, () -> AxisTicks.covering(2, 1, 4));
    }
}
