package org.ganbench.model;

import java.util.ArrayList;
import java.util.List;
import org.ganbench.common.ReproducibleRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * chainer-gan-lib's DCGANGenerator with bottom width 8 (64x64 RGB out): Linear(128 -> 8*8*ch), BN, ReLU, reshape;
 * three Deconv(k4 s2 p1) + BN + ReLU halving the width; Deconv(ch/8 -> 3, k3 s1 p1); tanh. NCHW throughout.
 */
public final class Generator64 {
    public static final int LATENT = 128;
    public static final int BOTTOM = 8;
    public static final int SIDE = 64;
    private static final int UP_LAYERS = 3;

    private final int ch;
    private final Parameters params;
    private final Parameters buffers;
    private final BatchNorm[] norms = new BatchNorm[UP_LAYERS + 1];

    /** Activations of one training-mode forward pass, kept for the backward pass. */
    public static final class Trace {
        private final INDArray z;
        private final INDArray[] relu = new INDArray[UP_LAYERS + 1];
        private final BatchNorm.Cache[] norm = new BatchNorm.Cache[UP_LAYERS + 1];
        private INDArray image;

        private Trace(INDArray z) {
            this.z = z;
        }

        /** Shapes of every layer's output: the reshaped linear layer, the three up-sampling layers, the image. */
        public List<long[]> layerShapes() {
            List<long[]> shapes = new ArrayList<>();
            for (INDArray a : relu) {
                shapes.add(a.shape());
            }
            shapes.add(image.shape());
            return shapes;
        }

        /** How many units of each ReLU layer are active: changes when a parameter change crosses a kink. */
        String reluPattern() {
            StringBuilder sb = new StringBuilder();
            for (INDArray a : relu) {
                sb.append(a.gt(0).castTo(DataType.INT32).sumNumber()).append(',');
            }
            return sb.toString();
        }

        /** The generated images, {@code [n, 3, 64, 64]} in [-1, 1]. */
        public INDArray image() {
            return image;
        }
    }

    public Generator64(int ch, DataType dataType) {
        if (ch < 8 || ch % 8 != 0) {
            throw new IllegalArgumentException("ch must be a positive multiple of 8, was " + ch);
        }
        this.ch = ch;
        this.params = new Parameters(dataType);
        this.buffers = new Parameters(dataType);
        long features = (long) BOTTOM * BOTTOM * ch;
        params.declare("w0", LATENT, features);
        params.declare("b0", features);
        params.declare("gamma0", features);
        params.declare("beta0", features);
        BatchNorm.declareBuffers(buffers, "0", features);
        for (int i = 1; i <= UP_LAYERS; i++) {
            params.declare("w" + i, width(i - 1), width(i), 4, 4);
            params.declare("b" + i, width(i));
            params.declare("gamma" + i, width(i));
            params.declare("beta" + i, width(i));
            BatchNorm.declareBuffers(buffers, String.valueOf(i), width(i));
        }
        params.declare("w4", width(UP_LAYERS), 3, 3, 3);
        params.declare("b4", 3);
        params.allocate();
        buffers.allocate();
        for (int i = 0; i <= UP_LAYERS; i++) {
            norms[i] = new BatchNorm(params, buffers, "gamma" + i, "beta" + i, String.valueOf(i));
            BatchNorm.resetBuffers(buffers, String.valueOf(i));
        }
    }

    /** Channels after layer {@code i}: ch, ch/2, ch/4, ch/8. */
    private long width(int i) {
        return ch >> i;
    }

    public int ch() {
        return ch;
    }

    /** Weights N(0, 0.02), biases 0, BN scale 1. */
    public void initialise(ReproducibleRandom random) {
        params.initialise(random, 0.02);
    }

    public Parameters parameters() {
        return params;
    }

    /** BN running statistics. */
    public Parameters buffers() {
        return buffers;
    }

    /** Training-mode forward pass (batch statistics, running statistics updated). */
    public Trace forwardTraining(INDArray z) {
        return forwardTraining(z, BatchNorm.DECAY);
    }

