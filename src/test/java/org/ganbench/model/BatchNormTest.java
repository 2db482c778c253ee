package org.ganbench.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

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

    private static void assertClose(INDArray expected, INDArray actual, String what) {
        double error = actual.sub(expected).amaxNumber().doubleValue() / expected.amaxNumber().doubleValue();
        assertTrue(error < TOLERANCE, what + ": relative error " + error);
    }
}
