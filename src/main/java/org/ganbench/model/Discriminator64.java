package org.ganbench.model;

import java.util.ArrayList;
import java.util.List;
import org.ganbench.common.ReproducibleRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.api.ops.impl.scalar.LeakyReLU;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.LeakyReLUDerivative;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * chainer-gan-lib's 64x64 discriminators, one class for the three variants that share their layers: seven
 * convolutions (3->ch/8 k3s1, ch/8->ch/4 k4s2, ch/4->ch/4 k3s1, ch/4->ch/2 k4s2, ch/2->ch/2 k3s1, ch/2->ch k4s2,
 * ch->ch k3s1, padding 1), each followed by LeakyReLU 0.2, then Linear(8*8*ch -> 1) giving a raw score.
 * {@link Kind#PLAIN} is WGANDiscriminator (DRAGAN), {@link Kind#SPECTRAL_NORM} is SNDCGANDiscriminator (every conv and
 * the linear spectrally normalised), {@link Kind#BATCH_NORM} is DCGANDiscriminator (offset-only BN after every
 * convolution but the first).
 */
public final class Discriminator64 {
    public enum Kind { PLAIN, SPECTRAL_NORM, BATCH_NORM }

    private static final double SLOPE = 0.2;
    private static final int CONVS = 7;
    private static final int LINEAR = CONVS + 1;
    private static final int BOTTOM = 8;

    private final Kind kind;
    private final int ch;
    private final int[] inChannels = new int[LINEAR];
    private final int[] outChannels = new int[LINEAR];
    private final int[] kernel = new int[LINEAR];
    private final int[] stride = new int[LINEAR];
    private final Parameters params;
    private final Parameters buffers;
    private final BatchNorm[] norms = new BatchNorm[LINEAR];
    private final SpectralNorm[] spectral = new SpectralNorm[LINEAR + 1];

    /** Activations of one forward pass, kept for backward passes. */
    public static final class Trace {
        private final INDArray[] act = new INDArray[LINEAR];
        private final INDArray[] slope = new INDArray[LINEAR];
        private final BatchNorm.Cache[] norm = new BatchNorm.Cache[LINEAR];
        private final INDArray[] weight = new INDArray[LINEAR + 1];
        private final SpectralNorm.Estimate[] spectral = new SpectralNorm.Estimate[LINEAR + 1];
        private INDArray score;

        /** Raw scores, {@code [n, 1]}. */
        public INDArray score() {
            return score;
        }

        /** The largest singular value this pass estimated for layer {@code l} (1..8) of a spectral-norm network. */
        public double sigma(int layer) {
            if (spectral[layer] == null) {
                throw new IllegalStateException("not a pass of a spectral-norm discriminator");
            }
            return spectral[layer].sigma();
        }

        /** Shapes of the seven convolution outputs and of the score. */
        public List<long[]> layerShapes() {
            List<long[]> shapes = new ArrayList<>();
            for (int l = 1; l <= CONVS; l++) {
                shapes.add(act[l].shape());
            }
            shapes.add(score.shape());
            return shapes;
        }

        /** LeakyReLU's derivative at layer l (1 or 0.2), from the output, whose sign is the input's. */
        private INDArray slope(int l) {
            if (slope[l] == null) {
                slope[l] = Nd4j.createUninitialized(act[l].dataType(), act[l].shape());
                Nd4j.exec(new LeakyReLUDerivative(act[l], slope[l], SLOPE));
            }
            return slope[l];
        }
    }

