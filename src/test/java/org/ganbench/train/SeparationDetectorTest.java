package org.ganbench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SeparationDetectorTest {

    @Test
    void warnsOnlyOnceSeparationIsSustained() {
        SeparationDetector d = new SeparationDetector(0.9, 100);
        for (long s = 0; s < 50; s++) {
            assertFalse(d.accept(s, 0.6, 0.4), "healthy training");
        }
        for (long s = 50; s < 150; s++) {
            assertFalse(d.accept(s, 0.99, 0.01), "separated, but not yet for 100 steps (step " + s + ")");
        }
        assertTrue(d.accept(150, 0.99, 0.02));
        assertEquals(50, d.separatedSince().getAsLong());
        assertTrue(d.message().contains("since step 50"), d.message());
    }

    @Test
    void oneHealthyStepClearsAndRestartsTheStretch() {
        SeparationDetector d = new SeparationDetector(0.9, 100);
        for (long s = 0; s <= 100; s++) {
            d.accept(s, 0.98, 0.02);
        }
        assertTrue(d.isWarning());
        assertFalse(d.accept(101, 0.7, 0.3));
        assertEquals("", d.message());
        assertFalse(d.accept(102, 0.99, 0.0));
        assertEquals(102, d.separatedSince().getAsLong());
    }

    @Test
    void sparseLoggingCountsStepsNotRows() {
        SeparationDetector d = new SeparationDetector(0.9, 1000);
        assertFalse(d.accept(0, 0.97, 0.03));
        assertFalse(d.accept(500, 0.97, 0.03));
        assertTrue(d.accept(1000, 0.97, 0.03), "three rows spanning 1000 steps");
    }

    @Test
    void nearlySeparatedAndNaNDoNotCount() {
        SeparationDetector d = new SeparationDetector(0.9, 0);
        assertFalse(d.accept(1, 0.94, 0.05));
        assertFalse(d.accept(2, Double.NaN, 0.0));
        assertTrue(d.accept(3, 0.95, 0.05));
    }
}
