package org.ganbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.ganbench.common.CpuFeatures;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class Bfloat16GradientsTest {
    /**
     * bfloat16 keeps 8 significant bits (relative rounding 2^-9 per input); oneDNN accumulates the products in float32,
     * so a gradient's error stays near that rounding, well under 1% of its largest element (measured: 2.5e-3 to
     * 4.3e-3 on the networks' layers, docs/speed.md).
     */
    private static final double TOLERANCE = 1e-2;

    @AfterEach
    void backToFloat32() {
        Bfloat16Gradients.disable();
    }

    @Test
    void gradientsAgreeWithFloat32AndStayFloat32() {
        Assumptions.assumeTrue(Bfloat16Gradients.enable().isEmpty(), "needs a CPU with AMX");
        Bfloat16Gradients.disable();
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 16, 16, 16).subi(0.5);
        INDArray w = Nd4j.rand(DataType.FLOAT, 32, 16, 4, 4).subi(0.5);
        INDArray gradOut = Nd4j.rand(DataType.FLOAT, 2, 32, 8, 8).subi(0.5);
        INDArray weightF32 = Convolutions.conv2dWeightGradient(x, w, gradOut, 2, 1);
        INDArray[] deconvF32 = transposedBackward(gradOut, w, x);
        Bfloat16Gradients.enable();
        INDArray weightBf16 = Convolutions.conv2dWeightGradient(x, w, gradOut, 2, 1);
        INDArray[] deconvBf16 = transposedBackward(gradOut, w, x);
        assertEquals(DataType.FLOAT, weightBf16.dataType(), "gradients land in float32");
        assertClose(weightF32, weightBf16);
        assertClose(deconvF32[0], deconvBf16[0]);
        assertClose(deconvF32[1], deconvBf16[1]);
        assertTrue(weightBf16.sub(weightF32).amaxNumber().doubleValue() > 0, "the bfloat16 kernels ran");
    }

    /** The generator's backward pass: transposed convolution of {@code x} with {@code w} to {@code gradOut}'s shape. */
    private static INDArray[] transposedBackward(INDArray x, INDArray w, INDArray gradOut) {
        INDArray gradIn = Nd4j.createUninitialized(DataType.FLOAT, x.shape());
        INDArray gradW = Nd4j.createUninitialized(DataType.FLOAT, w.shape());
        Convolutions.deconv2dBackward(x, w, gradOut, gradIn, gradW, null, 2, 1);
        return new INDArray[] {gradIn, gradW};
    }

    private static void assertClose(INDArray expected, INDArray actual) {
        double scale = expected.amaxNumber().doubleValue();
        double error = actual.sub(expected).amaxNumber().doubleValue();
        assertTrue(error <= TOLERANCE * scale, "largest error " + error + " against largest value " + scale);
    }

    @Test
    void cpuChecksNameWhatIsMissing() {
        assertEquals(Optional.empty(),
                Bfloat16Gradients.missingCpuSupport(CpuFeatures.parse("flags : avx512f amx_bf16 amx_tile")));
        assertTrue(Bfloat16Gradients.missingCpuSupport(CpuFeatures.parse("flags : avx512f avx512_bf16")).orElseThrow()
                .contains("no AMX"));
        assertTrue(Bfloat16Gradients.missingCpuSupport(CpuFeatures.parse("flags : avx2")).orElseThrow()
                .contains("no bfloat16 instructions"));
    }
}
