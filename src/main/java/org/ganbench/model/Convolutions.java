package org.ganbench.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * 2-D convolutions on NCHW arrays through libnd4j's custom ops (oneDNN kernels in the CPU build). Weights use PyTorch's
 * layout: convolution {@code [out, in, k, k]}, transposed convolution {@code [in, out, k, k]} (libnd4j weight format 1),
 * so one array serves a convolution and, read as a transposed convolution, its input gradient.
 */
final class Convolutions {
    /** libnd4j iArgs 9 and 10: data format 0 = NCHW, weight format 1 = [oC, iC, kH, kW]. */
    private static final int NCHW = 0;
    private static final int WEIGHTS_OUT_IN_K_K = 1;

    private Convolutions() {
    }

    static int convOut(int in, int k, int s, int p) {
        return (in + 2 * p - k) / s + 1;
    }

    static int deconvOut(int in, int k, int s, int p) {
        return s * (in - 1) + k - 2 * p;
    }

    /** Convolution of {@code x [n, in, h, w]} with {@code w [out, in, k, k]}; bias may be null. */
    static INDArray conv2d(INDArray x, INDArray w, INDArray bias, int s, int p) {
        int k = (int) w.size(2);
        INDArray out = Nd4j.createUninitialized(x.dataType(), x.size(0), w.size(0),
                convOut((int) x.size(2), k, s, p), convOut((int) x.size(3), k, s, p));
        exec("conv2d", k, s, p, bias == null ? new INDArray[] {x, w} : new INDArray[] {x, w, bias}, out);
        return out;
    }

    /**
     * Gradients of a convolution: into {@code gradIn} (same shape as x), {@code gradW}; and {@code gradBias} when
     * not null (it must then be given with a bias-shaped array).
     */
    static void conv2dBackward(INDArray x, INDArray w, INDArray gradOut, INDArray gradIn, INDArray gradW,
                               INDArray gradBias, int s, int p) {
        int k = (int) w.size(2);
        INDArray[] inputs = gradBias == null ? new INDArray[] {x, w, gradOut}
                : new INDArray[] {x, w, Nd4j.zeros(w.dataType(), w.size(0)), gradOut};
        INDArray[] outputs = gradBias == null ? new INDArray[] {gradIn, gradW} : new INDArray[] {gradIn, gradW, gradBias};
        exec("conv2d_bp", k, s, p, inputs, outputs);
    }

    /** Transposed convolution of {@code x [n, in, h, w]} with {@code w [in, out, k, k]}; bias may be null. */
    static INDArray deconv2d(INDArray x, INDArray w, INDArray bias, int s, int p) {
        int k = (int) w.size(2);
        INDArray out = Nd4j.createUninitialized(x.dataType(), x.size(0), w.size(1),
                deconvOut((int) x.size(2), k, s, p), deconvOut((int) x.size(3), k, s, p));
        exec("deconv2d", k, s, p, bias == null ? new INDArray[] {x, w} : new INDArray[] {x, w, bias}, out);
        return out;
    }

    /** Gradients of a transposed convolution, as {@link #conv2dBackward}. */
    static void deconv2dBackward(INDArray x, INDArray w, INDArray gradOut, INDArray gradIn, INDArray gradW,
                                 INDArray gradBias, int s, int p) {
        int k = (int) w.size(2);
        INDArray[] inputs = gradBias == null ? new INDArray[] {x, w, gradOut}
                : new INDArray[] {x, w, Nd4j.zeros(w.dataType(), w.size(1)), gradOut};
        INDArray[] outputs = gradBias == null ? new INDArray[] {gradIn, gradW} : new INDArray[] {gradIn, gradW, gradBias};
        exec("deconv2d_bp", k, s, p, inputs, outputs);
    }

    private static void exec(String op, int k, int s, int p, INDArray[] inputs, INDArray... outputs) {
        Nd4j.exec(DynamicCustomOp.builder(op)
                .addInputs(inputs)
                .addOutputs(outputs)
                .addIntegerArguments(k, k, s, s, p, p, 1, 1, 0, NCHW, WEIGHTS_OUT_IN_K_K)
                .build());
    }
}
