package org.ganbench.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.updaters.AdamUpdater;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Adam over one network's flat parameters, as chainer's: the step size carries the bias corrections
 * (lr * sqrt(1 - beta2^t) / (1 - beta1^t)) and eps 1e-8 is added to sqrt(v).
 */
public final class Adam {
    private static final double EPSILON = 1e-8;
    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private final INDArray m;
    private final INDArray v;
    private int iteration;

    public Adam(Parameters parameters, double learningRate, double beta1, double beta2) {
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.m = Nd4j.zeros(parameters.dataType(), parameters.values().shape());
        this.v = Nd4j.zeros(parameters.dataType(), parameters.values().shape());
    }

    /** Applies the gradients held in {@code parameters} (which become the update) to its values. */
    public void update(Parameters parameters) {
        long start = OpProfile.begin();
        INDArray g = parameters.gradients();
        Nd4j.exec(new AdamUpdater(g, v, m, g, v, m, learningRate, beta1, beta2, EPSILON, iteration));
        parameters.values().subi(g);
        iteration++;
        if (start != OpProfile.OFF) {
            OpProfile.end(start, "update", "Adam", g.length() + " parameters", 0);
        }
    }

    /** First and second moment estimates, for checkpoints (live views). */
    public INDArray firstMoment() {
        return m;
    }

    public INDArray secondMoment() {
        return v;
    }

    public int iteration() {
        return iteration;
    }

    public void setIteration(int iteration) {
        this.iteration = iteration;
    }
}
