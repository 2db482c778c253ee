package org.ganbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class OpProfileTest {
    /** The discriminator's second layer at ch 16, batch 2: 2 -> 4 channels, 4x4 kernels, stride 2, 64 -> 32. */
    private static final long CONV_FLOPS = 2L * 2 * 4 * 32 * 32 * 2 * 4 * 4;
    /** The generator's first transposed convolution at ch 16, batch 2: 8 -> 4 channels, 4x4, stride 2, 8 -> 16. */
    private static final long DECONV_FLOPS = 2L * 2 * 8 * 8 * 8 * 4 * 4 * 4;

    @Test
    void convolutionRowsCountTheirLayersFlopsByFormula() {
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 2, 64, 64);
        INDArray w = Nd4j.rand(DataType.FLOAT, 4, 2, 4, 4);
        INDArray gradOut = Nd4j.rand(DataType.FLOAT, 2, 4, 32, 32);
        INDArray z = Nd4j.rand(DataType.FLOAT, 2, 8, 8, 8);
        INDArray wt = Nd4j.rand(DataType.FLOAT, 8, 4, 4, 4);
        List<OpProfile.Row> rows;
        try (OpProfile profile = OpProfile.record()) {
            Convolutions.conv2d(x, w, null, 2, 1);
            Convolutions.conv2d(x, w, null, 2, 1);
            Convolutions.conv2dInputGradient(w, gradOut, 2, 1);
            Convolutions.conv2dWeightGradient(x, w, gradOut, 2, 1);
            Convolutions.deconv2d(z, wt, null, 2, 1);
            rows = profile.rows();
        }
        assertEquals(4, rows.size(), rows::toString);
        assertRow(rows.get(0), "conv", "2->4 k4 s2 64->32", 2, 2 * CONV_FLOPS);
        assertRow(rows.get(1), "conv input grad", "2->4 k4 s2 64->32", 1, CONV_FLOPS);
        // oneDNN's transposed-convolution backward pass computes the forward convolution beside the weight gradient
        assertRow(rows.get(2), "conv weight grad (+ forward)", "2->4 k4 s2 64->32", 1, 2 * CONV_FLOPS);
        assertRow(rows.get(3), "deconv", "8->4 k4 s2 8->16", 1, DECONV_FLOPS);
        assertEquals("OpProfileTest", rows.get(0).network(), "a caller outside the networks is named by its class");
        assertTrue(rows.get(0).gflopsPerSecond() > 0);
    }

    @Test
    void recordsNothingOnceClosed() {
        INDArray x = Nd4j.rand(DataType.FLOAT, 1, 2, 8, 8);
        INDArray w = Nd4j.rand(DataType.FLOAT, 4, 2, 3, 3);
        OpProfile profile = OpProfile.record();
        profile.close();
        Convolutions.conv2d(x, w, null, 1, 1);
        assertEquals(List.of(), profile.rows());
        try (OpProfile again = OpProfile.record()) {
            assertEquals(List.of(), again.rows(), "a new recording starts empty");
        }
    }

    private static void assertRow(OpProfile.Row row, String operation, String shape, long calls, double flops) {
        assertEquals(operation, row.operation(), row::toString);
        assertEquals(shape, row.shape(), row::toString);
        assertEquals(calls, row.calls(), row::toString);
        assertEquals(flops, row.flops(), row::toString);
    }
}
