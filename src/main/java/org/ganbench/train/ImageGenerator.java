package org.ganbench.train;

/** A trained generator, enough for sampling and evaluation (see {@link TrainableGans#loadGenerator}). */
public interface ImageGenerator extends AutoCloseable {

    /**
     * Generator output for the given latent vectors ({@code n} rows of {@link #latentSize()} floats), in inference
     * mode (batch-norm running statistics), as packed RGB bytes: {@code n * side * side * 3}, row-major.
     */
    byte[] generate(float[] z, int n);

    /** Length of one latent vector (128). */
    int latentSize();

    /** Side of a generated image in pixels (64). */
    int imageSide();

    @Override
    void close();
}
