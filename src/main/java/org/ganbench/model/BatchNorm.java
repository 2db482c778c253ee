package org.ganbench.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastSubOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Batch normalisation over axis 1 of {@code [n, c]} or {@code [n, c, h, w]} arrays, as chainer's
 * BatchNormalization: eps 2e-5, running statistics with decay 0.9 (unbiased variance), optional scale.
 */
final class BatchNorm {
    private static final double EPS = 2e-5;
    static final double DECAY = 0.9;
    private final INDArray gamma;
    private final INDArray gammaGradient;
    private final INDArray beta;
    private final INDArray betaGradient;
    private final INDArray runningMean;
    private final INDArray runningVar;

    /** What the backward pass needs from one training-mode forward pass. */
    record Cache(INDArray normalised, INDArray invStd) {
    }

    /** {@code gammaName} may be null for an offset-only normalisation (chainer's use_gamma=False). */
    BatchNorm(Parameters params, Parameters buffers, String gammaName, String betaName, String statsName) {
        this.gamma = gammaName == null ? null : params.value(gammaName);
        this.gammaGradient = gammaName == null ? null : params.gradient(gammaName);
        this.beta = params.value(betaName);
        this.betaGradient = params.gradient(betaName);
        this.runningMean = buffers.value("mean" + statsName);
        this.runningVar = buffers.value("var" + statsName);
    }

    /** Declares the buffers of a normalisation over {@code channels} (running mean 0 and variance 1 are set later). */
    static void declareBuffers(Parameters buffers, String statsName, long channels) {
        buffers.declare("mean" + statsName, channels);
        buffers.declare("var" + statsName, channels);
    }

    static void resetBuffers(Parameters buffers, String statsName) {
        buffers.value("mean" + statsName).assign(0);
        buffers.value("var" + statsName).assign(1);
    }

    private static int[] reduceDims(INDArray x) {
        return x.rank() == 4 ? new int[] {0, 2, 3} : new int[] {0};
    }

    /** Training mode: normalises with the batch statistics, updates the running ones; y goes into {@code out}. */
    Cache forwardTraining(INDArray x, INDArray out) {
        return forwardTraining(x, out, DECAY);
    }

    /** {@link #forwardTraining(INDArray, INDArray)} with the running statistics kept as {@code decay * old + (1 - decay) * batch}. */
    Cache forwardTraining(INDArray x, INDArray out, double decay) {
        long start = OpProfile.begin();
        int[] dims = reduceDims(x);
        INDArray mean = x.mean(dims);
        INDArray var = x.var(false, dims);
        long m = x.length() / mean.length();
        runningMean.muli(decay).addi(mean.mul(1 - decay));
        runningVar.muli(decay).addi(var.mul((1 - decay) * m / Math.max(1, m - 1)));
        INDArray invStd = Transforms.pow(var.addi(EPS), -0.5, false);
        INDArray normalised = Nd4j.createUninitialized(x.dataType(), x.shape());
        Nd4j.exec(new BroadcastSubOp(x, mean, normalised, 1));
        Nd4j.exec(new BroadcastMulOp(normalised, invStd, normalised, 1));
        scaleShift(normalised, out);
        profiled(start, "forward", x);
        return new Cache(normalised, invStd);
    }

    /** Inference mode: normalises with the running statistics. */
    void forwardInference(INDArray x, INDArray out) {
        long start = OpProfile.begin();
        INDArray invStd = Transforms.pow(runningVar.add(EPS), -0.5, false);
        Nd4j.exec(new BroadcastSubOp(x, runningMean, out, 1));
        Nd4j.exec(new BroadcastMulOp(out, invStd, out, 1));
        scaleShift(out, out);
        profiled(start, "forward", x);
    }

    private void scaleShift(INDArray normalised, INDArray out) {
        if (gamma != null) {
            Nd4j.exec(new BroadcastMulOp(normalised, gamma, out, 1));
            Nd4j.exec(new BroadcastAddOp(out, beta, out, 1));
        } else {
            Nd4j.exec(new BroadcastAddOp(normalised, beta, out, 1));
        }
    }

    /**
     * Gradient with respect to the input of a training-mode pass, written into {@code gradOut} (overwritten);
     * the scale and offset gradients are added to the parameters' gradients when {@code accumulate}.
     */
    void backward(Cache cache, INDArray gradOut, boolean accumulate) {
        long start = OpProfile.begin();
        int[] dims = reduceDims(gradOut);
        INDArray xhat = cache.normalised();
        if (accumulate) {
            betaGradient.addi(gradOut.sum(dims));
            if (gamma != null) {
                gammaGradient.addi(gradOut.mul(xhat).sum(dims));
            }
        }
        if (gamma != null) {
            Nd4j.exec(new BroadcastMulOp(gradOut, gamma, gradOut, 1));
        }
        INDArray meanGrad = gradOut.mean(dims);
        INDArray meanGradXhat = gradOut.mul(xhat).mean(dims);
        Nd4j.exec(new BroadcastSubOp(gradOut, meanGrad, gradOut, 1));
        INDArray correction = Nd4j.createUninitialized(xhat.dataType(), xhat.shape());
        Nd4j.exec(new BroadcastMulOp(xhat, meanGradXhat, correction, 1));
        gradOut.subi(correction);
        Nd4j.exec(new BroadcastMulOp(gradOut, cache.invStd(), gradOut, 1));
        profiled(start, "backward", gradOut);
    }

    private static void profiled(long start, String pass, INDArray x) {
        if (start != OpProfile.OFF) {
            OpProfile.end(start, pass, "batch norm", java.util.Arrays.toString(x.shape()), 0);
        }
    }
}
