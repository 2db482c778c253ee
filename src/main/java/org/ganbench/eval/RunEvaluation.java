package org.ganbench.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ganbench.common.CancellationToken;
import org.ganbench.common.ProgressListener;
import org.ganbench.dataset.FaceSet;
import org.ganbench.train.RunFolder;
import org.ganbench.train.RunGenerator;

/**
 * Evaluates a run: samples its generator at a checkpoint and compares the images with the run's own dataset (or
 * another set of real faces), into {@code runs/<id>/eval/}. Reads only the checkpoint's generator, so it can run on
 * another thread while the run trains; give it one thread then ({@link Evaluation.Settings#threads}).
 */
public final class RunEvaluation {
    /** The run's evaluation folder: eval.json and the pictures. */
    public static final String FOLDER = "eval";

    private RunEvaluation() {
    }

    /**
     * @param realDir    real faces to compare with (a dataset or image folder); null for the run's own dataset
     * @param checkpoint checkpoint step to sample; null for the newest
     * @param threads    evaluation threads, 0 for every core
     * @return the report written to {@code eval/eval.json}
     */
    public static Map<String, Object> run(RunFolder run, Path realDir, Long checkpoint, int n, long seed, int threads,
                                          ProgressListener progress, CancellationToken cancel) throws IOException {
        // Loading and generating run in the capped, low-priority threads too, not only the metrics.
        return Evaluation.withThreads(threads, () -> evaluate(run, realDir, checkpoint, n, seed, threads, progress,
                cancel));
    }

    private static Map<String, Object> evaluate(RunFolder run, Path realDir, Long checkpoint, int n, long seed,
                                                int threads, ProgressListener progress, CancellationToken cancel)
            throws IOException {
        Path real = realDir != null ? realDir : Path.of(run.config().dataset());
        FaceSet realFaces = FaceFolders.load(real, progress, cancel);
        FaceSet generated;
        long step;
        try (RunGenerator generator = RunGenerator.open(run, checkpoint)) {
            step = generator.step();
            generated = generator.sampleFaces(seed, n, progress, cancel);
        }
        Evaluation.Settings settings = Evaluation.Settings.defaults(n, seed)
                .withModes(SyntheticDataset.hasModes(real)).withThreads(threads);
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("run", run.dir().toString());
        about.put("checkpoint_step", step);
        about.put("real_dir", real.toAbsolutePath().normalize().toString());
        return Evaluation.run(generated, realFaces, settings, run.dir().resolve(FOLDER), about, progress, cancel);
    }
}
