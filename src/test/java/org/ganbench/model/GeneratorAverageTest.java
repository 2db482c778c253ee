package org.ganbench.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.ganbench.common.ReproducibleRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The moving average of G's weights, and the batch-norm statistics estimated for it. */
class GeneratorAverageTest {
    private static final int CH = 16;

    private static Generator64 generator(long seed) {
        Generator64 g = new Generator64(CH, DataType.DOUBLE);
        g.initialise(new ReproducibleRandom(seed));
        return g;
    }

    private static INDArray latent(long seed, int n) {
        return Nd4j.createFromArray(new ReproducibleRandom(seed).uniform(n * Generator64.LATENT, -1f, 1f))
                .reshape(n, Generator64.LATENT).castTo(DataType.DOUBLE);
    }

    @Test
    void averageFollowsTheRampedDecay() {
        Generator64 trained = generator(1);
        GeneratorAverage average = new GeneratorAverage(trained, 0.999);
        double[] expected = trained.parameters().values().toDoubleVector();
        for (int t = 1; t <= 4; t++) {
            Generator64 next = generator(10 + t); // stands for G after its t-th update
            trained.parameters().values().assign(next.parameters().values());
            average.update(trained);
            double d = Math.min(0.999, (1.0 + t) / (10.0 + t)); // 0.18, 0.25, 0.31, 0.36: early weights fade fast
            double[] w = trained.parameters().values().toDoubleVector();
            for (int i = 0; i < expected.length; i++) {
                expected[i] = d * expected[i] + (1 - d) * w[i];
            }
        }
        assertEquals(4, average.updates());
        assertArrayEquals(expected, average.network().parameters().values().toDoubleVector(), 1e-15);
        assertFalse(java.util.Arrays.equals(expected, trained.parameters().values().toDoubleVector()));
    }

    @Test
    void estimatedStatisticsAreTheMeanOverTheBatchesAndReplaceTheOldOnes() {
        Generator64 g = generator(2);
        INDArray a = latent(3, 8);
        INDArray b = latent(4, 8);
        g.estimateStatistics(List.of(a));
        double[] ofA = g.buffers().values().toDoubleVector();
        g.estimateStatistics(List.of(b));
        double[] ofB = g.buffers().values().toDoubleVector();
        g.forwardTraining(latent(5, 8)); // moves the running statistics, as training does
        g.estimateStatistics(List.of(a, b));
        double[] both = g.buffers().values().toDoubleVector();
        for (int i = 0; i < both.length; i++) {
            assertEquals((ofA[i] + ofB[i]) / 2, both[i], 1e-12 * Math.max(1, Math.abs(both[i])), "buffer entry " + i);
        }
    }

    @Test
    void statisticsAreEstimatedAgainOnlyAfterAnUpdate() {
        Generator64 trained = generator(6);
        GeneratorAverage average = new GeneratorAverage(trained, 0.99);
        List<INDArray> batches = List.of(latent(7, 8));
        double[] first = average.statisticsFor(batches).buffers().values().toDoubleVector();
        average.network().buffers().values().assign(0); // a second call must not estimate again
        assertArrayEquals(new double[first.length], average.statisticsFor(batches).buffers().values().toDoubleVector());
        trained.parameters().values().assign(generator(8).parameters().values());
        average.update(trained);
        assertFalse(java.util.Arrays.equals(new double[first.length],
                average.statisticsFor(batches).buffers().values().toDoubleVector()));
    }

    @Test
    void decayOutsideTheOpenUnitIntervalIsRefused() {
        Generator64 g = generator(9);
        assertThrows(IllegalArgumentException.class, () -> new GeneratorAverage(g, 1.0));
        assertThrows(IllegalArgumentException.class, () -> new GeneratorAverage(g, 0.0));
    }
}
