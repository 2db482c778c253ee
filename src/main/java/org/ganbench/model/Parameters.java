package org.ganbench.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ganbench.common.ReproducibleRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The trainable arrays of one network, held as views into one flat values array and one flat gradient array, so that
 * the optimizer updates a whole network in one fused op and a checkpoint is one array.
 */
public final class Parameters {
    private final DataType dataType;
    private final Map<String, long[]> shapes = new LinkedHashMap<>();
    private INDArray values;
    private INDArray gradients;
    private final Map<String, INDArray> valueViews = new LinkedHashMap<>();
    private final Map<String, INDArray> gradientViews = new LinkedHashMap<>();

    Parameters(DataType dataType) {
        this.dataType = dataType;
    }

    /** Declares a parameter; call {@link #allocate} after the last declaration. */
    void declare(String name, long... shape) {
        if (values != null) {
            throw new IllegalStateException("parameters already allocated");
        }
        shapes.put(name, shape);
    }

    void allocate() {
        long total = 0;
        for (long[] shape : shapes.values()) {
            total += length(shape);
        }
        values = Nd4j.zeros(dataType, 1, total);
        gradients = Nd4j.zeros(dataType, 1, total);
        long offset = 0;
        for (Map.Entry<String, long[]> e : shapes.entrySet()) {
            long n = length(e.getValue());
            valueViews.put(e.getKey(), view(values, offset, n, e.getValue()));
            gradientViews.put(e.getKey(), view(gradients, offset, n, e.getValue()));
            offset += n;
        }
    }

    private static INDArray view(INDArray flat, long offset, long n, long[] shape) {
        return flat.get(NDArrayIndex.point(0), NDArrayIndex.interval(offset, offset + n)).reshape('c', shape);
    }

    private static long length(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }

    /** The named parameter's values (a live view: writes go to the network). */
    public INDArray value(String name) {
        return require(valueViews, name);
    }

    INDArray gradient(String name) {
        return require(gradientViews, name);
    }

    private static INDArray require(Map<String, INDArray> views, String name) {
        INDArray a = views.get(name);
        if (a == null) {
            throw new IllegalArgumentException("no parameter " + name);
        }
        return a;
    }

    /** Every parameter's values as one row vector (a view: writes go to the network). */
    public INDArray values() {
        return values;
    }

    /** Every parameter's gradient as one row vector, laid out like {@link #values()}. */
    public INDArray gradients() {
        return gradients;
    }

    public List<String> names() {
        return new ArrayList<>(shapes.keySet());
    }

    public DataType dataType() {
        return dataType;
    }

    public void zeroGradients() {
        gradients.assign(0);
    }

    /** Weights N(0, std), every name starting with "b" (biases, BN offsets) 0, BN scales ("gamma*") 1. */
    void initialise(ReproducibleRandom random, double std) {
        for (Map.Entry<String, INDArray> e : valueViews.entrySet()) {
            String name = e.getKey();
            if (name.startsWith("gamma")) {
                e.getValue().assign(1);
            } else if (name.startsWith("b")) {
                e.getValue().assign(0);
            } else {
                double[] draws = new double[(int) e.getValue().length()];
                for (int i = 0; i < draws.length; i++) {
                    draws[i] = std * random.nextGaussian();
                }
                e.getValue().assign(Nd4j.createFromArray(draws).reshape(e.getValue().shape()).castTo(dataType));
            }
        }
    }
}
