package org.ganbench.train;

/** Real training images, served batch by batch in a reproducible order. */
@FunctionalInterface
public interface BatchSource {
    /**
     * The next {@code batchSize} real images as floats in [-1, 1], layout NCHW ({@code batchSize x 3 x side x side}).
     */
    float[] next(int batchSize);
}
