package org.ganbench.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CurveChartTest {
    @Test
    void axisStepsAreRound() {
        assertEquals(0.2, CurveChart.niceStep(0.23), 1e-12);
        assertEquals(0.5, CurveChart.niceStep(0.4), 1e-12);
        assertEquals(1000, CurveChart.niceStep(1234), 1e-9);
        assertEquals(10, CurveChart.niceStep(8), 1e-12);
        assertEquals(1, CurveChart.niceStep(0), 1e-12);
        assertEquals(1, CurveChart.niceStep(Double.NaN), 1e-12);
    }
}