    public Discriminator64(Kind kind, int ch, DataType dataType) {
        if (ch < 8 || ch % 8 != 0) {
            throw new IllegalArgumentException("ch must be a positive multiple of 8, was " + ch);
        }
        this.kind = kind;
        this.ch = ch;
        int[][] specs = {{3, ch / 8, 3, 1}, {ch / 8, ch / 4, 4, 2}, {ch / 4, ch / 4, 3, 1}, {ch / 4, ch / 2, 4, 2},
                {ch / 2, ch / 2, 3, 1}, {ch / 2, ch, 4, 2}, {ch, ch, 3, 1}};
        this.params = new Parameters(dataType);
        this.buffers = new Parameters(dataType);
        for (int l = 1; l <= CONVS; l++) {
            int[] s = specs[l - 1];
            inChannels[l] = s[0];
            outChannels[l] = s[1];
            kernel[l] = s[2];
            stride[l] = s[3];
            params.declare("w" + l, s[1], s[0], s[2], s[2]);
            params.declare("b" + l, s[1]);
            if (kind == Kind.BATCH_NORM && l >= 2) {
                params.declare("beta" + l, s[1]);
                BatchNorm.declareBuffers(buffers, String.valueOf(l), s[1]);
            }
            if (kind == Kind.SPECTRAL_NORM) {
                buffers.declare("u" + l, s[1]);
            }
        }
        params.declare("w" + LINEAR, 1, (long) BOTTOM * BOTTOM * ch);
        params.declare("b" + LINEAR, 1);
        if (kind == Kind.SPECTRAL_NORM) {
            buffers.declare("u" + LINEAR, 1);
        }
        params.allocate();
        buffers.allocate();
        for (int l = 2; l <= CONVS && kind == Kind.BATCH_NORM; l++) {
            norms[l] = new BatchNorm(params, buffers, null, "beta" + l, String.valueOf(l));
            BatchNorm.resetBuffers(buffers, String.valueOf(l));
        }
        for (int l = 1; l <= LINEAR && kind == Kind.SPECTRAL_NORM; l++) {
            spectral[l] = new SpectralNorm(params.value("w" + l), buffers.value("u" + l));
        }
    }

    public Kind kind() {
        return kind;
    }

    public int ch() {
        return ch;
    }

    public Parameters parameters() {
        return params;
    }

    /** BN running statistics or spectral-norm vectors u (empty for the plain discriminator). */
    public Parameters buffers() {
        return buffers;
    }

    /** Weights N(0, 0.02), biases 0; spectral-norm vectors u standard normal (as chainer's SN links). */
    public void initialise(ReproducibleRandom random) {
        params.initialise(random, 0.02);
        for (int l = 1; l <= LINEAR && kind == Kind.SPECTRAL_NORM; l++) {
            INDArray u = buffers.value("u" + l);
            double[] values = new double[(int) u.length()];
            for (int i = 0; i < values.length; i++) {
                values[i] = random.nextGaussian();
            }
            u.assign(Nd4j.createFromArray(values).castTo(u.dataType()));
        }
    }

    /**
     * Fixes the weight each layer computes with in this pass: W itself, or for SN W / sigma, where a training pass
     * first runs one power iteration (as chainer's SN links on every call) and an inference pass leaves u alone.
     */
    private void chooseWeights(Trace t, boolean training) {
        for (int l = 1; l <= LINEAR; l++) {
            if (kind == Kind.SPECTRAL_NORM) {
                t.spectral[l] = training ? spectral[l].iterate() : spectral[l].current();
                t.weight[l] = t.spectral[l].normalised();
            } else {
                t.weight[l] = params.value("w" + l);
            }
        }
    }

    /** Adds a gradient with respect to the weight layer l computed with in pass t to W's gradient. */
    private void addWeightGradient(Trace t, int l, INDArray gradient) {
        if (t.spectral[l] != null) {
            t.spectral[l].correctGradient(gradient);
        }
        params.gradient("w" + l).addi(gradient);
    }

    /**
     * Scores {@code x [n, 3, 64, 64]}. A {@code training} pass uses BN's batch statistics and moves the
     * spectral-norm vectors on by one power iteration; otherwise BN's running statistics and u as it stands.
     */
    public Trace forward(INDArray x, boolean training) {
        Trace t = new Trace();
        chooseWeights(t, training);
        t.act[0] = x;
        INDArray a = x;
        for (int l = 1; l <= CONVS; l++) {
            INDArray z = Convolutions.conv2d(a, t.weight[l], params.value("b" + l), stride[l], 1);
            if (norms[l] != null && training) {
                t.norm[l] = norms[l].forwardTraining(z);
                z = t.norm[l].output();
            } else if (norms[l] != null) {
                z = norms[l].forwardInference(z);
            }
            Nd4j.exec(new LeakyReLU(z, z, SLOPE));
            t.act[l] = z;
            a = z;
        }
        t.score = flat(a).mmul(t.weight[LINEAR].transpose()).addi(params.value("b" + LINEAR).getDouble(0));
        return t;
    }

    private INDArray flat(INDArray a) {
        return a.reshape('c', a.size(0), (long) BOTTOM * BOTTOM * ch);
    }

