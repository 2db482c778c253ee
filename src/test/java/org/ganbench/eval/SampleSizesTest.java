package org.ganbench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SampleSizesTest {
    @Test
    void warnsBelowTheMinimumOnly() {
        assertEquals("SWD on 6 images per side means little: it needs at least 500",
                SampleSizes.SWD.warning(6).orElseThrow());
        assertTrue(SampleSizes.SWD.warning(500).isEmpty());
        assertEquals("birthday check on 1 image per side means little: it needs at least 100",
                SampleSizes.BIRTHDAY.warning(1).orElseThrow());
    }

    @Test
    void frechetNeedsMoreFacesThanFeatures() {
        assertTrue(SampleSizes.FRECHET.minimum() > RandomFeatures.DIM);
    }
}
