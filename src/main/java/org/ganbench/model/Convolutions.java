package org.ganbench.model;

import java.util.Locale;
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
        long start = OpProfile.begin();
        if (Bfloat16Convolutions.applies(x)) {
            Bfloat16Convolutions.forward(x, w, bias, out, s, p);
        } else {
            exec("conv2d", k, s, p, bias == null ? new INDArray[] {x, w} : new INDArray[] {x, w, bias}, out);
        }
        record(start, bias == null ? "conv" : "conv + bias", x, w.size(0), k, s, out, 1);
        return out;
    }

    /**
     * The weight gradient of a convolution of {@code x} with {@code w} whose output gradient is {@code gradOut}: the
     * weight gradient of the transposed convolution of {@code gradOut} with {@code w} back to x's shape, which is the
     * same correlation of x with gradOut. libnd4j's conv2d_bp would give it too, but it always computes the input
     * gradient as well, with oneDNN's "auto" algorithm, which picks Winograd for the 3x3 stride-1 layers: at 3 and
     * 8 channels and 64x64 that took 4 times the whole weight gradient. The transposed convolution's backward pass
     * also computes a forward convolution of x (its other output), the cheapest pass of the three. In bfloat16
     * (oneDNN 3) the weight gradient is a pass of its own.
     */
    static INDArray conv2dWeightGradient(INDArray x, INDArray w, INDArray gradOut, int s, int p) {
        INDArray gradW = Nd4j.createUninitialized(w.dataType(), w.shape());
        long start = OpProfile.begin();
        if (Bfloat16Convolutions.applies(x)) {
            Bfloat16Convolutions.backwardWeights(x, gradOut, gradW, null, s, p);
            record(start, "conv weight grad", x, w.size(0), k(w), s, gradOut, 1);
            return gradW;
        }
        INDArray unused = Nd4j.createUninitialized(gradOut.dataType(), gradOut.shape());
        exec("deconv2d_bp", k(w), s, p, new INDArray[] {gradOut, w, x}, unused, gradW);
        record(start, "conv weight grad (+ forward)", x, w.size(0), k(w), s, gradOut, 2);
        return gradW;
    }

    /**
     * The input, weight and bias gradients of a convolution of {@code x} with {@code w} plus a bias in one
     * {@code conv2d_bp} call: two convolutions' arithmetic, where {@link #conv2dWeightGradient} plus
     * {@link #conv2dInputGradient} do three, and the bias gradient summed by oneDNN's weight pass instead of a
     * reduction over axes 0, 2 and 3 of its own (3% of a DRAGAN step at ch 128). Returns {@code {gradIn, gradW, gradB}}.
     * Not for 3-channel inputs, where oneDNN's "auto" algorithm picks a Winograd kernel that made the call 2.4 times
     * slower than the two ops (measured per layer in docs/speed.md).
     */
    static INDArray[] conv2dGradients(INDArray x, INDArray w, INDArray bias, INDArray gradOut, int s, int p) {
        INDArray gradIn = Nd4j.createUninitialized(x.dataType(), x.shape());
        INDArray gradW = Nd4j.createUninitialized(w.dataType(), w.shape());
        INDArray gradB = Nd4j.createUninitialized(bias.dataType(), bias.shape());
        long start = OpProfile.begin();
        if (Bfloat16Convolutions.applies(x)) {
            Bfloat16Convolutions.backwardData(w, gradOut, gradIn, s, p);
            Bfloat16Convolutions.backwardWeights(x, gradOut, gradW, gradB, s, p);
        } else {
            exec("conv2d_bp", k(w), s, p, new INDArray[] {x, w, bias, gradOut}, gradIn, gradW, gradB);
        }
        record(start, "conv input + weight + bias grad", x, w.size(0), k(w), s, gradOut, 2);
        return new INDArray[] {gradIn, gradW, gradB};
    }

    /** The input gradient of a convolution with {@code w} (a transposed convolution of {@code gradOut}). */
    static INDArray conv2dInputGradient(INDArray w, INDArray gradOut, int s, int p) {
        long start = OpProfile.begin();
        INDArray gradIn = transposed(gradOut, w, s, p);
        record(start, "conv input grad", gradIn, w.size(0), k(w), s, gradOut, 1);
        return gradIn;
    }

    /**
     * Transposed convolution of {@code x [n, in, h, w]} with {@code w [in, out, k, k]}; bias may be null. The bias
     * is added here, not by the op: oneDNN's transposed convolution adds it in a slow pass over its padded blocked
     * layout (measured: G's 8->3 output layer took 8 times as long with the bias as without).
     */
    static INDArray deconv2d(INDArray x, INDArray w, INDArray bias, int s, int p) {
        long start = OpProfile.begin();
        INDArray out = transposed(x, w, s, p);
        if (bias != null) { // the biasadd op: 6 times faster than a BroadcastAddOp along axis 1 (11.5 ms at 64x64)
            Nd4j.exec(DynamicCustomOp.builder("biasadd").addInputs(out, bias).addOutputs(out).addBooleanArguments(true)
                    .build()); // true: NCHW
        }
        record(start, bias == null ? "deconv" : "deconv + bias", out, x.size(1), k(w), s, x, 1);
        return out;
    }

    private static INDArray transposed(INDArray x, INDArray w, int s, int p) {
        int k = k(w);
        INDArray out = Nd4j.createUninitialized(x.dataType(), x.size(0), w.size(1),
                deconvOut((int) x.size(2), k, s, p), deconvOut((int) x.size(3), k, s, p));
        if (Bfloat16Convolutions.applies(x)) {
            Bfloat16Convolutions.backwardData(w, x, out, s, p); // a transposed convolution is a convolution's input gradient
        } else {
            exec("deconv2d", k, s, p, new INDArray[] {x, w}, out);
        }
        return out;
    }

    /**
     * Gradients of a transposed convolution of {@code x} with {@code w}: into {@code gradIn} (x's shape), {@code gradW}
     * and, when not null, {@code gradBias} (summed here, for the reason given at {@link #deconv2d}). In bfloat16 the
     * input gradient is the convolution of {@code gradOut} with {@code w}, and the weight gradient that convolution's.
     */
    static void deconv2dBackward(INDArray x, INDArray w, INDArray gradOut, INDArray gradIn, INDArray gradW,
                                 INDArray gradBias, int s, int p) {
        long start = OpProfile.begin();
        if (Bfloat16Convolutions.applies(x)) {
            Bfloat16Convolutions.forward(gradOut, w, null, gradIn, s, p);
            Bfloat16Convolutions.backwardWeights(gradOut, x, gradW, null, s, p);
        } else {
            exec("deconv2d_bp", k(w), s, p, new INDArray[] {x, w, gradOut}, gradIn, gradW);
        }
        if (gradBias != null) {
            gradBias.assign(gradOut.sum(0, 2, 3));
        }
        record(start, gradBias == null ? "deconv input + weight grad" : "deconv input + weight + bias grad", gradOut,
                x.size(1), k(w), s, x, 2);
    }

    private static int k(INDArray w) {
        return (int) w.size(2);
    }

    /**
     * Reports an op to the profile (nothing when not recording), described as the convolution it is or is the
     * transpose of: {@code convIn [n, c, h, w]} is that convolution's input (a transposed convolution's output),
     * {@code convOut} its output; {@code passes} convolutions' worth of arithmetic were done.
     */
    private static void record(long start, String operation, INDArray convIn, long outChannels, int k, int s,
                               INDArray convOut, int passes) {
        if (start == OpProfile.OFF) {
            return;
        }
        boolean transposed = operation.startsWith("deconv");
        long inChannels = convIn.size(1);
        String shape = transposed
                ? String.format(Locale.ROOT, "%d->%d k%d s%d %d->%d", outChannels, inChannels, k, s, convOut.size(2),
                        convIn.size(2))
                : String.format(Locale.ROOT, "%d->%d k%d s%d %d->%d", inChannels, outChannels, k, s, convIn.size(2),
                        convOut.size(2));
        OpProfile.end(start, null, operation, shape, passes * convolutionFlops(convIn.size(0), inChannels,
                outChannels, k, convOut.size(2), convOut.size(3)));
    }

    /** Multiplies and adds of a convolution to {@code [n, out, h, w]} from {@code in} channels with k x k kernels. */
    static double convolutionFlops(long n, long in, long out, int k, long outH, long outW) {
        return 2.0 * n * out * outH * outW * in * k * k;
    }

    private static void exec(String op, int k, int s, int p, INDArray[] inputs, INDArray... outputs) {
        Nd4j.exec(DynamicCustomOp.builder(op)
                .addInputs(inputs)
                .addOutputs(outputs)
                .addIntegerArguments(k, k, s, s, p, p, 1, 1, 0, NCHW, WEIGHTS_OUT_IN_K_K)
                .build());
    }
}
