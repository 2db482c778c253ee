package org.ganbench.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Compares analytic gradients with central finite differences of a float64 loss at sampled parameter entries. */
final class FiniteDifferences {
    private FiniteDifferences() {
    }

    /**
     * Checks {@code samplesPerParameter} random entries of every named parameter in {@code names} and returns the
     * largest relative error; entries where both gradients are below {@code floor} are skipped as uninformative.
     */
    static double maxRelativeError(Parameters params, INDArray analytic, Iterable<String> names, DoubleSupplier loss,
                                   int samplesPerParameter, double h, long seed) {
        return maxRelativeError(params, analytic, names, loss, () -> "", samplesPerParameter, h, seed);
    }

    /**
     * As above, skipping entries whose two evaluations differ in {@code kinkPattern} (the activation pattern of a
     * piecewise-linear unit): a step across a ReLU kink makes the central difference meaningless, not the gradient.
     */
    static double maxRelativeError(Parameters params, INDArray analytic, Iterable<String> names, DoubleSupplier loss,
                                   Supplier<String> kinkPattern, int samplesPerParameter, double h, long seed) {
        Random random = new Random(seed);
        double worst = 0;
        int checked = 0;
        for (String name : names) {
            INDArray value = params.value(name);
            INDArray flatValue = value.reshape(value.length());
            long offset = offsetOf(params, name);
            for (int s = 0; s < samplesPerParameter; s++) {
                long i = random.nextInt((int) value.length());
                double original = flatValue.getDouble(i);
                flatValue.putScalar(i, original + h);
                double plus = loss.getAsDouble();
                String plusPattern = kinkPattern.get();
                flatValue.putScalar(i, original - h);
                double minus = loss.getAsDouble();
                String minusPattern = kinkPattern.get();
                flatValue.putScalar(i, original);
                if (!plusPattern.equals(minusPattern)) {
                    continue;
                }
                double numeric = (plus - minus) / (2 * h);
                double exact = analytic.getDouble(0, offset + i);
                double scale = Math.max(Math.abs(numeric), Math.abs(exact));
                if (scale < 1e-7) {
                    continue;
                }
                double error = Math.abs(numeric - exact) / scale;
                if (error > 1e-6) {
                    System.err.printf("%s[%d]: numeric %.12g, analytic %.12g%n", name, i, numeric, exact);
                }
                worst = Math.max(worst, error);
                checked++;
            }
        }
        assertTrue(checked > 0, "no informative gradient entries");
        return worst;
    }

    private static long offsetOf(Parameters params, String name) {
        long offset = 0;
        for (String n : params.names()) {
            if (n.equals(name)) {
                return offset;
            }
            offset += params.value(n).length();
        }
        throw new IllegalArgumentException(name);
    }
}
