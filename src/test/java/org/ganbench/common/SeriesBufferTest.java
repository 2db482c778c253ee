package org.ganbench.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SeriesBufferTest {

    @Test
    void smoothingIsDebiasedSkipsNaNAndGrowsPastItsFirstCapacity() {
        SeriesBuffer b = new SeriesBuffer(0.9);
        b.append(0, 2.0);
        assertEquals(2.0, b.smoothed(0), 1e-12, "first point is not pulled towards 0");
        b.append(1, Double.NaN);
        assertTrue(Double.isNaN(b.smoothed(1)));
        for (int i = 2; i < 5000; i++) {
            b.append(i, i % 2 == 0 ? 1.0 : 3.0);
        }
        assertEquals(5000, b.size());
        assertEquals(2.0, b.smoothed(4999), 0.15, "alternating 1/3 smooths to about 2");
        assertEquals(3.0, b.lastY());
        b.clear();
        assertEquals(0, b.size());
        b.append(0, 5);
        assertEquals(5, b.smoothed(0), 1e-12);
    }
}