    /**
     * Back-propagates {@code scoreGradient [n, 1]} through a training-mode pass. Adds the weight gradients to the
     * parameters' gradients when {@code accumulate} (else they are discarded: a pass only for the input gradient).
     * Returns the gradient with respect to the inputs of rows {@code firstInputRow} to n - 1, or null when
     * {@code firstInputRow} is n: the first layer's input gradient (64x64, 3 channels: the costliest of the pass) is
     * only computed for the images that need it.
     */
    public INDArray backward(Trace t, INDArray scoreGradient, boolean accumulate, long firstInputRow) {
        long n = scoreGradient.size(0);
        if (firstInputRow < 0 || firstInputRow > n) {
            throw new IllegalArgumentException("first input row " + firstInputRow + " outside 0.." + n);
        }
        if (accumulate) {
            addWeightGradient(t, LINEAR, scoreGradient.transpose().mmul(flat(t.act[CONVS])));
            params.gradient("b" + LINEAR).addi(scoreGradient.sum(0));
        }
        INDArray d = scoreGradient.mmul(t.weight[LINEAR]).reshape('c', t.act[CONVS].shape());
        for (int l = CONVS; l >= 1; l--) {
            d.muli(t.slope(l));
            if (norms[l] != null) {
                d = norms[l].backward(t.norm[l], d, accumulate);
            }
            INDArray w = t.weight[l];
            if (accumulate && l >= 2) { // all gradients in one call, see Convolutions.conv2dGradients
                INDArray[] gradients = Convolutions.conv2dGradients(t.act[l - 1], w, params.value("b" + l), d,
                        stride[l], 1);
                addWeightGradient(t, l, gradients[1]);
                params.gradient("b" + l).addi(gradients[2]);
                d = gradients[0];
                continue;
            }
            if (accumulate) {
                params.gradient("b" + l).addi(d.sum(0, 2, 3));
                addWeightGradient(t, l, Convolutions.conv2dWeightGradient(t.act[l - 1], w, d, stride[l], 1));
            }
            if (l == 1 && firstInputRow == n) {
                return null;
            }
            if (l == 1 && firstInputRow > 0) {
                d = d.get(NDArrayIndex.interval(firstInputRow, n)).dup();
            }
            d = Convolutions.conv2dInputGradient(w, d, stride[l], 1);
        }
        return d;
    }

    /**
     * DRAGAN's gradient penalty at the inputs of trace {@code t}: lambda * mean_i (||d score_i / d x_i||_2 - 1)^2.
     * Adds its weight gradients to the parameters' gradients and returns its value. The input gradient is D's
     * backward pass written as ordinary ops (conv backward = transposed conv with the same weights, LeakyReLU
     * backward = its slope mask), and the penalty is back-propagated through those ops: the transposed convolution's
     * own backward gives the adjoint of the next mask stage and the weight gradient in one call. Only for
     * discriminators without BN (their scores are per-sample functions).
     */
    public double addPenaltyGradient(Trace t, double lambda) {
        if (kind == Kind.BATCH_NORM) {
            throw new IllegalStateException("the gradient penalty needs a discriminator without batch normalisation");
        }
        int n = (int) t.score.size(0);
        INDArray[] maskedGrad = new INDArray[LINEAR];
        INDArray d = Nd4j.ones(t.score.dataType(), n, 1).mmul(t.weight[LINEAR]).reshape('c', t.act[CONVS].shape());
        for (int l = CONVS; l >= 1; l--) {
            maskedGrad[l] = d.muli(t.slope(l));
            d = Convolutions.deconv2d(maskedGrad[l], t.weight[l], null, stride[l], 1);
        }
        INDArray norms = d.reshape('c', n, d.length() / n).norm2(1);
        INDArray excess = norms.sub(1);
        double value = lambda * excess.mul(excess).meanNumber().doubleValue();
        // d penalty / d g_i = lambda * 2 (||g_i|| - 1) / (n ||g_i||) * g_i
        INDArray coefficient = excess.muli(2 * lambda / n).divi(norms.addi(1e-30));
        INDArray adjoint = Nd4j.createUninitialized(d.dataType(), d.shape());
        Nd4j.exec(new BroadcastMulOp(d, coefficient, adjoint, 0));
        for (int l = 1; l <= CONVS; l++) {
            INDArray w = t.weight[l];
            INDArray next = Nd4j.createUninitialized(d.dataType(), maskedGrad[l].shape());
            INDArray gradW = Nd4j.createUninitialized(w.dataType(), w.shape());
            Convolutions.deconv2dBackward(maskedGrad[l], w, adjoint, next, gradW, null, stride[l], 1);
            addWeightGradient(t, l, gradW);
            adjoint = next.muli(t.slope(l));
        }
        addWeightGradient(t, LINEAR, flat(adjoint).sum(0).reshape(1, (long) BOTTOM * BOTTOM * ch));
        return value;
    }
}
