package org.ganbench.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ganbench.common.CancellationToken;
import org.ganbench.common.ProgressListener;
import org.ganbench.dataset.FaceSet;

/**
 * A run's generator at one of its checkpoints, for sampling and evaluation: the newest (the run's generator.zip,
 * refreshed right after each checkpoint) or a chosen step. Only G is read, never D or the optimizers, so that it is
 * cheap to load beside a running training.
 */
public final class RunGenerator implements AutoCloseable {
    /** Latent vectors generated at a time: bounds memory and lets a long sampling report progress and stop. */
    private static final int CHUNK = 256;

    private final long step;
    private final boolean averaged;
    private final ImageGenerator generator;

    private RunGenerator(long step, boolean averaged, ImageGenerator generator) {
        this.step = step;
        this.averaged = averaged;
        this.generator = generator;
    }

    /**
     * The run's generator at checkpoint {@code step}, or at its newest checkpoint when {@code step} is null: the
     * moving average of its weights when the run keeps one, unless {@code raw} asks for G as trained.
     */
    public static RunGenerator open(RunFolder run, Long step, boolean raw) throws IOException {
        List<RunFolder.StepFile> checkpoints = run.checkpoints();
        if (checkpoints.isEmpty()) {
            throw new IOException("the run has no checkpoint yet: " + run.dir());
        }
        TrainingConfig config = run.config().training();
        boolean averaged = !raw && config.emaDecay() > 0;
        if (step == null) {
            return new RunGenerator(checkpoints.get(checkpoints.size() - 1).step(), averaged,
                    TrainableGans.loadGenerator(averaged ? run.averagedGeneratorFile() : run.generatorFile()));
        }
        Path dir = run.checkpointDir(step);
        if (!Files.isDirectory(dir)) {
            throw new IOException("no checkpoint of step " + step + " in " + run.dir() + " (it keeps steps "
                    + checkpoints.stream().map(c -> String.valueOf(c.step())).toList() + ")");
        }
        return new RunGenerator(step, averaged, TrainableGans.loadCheckpointGenerator(dir, config, averaged));
    }

    /** The checkpoint step of this generator. */
    public long step() {
        return step;
    }

    /** Whether this is the moving average of the run's weights rather than G as trained. */
    public boolean averaged() {
        return averaged;
    }

    public int imageSide() {
        return generator.imageSide();
    }

    /**
     * {@code n} images from the latent vectors that {@code seed} draws (the run's own seed with n = 25 gives its
     * sample grids), as packed RGB bytes.
     */
    public byte[] sample(long seed, int n, ProgressListener progress, CancellationToken cancel) {
        if (n < 1) {
            throw new IllegalArgumentException("the number of images must be at least 1, was " + n);
        }
        return generate(LatentNoise.uniform(seed, n, latentSize()), n, progress, cancel);
    }

    /** The images of {@code n} given latent vectors (row after row), as packed RGB bytes, in chunks. */
    public byte[] generate(float[] z, int n, ProgressListener progress, CancellationToken cancel) {
        int latent = latentSize();
        if (z.length != n * latent) {
            throw new IllegalArgumentException("expected " + n + " latent vectors of " + latent + " floats, got "
                    + z.length + " floats");
        }
        int imageBytes = generator.imageSide() * generator.imageSide() * 3;
        byte[] rgb = new byte[Math.multiplyExact(n, imageBytes)];
        for (int start = 0; start < n; start += CHUNK) {
            cancel.throwIfCancelled();
            int m = Math.min(CHUNK, n - start);
            byte[] part = generator.generate(Arrays.copyOfRange(z, start * latent, (start + m) * latent), m);
            System.arraycopy(part, 0, rgb, start * imageBytes, part.length);
            progress.progress(start + m, n, "generating images");
        }
        return rgb;
    }

    /** Length of one latent vector. */
    public int latentSize() {
        return generator.latentSize();
    }

    /** {@link #sample} as a face set named {@code sample_00000.png}, ... (the names {@code sample --out-dir} writes). */
    public FaceSet sampleFaces(long seed, int n, ProgressListener progress, CancellationToken cancel) {
        byte[] rgb = sample(seed, n, progress, cancel);
        List<String> names = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            names.add(sampleName(i));
        }
        return new FaceSet(generator.imageSide(), rgb, names);
    }

    /** File name of the i-th single sample. */
    public static String sampleName(int i) {
        return String.format("sample_%05d.png", i);
    }

    @Override
    public void close() {
        generator.close();
    }
}