    /**
     * Replaces the running statistics by the mean of the batch statistics over {@code batches} (latent vectors,
     * {@code [n, 128]} each), BigGAN's "standing statistics": the statistics of these weights, which an averaged
     * generator needs since its running statistics were never measured on its own activations.
     */
    public void estimateStatistics(List<INDArray> batches) {
        for (int k = 0; k < batches.size(); k++) {
            forwardTraining(batches.get(k), k / (k + 1.0)); // the k-th batch weighs 1/(k+1): a running mean
        }
    }

    private Trace forwardTraining(INDArray z, double statisticsDecay) {
        Trace t = new Trace(z);
        INDArray h = z.mmul(params.value("w0")).addiRowVector(params.value("b0"));
        t.norm[0] = norms[0].forwardTraining(h, statisticsDecay);
        t.relu[0] = Transforms.relu(t.norm[0].output(), false).reshape('c', z.size(0), ch, BOTTOM, BOTTOM);
        for (int i = 1; i <= UP_LAYERS; i++) {
            h = Convolutions.deconv2d(t.relu[i - 1], params.value("w" + i), params.value("b" + i), 2, 1);
            t.norm[i] = norms[i].forwardTraining(h, statisticsDecay);
            t.relu[i] = Transforms.relu(t.norm[i].output(), false);
        }
        t.image = Transforms.tanh(Convolutions.deconv2d(t.relu[UP_LAYERS], params.value("w4"), params.value("b4"), 1, 1), false);
        return t;
    }

    /** Inference-mode forward pass (running statistics), {@code [n, 3, 64, 64]} in [-1, 1]. */
    public INDArray generate(INDArray z) {
        INDArray h = z.mmul(params.value("w0")).addiRowVector(params.value("b0"));
        h = Transforms.relu(norms[0].forwardInference(h), false).reshape('c', z.size(0), ch, BOTTOM, BOTTOM);
        for (int i = 1; i <= UP_LAYERS; i++) {
            h = Convolutions.deconv2d(h, params.value("w" + i), params.value("b" + i), 2, 1);
            h = Transforms.relu(norms[i].forwardInference(h), false);
        }
        return Transforms.tanh(Convolutions.deconv2d(h, params.value("w4"), params.value("b4"), 1, 1), false);
    }

    /** Adds to the parameter gradients the gradient of a loss whose gradient with respect to the images is given. */
    public void backward(Trace t, INDArray imageGradient) {
        INDArray d = imageGradient.mul(t.image.mul(t.image).rsubi(1)); // tanh' from the output: 1 - y^2
        d = deconvBackward(t.relu[UP_LAYERS], 4, d, 1, 1);
        for (int i = UP_LAYERS; i >= 1; i--) {
            d.muli(reluSlope(t.relu[i]));
            d = norms[i].backward(t.norm[i], d, true);
            d = deconvBackward(t.relu[i - 1], i, d, 2, 1);
        }
        d = d.reshape('c', d.size(0), (long) ch * BOTTOM * BOTTOM);
        d.muli(reluSlope(t.relu[0]).reshape('c', d.shape()));
        d = norms[0].backward(t.norm[0], d, true);
        params.gradient("w0").addi(t.z.transpose().mmul(d));
        params.gradient("b0").addi(d.sum(0));
    }

    /**
     * ReLU's derivative (1 or 0) from its output: the sign of a non-negative array, one transform op where
     * {@code gt(0).castTo(..)} is a comparison into booleans and a cast (10 ms against 1.5 on 2M entries).
     */
    private static INDArray reluSlope(INDArray reluOutput) {
        return Transforms.sign(reluOutput, true);
    }

    private INDArray deconvBackward(INDArray input, int layer, INDArray gradOut, int s, int p) {
        INDArray w = params.value("w" + layer);
        INDArray gradIn = Nd4j.createUninitialized(input.dataType(), input.shape());
        INDArray gradW = Nd4j.createUninitialized(w.dataType(), w.shape());
        INDArray gradB = Nd4j.createUninitialized(w.dataType(), w.size(1));
        Convolutions.deconv2dBackward(input, w, gradOut, gradIn, gradW, gradB, s, p);
        params.gradient("w" + layer).addi(gradW);
        params.gradient("b" + layer).addi(gradB);
        return gradIn;
    }
}
