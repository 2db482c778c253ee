package org.ganbench.model;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Batch normalisation over axis 1 of {@code [n, c]} or {@code [n, c, h, w]} arrays, as chainer's
 * BatchNormalization: eps 2e-5, running statistics with decay 0.9 (unbiased variance), optional scale.
 * Training passes of float32 arrays are one oneDNN 3 primitive each way ({@link OnednnBatchNorm}: the statistics
 * computed and differentiated through inside it). Float64 passes (the checks against the reference) and inference
 * use libnd4j's {@code batchnorm} op, and its {@code batchnorm_bp}, which differentiates through the batch mean and
 * variance too. Those ops get the variance with eps already added and an eps of 0: they read their own eps argument
 * in float32, which put 3e-9 relative errors into float64 gradients where the variance is near eps. In float64,
 * libnd4j's generic kernels then agree with the element-wise formula to 1e-15 when the count per channel is a power
 * of two, to 5e-8 otherwise (measured at counts 3 to 192): far below float32's rounding, which is what trains.
 */
final class BatchNorm {
    private static final double EPS = 2e-5;
    static final double DECAY = 0.9;
    /** The ops' iArgs after applyScale and applyOffset: the channel axis. */
    private static final int CHANNEL_AXIS = 1;
    private final INDArray gamma;
    private final INDArray gammaGradient;
    private final INDArray beta;
    private final INDArray betaGradient;
    private final INDArray runningMean;
    private final INDArray runningVar;

    /**
     * One training-mode pass: its input and batch statistics (the population variance), which the backward pass
     * needs, and its output, which the caller may overwrite (the input it must not).
     */
    record Cache(INDArray input, INDArray mean, INDArray variance, INDArray output) {
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

    /** Training mode: normalises with the batch statistics and updates the running ones. */
    Cache forwardTraining(INDArray x) {
        return forwardTraining(x, DECAY);
    }

    /** {@link #forwardTraining(INDArray)} with the running statistics kept as {@code decay * old + (1 - decay) * batch}. */
    Cache forwardTraining(INDArray x, double decay) {
        long start = OpProfile.begin();
        INDArray mean;
        INDArray var;
        INDArray out;
        if (OnednnBatchNorm.applies(x)) {
            x = Layout.dense(x);
            mean = Nd4j.createUninitialized(x.dataType(), x.size(1));
            var = Nd4j.createUninitialized(x.dataType(), x.size(1));
            out = Nd4j.createUninitialized(x.dataType(), x.shape());
            OnednnBatchNorm.forward(x, gamma, beta, EPS, out, mean, var);
        } else {
            int[] dims = reduceDims(x);
            mean = x.mean(dims);
            var = populationVariance(x, dims, mean.shape());
            out = normalise(x, mean, var.add(EPS));
        }
        long m = x.length() / mean.length();
        runningMean.muli(decay).addi(mean.mul(1 - decay));
        runningVar.muli(decay).addi(var.mul((1 - decay) * m / Math.max(1, m - 1)));
        profiled(start, "forward", x);
        return new Cache(x, mean, var, out);
    }

    /**
     * libnd4j's {@code reduce_variance} op, not {@code INDArray.var}: the same two-pass variance, 7 times faster over
     * axes 0, 2 and 3 of G's 64x64 layer (13 ms against 1.8 ms at batch 32, ch 128).
     */
    private static INDArray populationVariance(INDArray x, int[] dims, long[] shape) {
        INDArray var = Nd4j.createUninitialized(x.dataType(), shape);
        Nd4j.exec(DynamicCustomOp.builder("reduce_variance").addInputs(x).addOutputs(var).addIntegerArguments(dims)
                .addBooleanArguments(false, false).build()); // keep dimensions: no; bias-corrected: no
        return var;
    }

    /** Inference mode: normalises with the running statistics into a new array. */
    INDArray forwardInference(INDArray x) {
        long start = OpProfile.begin();
        INDArray out = normalise(x, runningMean, runningVar.add(EPS));
        profiled(start, "forward", x);
        return out;
    }

    private INDArray normalise(INDArray x, INDArray mean, INDArray varianceEps) {
        INDArray out = Nd4j.createUninitialized(x.dataType(), x.shape());
        Nd4j.exec(op("batchnorm", x, mean, varianceEps, null).addOutputs(out).build());
        return out;
    }

    /**
     * Gradient with respect to the input of a training-mode pass, given the gradient of its output; the scale and
     * offset gradients are added to the parameters' gradients when {@code accumulate}.
     */
    INDArray backward(Cache cache, INDArray gradOut, boolean accumulate) {
        long start = OpProfile.begin();
        INDArray x = cache.input();
        INDArray gradIn = Nd4j.createUninitialized(x.dataType(), x.shape());
        INDArray gradBeta = Nd4j.createUninitialized(beta.dataType(), beta.shape());
        INDArray gradGamma = gamma == null ? null : Nd4j.createUninitialized(gamma.dataType(), gamma.shape());
        if (OnednnBatchNorm.applies(x)) {
            OnednnBatchNorm.backward(x, cache.mean(), cache.variance(), gamma, Layout.dense(gradOut), EPS, gradIn,
                    gradGamma, gradBeta);
        } else {
            INDArray gradMean = Nd4j.createUninitialized(x.dataType(), cache.mean().shape());
            INDArray gradVar = Nd4j.createUninitialized(x.dataType(), cache.mean().shape());
            INDArray[] outputs = gradGamma == null ? new INDArray[] {gradIn, gradMean, gradVar, gradBeta}
                    : new INDArray[] {gradIn, gradMean, gradVar, gradGamma, gradBeta};
            Nd4j.exec(op("batchnorm_bp", x, cache.mean(), cache.variance().add(EPS), gradOut).addOutputs(outputs)
                    .build());
        }
        if (accumulate) {
            betaGradient.addi(gradBeta);
            if (gradGamma != null) {
                gammaGradient.addi(gradGamma);
            }
        }
        profiled(start, "backward", gradOut);
        return gradIn;
    }

    /** libnd4j's argument order for both ops: x, mean, variance, [gamma], beta, [gradient of the output]. */
    private DynamicCustomOp.DynamicCustomOpsBuilder op(String name, INDArray x, INDArray mean, INDArray varianceEps,
                                                       INDArray gradOut) {
        List<INDArray> inputs = new ArrayList<>(List.of(x, mean, varianceEps));
        if (gamma != null) {
            inputs.add(gamma);
        }
        inputs.add(beta);
        if (gradOut != null) {
            inputs.add(gradOut);
        }
        return DynamicCustomOp.builder(name).addInputs(inputs.toArray(INDArray[]::new))
                .addIntegerArguments(gamma != null ? 1 : 0, 1, CHANNEL_AXIS).addFloatingPointArguments(0.0);
    }

    private static void profiled(long start, String pass, INDArray x) {
        if (start != OpProfile.OFF) {
            OpProfile.end(start, pass, "batch norm", java.util.Arrays.toString(x.shape()), 0);
        }
    }
}
