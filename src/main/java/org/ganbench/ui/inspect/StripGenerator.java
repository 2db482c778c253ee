package org.ganbench.ui.inspect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.ganbench.common.CancellationToken;
import org.ganbench.common.ProgressListener;
import org.ganbench.inspect.LatentPaths;
import org.ganbench.inspect.LatentStrip;
import org.ganbench.train.RunFolder;
import org.ganbench.train.RunGenerator;

/**
 * The Inspect view's work, without a window: a run's generator at a checkpoint, loaded once and kept while the same
 * one is asked for, and the samples, interpolation strips and walks it makes. Not thread-safe: one worker calls it.
 */
final class StripGenerator implements AutoCloseable {
    /** Samples of the seed shown to pick endpoints from (5 x 5, as the run's sample grids). */
    static final int CANDIDATES = 25;

    /** What one generation produced. */
    record Result(Path run, long step, byte[] candidates, LatentStrip interpolation, LatentStrip walk) {
        /** "tiny at step 4: 5 x 8 strip, 5 x 9 walk". */
        String summary() {
            return String.format(Locale.ROOT, "%s at step %,d: %d x %d strip, %d x %d walk", run.getFileName(), step,
                    interpolation.rows(), interpolation.steps(), walk.rows(), walk.steps());
        }
    }

    private RunGenerator loaded;
    private Path loadedRun;
    private Long loadedCheckpoint;

    /**
     * Generates for {@code run} at {@code checkpoint} (null: the newest): the samples of the seed, then the strips
     * between pairs of them (or between the two picked samples, {@code pair}) and the walks.
     */
    Result generate(Path run, Long checkpoint, InspectSettings s, List<Integer> pair, ProgressListener progress,
                    CancellationToken cancel) {
        RunGenerator generator = generator(run, checkpoint);
        int latent = generator.latentSize();
        byte[] samples = generator.sample(s.seed(), CANDIDATES, ProgressListener.NONE, cancel);
        LatentStrip interpolation;
        float[] direction;
        if (pair.isEmpty()) {
            interpolation = LatentStrip.interpolations(generator, s.seed(), s.rows(), s.steps(), s.slerp(),
                    progress, cancel);
            direction = LatentPaths.randomDirection(s.directionSeed(), latent);
        } else {
            float[] from = LatentPaths.noiseVector(s.seed(), pair.get(0), latent);
            float[] to = LatentPaths.noiseVector(s.seed(), pair.get(1), latent);
            interpolation = LatentStrip.interpolations(generator, List.of(from), List.of(to), s.steps(), s.slerp(),
                    progress, cancel);
            direction = LatentPaths.directionBetween(from, to);
        }
        LatentStrip walk = LatentStrip.walks(generator, s.seed(), s.rows(), direction, s.stepSize(), s.walkSteps(),
                s.clamp(), progress, cancel);
        return new Result(run, generator.step(), samples, interpolation, walk);
    }

    private RunGenerator generator(Path run, Long checkpoint) {
        if (loaded == null || !run.equals(loadedRun) || !Objects.equals(checkpoint, loadedCheckpoint)) {
            close();
            try {
                loaded = RunGenerator.open(RunFolder.open(run), checkpoint, false);
            } catch (IOException e) {
                throw new UncheckedIOException(e.getMessage(), e);
            }
            loadedRun = run;
            loadedCheckpoint = checkpoint;
        }
        return loaded;
    }

    @Override
    public void close() {
        if (loaded != null) {
            loaded.close();
            loaded = null;
        }
    }
}
