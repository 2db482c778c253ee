package org.ganbench.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * {@link BatchNorm}'s fused libnd4j ops against batch normalisation written out element by element, in float64, with
 * a variance near eps (where an eps rounded to float32 inside the op showed as 3e-9 relative errors) and a count per
 * channel that is a power of two (4 x 4 x 4), so that float64 rounding is all that may differ.
 */
class BatchNormTest {
    private static final double EPS = 2e-5;
    private static final double TOLERANCE = 1e-12;

    @Test
    void trainingPassAndItsGradientsAgreeWithTheFormula() {
        long[] shape = {4, 3, 4, 4};
        Nd4j.getRandom().setSeed(5);
        INDArray x = Nd4j.randn(DataType.DOUBLE, shape).muli(0.01).addi(0.2);
        INDArray gradOut = Nd4j.randn(DataType.DOUBLE, shape);
        Parameters params = new Parameters(DataType.DOUBLE);
        params.declare("gamma", 3);
        params.declare("beta", 3);
        params.allocate();
        Parameters buffers = new Parameters(DataType.DOUBLE);
        BatchNorm.declareBuffers(buffers, "", 3);
        buffers.allocate();
        BatchNorm.resetBuffers(buffers, "");
        params.value("gamma").assign(Nd4j.createFromArray(0.5, 1.5, -2.0));
        params.value("beta").assign(Nd4j.createFromArray(0.1, -0.3, 0.7));
        BatchNorm norm = new BatchNorm(params, buffers, "gamma", "beta", "");

        BatchNorm.Cache cache = norm.forwardTraining(x);
        INDArray gradIn = norm.backward(cache, gradOut, true);

        INDArray mean = x.mean(0, 2, 3).reshape(1, 3, 1, 1);
        INDArray invStd = Transforms.pow(x.var(false, 0, 2, 3).add(EPS), -0.5, false).reshape(1, 3, 1, 1);
        INDArray gamma = params.value("gamma").reshape(1, 3, 1, 1);
        INDArray xhat = x.sub(mean).mul(invStd);
        assertClose(xhat.mul(gamma).add(params.value("beta").reshape(1, 3, 1, 1)), cache.output(), "output");
        INDArray scaled = gradOut.mul(gamma);
        INDArray expectedGradIn = scaled.sub(scaled.mean(0, 2, 3).reshape(1, 3, 1, 1))
                .sub(xhat.mul(scaled.mul(xhat).mean(0, 2, 3).reshape(1, 3, 1, 1))).mul(invStd);
        assertClose(expectedGradIn, gradIn, "input gradient");
        assertClose(gradOut.mul(xhat).sum(0, 2, 3), params.gradient("gamma"), "scale gradient");
        assertClose(gradOut.sum(0, 2, 3), params.gradient("beta"), "offset gradient");
    }

    /**
     * Float32 training passes run in oneDNN 3 ({@link OnednnBatchNorm}), float64 ones in libnd4j (checked above):
     * both ways, with and without the scale, on G's shapes (4-D and the linear layer's 2-D), the two agree to
     * float32 rounding, running statistics included. Float32 keeps about 7 digits; sums of 512 entries lose about
     * one more, hence 1e-5 of each tensor's largest entry.
     */
    @Test
    void float32PassesInOnednnAgreeWithFloat64() {
        Assumptions.assumeTrue(OnednnBatchNorm.applies(Nd4j.zeros(DataType.FLOAT, 1)), "oneDNN 3 loads (Linux x86-64)");
        for (long[] shape : new long[][] {{8, 6, 8, 8}, {8, 64}}) {
            for (boolean scaled : new boolean[] {true, false}) {
                Nd4j.getRandom().setSeed(7);
                INDArray x = Nd4j.randn(DataType.DOUBLE, shape).muli(0.5).addi(0.2);
                INDArray gradOut = Nd4j.randn(DataType.DOUBLE, shape);
                String what = java.util.Arrays.toString(shape) + (scaled ? " with scale" : " offset only");
                Run wide = Run.of(DataType.DOUBLE, shape[1], scaled, x, gradOut);
                Run narrow = Run.of(DataType.FLOAT, shape[1], scaled, x, gradOut);
                assertNear(wide.cache.output(), narrow.cache.output(), what + ": output");
                assertNear(wide.gradIn, narrow.gradIn, what + ": input gradient");
                assertNear(wide.params.gradients(), narrow.params.gradients(), what + ": scale and offset gradients");
                assertNear(wide.buffers.values(), narrow.buffers.values(), what + ": running statistics");
            }
        }
    }

    /** One training pass forward and back on a fresh normalisation with a fixed scale and offset. */
    private record Run(Parameters params, Parameters buffers, BatchNorm.Cache cache, INDArray gradIn) {
        static Run of(DataType type, long channels, boolean scaled, INDArray x, INDArray gradOut) {
            Parameters params = new Parameters(type);
            if (scaled) {
                params.declare("gamma", channels);
            }
            params.declare("beta", channels);
            params.allocate();
            Parameters buffers = new Parameters(type);
            BatchNorm.declareBuffers(buffers, "", channels);
            buffers.allocate();
            BatchNorm.resetBuffers(buffers, "");
            if (scaled) {
                params.value("gamma").assign(Nd4j.linspace(-1.5, 2.0, channels, type));
            }
            params.value("beta").assign(Nd4j.linspace(0.3, -0.4, channels, type));
            BatchNorm norm = new BatchNorm(params, buffers, scaled ? "gamma" : null, "beta", "");
            BatchNorm.Cache cache = norm.forwardTraining(x.castTo(type));
            return new Run(params, buffers, cache, norm.backward(cache, gradOut.castTo(type), true));
        }
    }

    private static void assertNear(INDArray wide, INDArray narrow, String what) {
        double error = narrow.castTo(DataType.DOUBLE).sub(wide).amaxNumber().doubleValue()
                / wide.amaxNumber().doubleValue();
        assertTrue(error < 1e-5, what + ": relative error " + error);
    }

    private static void assertClose(INDArray expected, INDArray actual, String what) {
        double error = actual.sub(expected).amaxNumber().doubleValue() / expected.amaxNumber().doubleValue();
        assertTrue(error < TOLERANCE, what + ": relative error " + error);
    }
}
