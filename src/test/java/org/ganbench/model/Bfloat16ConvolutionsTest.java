package org.ganbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.function.Supplier;
import org.ganbench.common.CpuFeatures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class Bfloat16ConvolutionsTest {
    /**
     * bfloat16 keeps 8 significant bits (relative rounding 2^-9 per input); oneDNN accumulates the products in float32,
     * so a result's error stays near that rounding times the square root of the sum's length relative to its largest
     * entry: under 1% for these sums of 256 to 2048 products (measured: about 3e-3).
     */
    private static final double TOLERANCE = 1e-2;

    private final INDArray x = Nd4j.rand(DataType.FLOAT, 4, 16, 16, 16).subi(0.5);
    private final INDArray w = Nd4j.rand(DataType.FLOAT, 32, 16, 4, 4).subi(0.5);
    private final INDArray w3 = Nd4j.rand(DataType.FLOAT, 32, 16, 3, 3).subi(0.5);
    private final INDArray bias = Nd4j.rand(DataType.FLOAT, 32);
    private final INDArray gradOut = Nd4j.rand(DataType.FLOAT, 4, 32, 8, 8).subi(0.5);
    private final INDArray gradOut3 = Nd4j.rand(DataType.FLOAT, 4, 32, 16, 16).subi(0.5);

    @AfterEach
    void backToFloat32() {
        Bfloat16Convolutions.disable();
    }

    @Test
    void everyPassAgreesWithFloat32AndStaysFloat32() {
        Assumptions.assumeTrue(Bfloat16Convolutions.enable().isEmpty(), "needs a CPU with avx512_bf16 or AMX");
        Bfloat16Convolutions.disable();
        assertBothAgree(() -> Convolutions.conv2d(x, w, bias, 2, 1));
        assertBothAgree(() -> Convolutions.conv2d(x, w3, null, 1, 1));
        assertBothAgree(() -> Convolutions.conv2dWeightGradient(x, w3, gradOut3, 1, 1));
        for (int output = 0; output < 3; output++) {
            int which = output;
            assertBothAgree(() -> Convolutions.conv2dGradients(x, w, bias, gradOut, 2, 1)[which]);
        }
        assertBothAgree(() -> Convolutions.conv2dInputGradient(w, gradOut, 2, 1));
        INDArray wT = w.permute(1, 0, 2, 3).dup(); // [in, out, k, k] of a transposed convolution from 32 to 16 channels
        assertBothAgree(() -> Convolutions.deconv2d(gradOut, w, bias.get(org.nd4j.linalg.indexing.NDArrayIndex
                .interval(0, 16)), 2, 1));
        assertBothAgree(() -> transposedBackward(wT)[0]);
        assertBothAgree(() -> transposedBackward(wT)[1]);
    }

    /** The generator's backward pass: transposed convolution of {@code x} (16 channels) with {@code wT} to 32. */
    private INDArray[] transposedBackward(INDArray wT) {
        INDArray gradIn = Nd4j.createUninitialized(DataType.FLOAT, x.shape());
        INDArray gradW = Nd4j.createUninitialized(DataType.FLOAT, wT.shape());
        INDArray upstream = Nd4j.rand(DataType.FLOAT, 4, 32, 32, 32).subi(0.5);
        Convolutions.deconv2dBackward(x, wT, upstream, gradIn, gradW, null, 2, 1);
        return new INDArray[] {gradIn, gradW};
    }

    private static void assertBothAgree(Supplier<INDArray> pass) {
        Bfloat16Convolutions.disable();
        Nd4j.getRandom().setSeed(1);
        INDArray expected = pass.get();
        Bfloat16Convolutions.enable();
        Nd4j.getRandom().setSeed(1);
        INDArray actual = pass.get();
        Bfloat16Convolutions.disable();
        assertEquals(DataType.FLOAT, actual.dataType(), "results land in float32");
        assertEquals(java.util.Arrays.toString(expected.shape()), java.util.Arrays.toString(actual.shape()));
        double scale = expected.amaxNumber().doubleValue();
        double error = actual.sub(expected).amaxNumber().doubleValue();
        assertTrue(error <= TOLERANCE * scale, "largest error " + error + " against largest value " + scale);
        assertTrue(error > 0, "the bfloat16 kernels ran");
    }

    @Test
    void cpuChecksNameWhatIsMissing() {
        assertEquals(Optional.empty(),
                Bfloat16Convolutions.missingCpuSupport(CpuFeatures.parse("flags : avx512f amx_bf16 amx_tile")));
        assertEquals(Optional.empty(),
                Bfloat16Convolutions.missingCpuSupport(CpuFeatures.parse("flags : avx512f avx512_bf16")));
        assertTrue(Bfloat16Convolutions.missingCpuSupport(CpuFeatures.parse("flags : avx2")).orElseThrow()
                .contains("no bfloat16 instructions"));
    }
}
