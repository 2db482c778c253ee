package org.ganbench.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp;
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

    static {
        NativeHeap.retainFreedBlocks(); // oneDNN's per-call buffers are reused, not page-faulted in again (see there)
    }

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
     * The weight gradient of a convolution of {@code x} with {@code w} whose output gradient is {@code gradOut}: the
     * weight gradient of the transposed convolution of {@code gradOut} with {@code w} back to x's shape, which is the
     * same correlation of x with gradOut. libnd4j's conv2d_bp would give it too, but it always computes the input
     * gradient as well, with oneDNN's "auto" algorithm, which picks Winograd for the 3x3 stride-1 layers: at 3 and
     * 8 channels and 64x64 that took 4 times the whole weight gradient. The transposed convolution's backward pass
     * also computes a forward convolution of x (its other output), the cheapest pass of the three.
     */
    static INDArray conv2dWeightGradient(INDArray x, INDArray w, INDArray gradOut, int s, int p) {
        INDArray gradW = Nd4j.createUninitialized(w.dataType(), w.shape());
        INDArray unused = Nd4j.createUninitialized(gradOut.dataType(), gradOut.shape());
        deconv2dBackward(gradOut, w, x, unused, gradW, null, s, p);
        return gradW;
    }

    /** The input gradient of a convolution with {@code w} (a transposed convolution of {@code gradOut}). */
    static INDArray conv2dInputGradient(INDArray w, INDArray gradOut, int s, int p) {
        return deconv2d(gradOut, w, null, s, p);
    }

    /**
     * Transposed convolution of {@code x [n, in, h, w]} with {@code w [in, out, k, k]}; bias may be null. The bias
     * is added here, not by the op: oneDNN's transposed convolution adds it in a slow pass over its padded blocked
     * layout (measured: G's 8->3 output layer took 8 times as long with the bias as without).
     */
    static INDArray deconv2d(INDArray x, INDArray w, INDArray bias, int s, int p) {
        int k = (int) w.size(2);
        INDArray out = Nd4j.createUninitialized(x.dataType(), x.size(0), w.size(1),
                deconvOut((int) x.size(2), k, s, p), deconvOut((int) x.size(3), k, s, p));
        exec("deconv2d", k, s, p, new INDArray[] {x, w}, out);
        if (bias != null) {
            Nd4j.exec(new BroadcastAddOp(out, bias, out, 1));
        }
        return out;
    }

    /**
     * Gradients of a transposed convolution of {@code x} with {@code w}: into {@code gradIn} (x's shape), {@code gradW}
     * and, when not null, {@code gradBias} (summed here, for the reason given at {@link #deconv2d}).
     */
    static void deconv2dBackward(INDArray x, INDArray w, INDArray gradOut, INDArray gradIn, INDArray gradW,
                                 INDArray gradBias, int s, int p) {
        int k = (int) w.size(2);
        exec("deconv2d_bp", k, s, p, new INDArray[] {x, w, gradOut}, gradIn, gradW);
        if (gradBias != null) {
            gradBias.assign(gradOut.sum(0, 2, 3));
        }
    }

    private static void exec(String op, int k, int s, int p, INDArray[] inputs, INDArray... outputs) {
        Nd4j.exec(DynamicCustomOp.builder(op)
                .addInputs(inputs)
                .addOutputs(outputs)
                .addIntegerArguments(k, k, s, s, p, p, 1, 1, 0, NCHW, WEIGHTS_OUT_IN_K_K)
                .build());
    }
}
