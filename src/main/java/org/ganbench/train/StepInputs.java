package org.ganbench.train;

import org.ganbench.common.ReproducibleRandom;
import org.ganbench.model.Generator64;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Everything random that a training step consumes, in the networks' precision: real batches, latent vectors and
 * perturbation noise. Training draws them from the data and the updater's seeded generator; a lockstep check feeds
 * the ones a reference implementation drew.
 */
interface StepInputs {
    /** The next {@code n} real images, {@code [n, 3, 64, 64]} in [-1, 1]. */
    INDArray realBatch(int n);

    /** {@code n} latent vectors uniform in [-1, 1), {@code [n, 128]}. */
    INDArray latent(int n);

    /** Values uniform in [0, 1) of the given shape. */
    INDArray uniform(long... shape);

    /** Real batches from {@code source}, the rest from {@code random} (whose state a checkpoint keeps). */
    static StepInputs seeded(BatchSource source, ReproducibleRandom random, DataType dataType) {
        return new StepInputs() {
            @Override
            public INDArray realBatch(int n) {
                float[] pixels = source.next(n);
                int expected = n * 3 * Generator64.SIDE * Generator64.SIDE;
                if (pixels == null || pixels.length != expected) {
                    throw new IllegalArgumentException("batch source returned " + (pixels == null ? "nothing"
                            : pixels.length + " floats") + ", expected " + n + " NCHW images of 3x" + Generator64.SIDE
                            + "x" + Generator64.SIDE);
                }
                return Nd4j.createFromArray(pixels).reshape(n, 3, Generator64.SIDE, Generator64.SIDE)
                        .castTo(dataType);
            }

            @Override
            public INDArray latent(int n) {
                return Nd4j.createFromArray(random.uniform(n * Generator64.LATENT, -1f, 1f))
                        .reshape(n, Generator64.LATENT).castTo(dataType);
            }

            @Override
            public INDArray uniform(long... shape) {
                long count = 1;
                for (long d : shape) {
                    count *= d;
                }
                return Nd4j.createFromArray(random.uniform(Math.toIntExact(count), 0f, 1f)).reshape(shape)
                        .castTo(dataType);
            }
        };
    }
}
