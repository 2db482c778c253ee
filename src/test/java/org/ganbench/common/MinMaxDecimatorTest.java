package org.ganbench.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MinMaxDecimatorTest {

    @Test
    void smallCurvesPassThroughMinusNaNs() {
        double[] x = {1, 2, 3, 4};
        double[] y = {0.5, Double.NaN, 0.7, 0.1};
        MinMaxDecimator.Points p = MinMaxDecimator.decimate(x, y, 4, 10);
        assertArrayEquals(new double[] {1, 3, 4}, p.x());
        assertArrayEquals(new double[] {0.5, 0.7, 0.1}, p.y());
    }

    @Test
    void hundredThousandPointsBecomeAtMostTwoPerBucketAndKeepTheEnvelope() {
        int n = 100_000;
        double[] x = new double[n];
        double[] y = new double[n];
        Random rnd = new Random(1);
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = Math.sin(i / 5000.0) + 0.1 * rnd.nextGaussian();
        }
        y[31_337] = 25;   // a single-step spike, what one looks for in a loss curve
        y[77_777] = -25;
        MinMaxDecimator.Points p = MinMaxDecimator.decimate(x, y, n, 500);

        assertTrue(p.size() <= 1000, "points: " + p.size());
        assertTrue(p.size() >= 900, "every bucket contributes its min and max: " + p.size());
        assertEquals(25, Arrays.stream(p.y()).max().getAsDouble());
        assertEquals(-25, Arrays.stream(p.y()).min().getAsDouble());
        for (int i = 1; i < p.size(); i++) {
            assertTrue(p.x()[i] > p.x()[i - 1], "x strictly increasing at " + i);
        }
        // Every kept point is a real point of the curve.
        for (int i = 0; i < p.size(); i++) {
            assertEquals(y[(int) p.x()[i]], p.y()[i]);
        }
    }

    @Test
    void onlyTheFirstNPointsCountAndNaNBucketsAreSkipped() {
        double[] x = new double[100];
        double[] y = new double[100];
        for (int i = 0; i < 100; i++) {
            x[i] = i;
            y[i] = i < 50 ? Double.NaN : i;
        }
        MinMaxDecimator.Points p = MinMaxDecimator.decimate(x, y, 80, 5);
        assertTrue(p.size() <= 10);
        assertEquals(50, p.x()[0]);
        assertEquals(79, p.x()[p.size() - 1]);
    }
}
