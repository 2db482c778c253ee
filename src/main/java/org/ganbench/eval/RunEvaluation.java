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
    /** Where an evaluation of G as trained goes when the run keeps a weight average (which {@link #FOLDER} scores). */
    public static final String RAW_FOLDER = "eval-raw";

    private RunEvaluation() {
    }

    /**
     * @param realDir    real faces to compare with (a dataset or image folder); null for the run's own dataset
     * @param checkpoint checkpoint step to sample; null for the newest
     * @param raw        G as trained, even when the run keeps a moving average of its weights (which is the default)
     * @param threads    evaluation threads, 0 for every core
     * @return the report written to {@code eval/eval.json}
     */
    public static Map<String, Object> run(RunFolder run, Path realDir, Long checkpoint, boolean raw, int n, long seed,
                                          int threads, ProgressListener progress, CancellationToken cancel)
            throws IOException {
        // Loading and generating run in the capped, low-priority threads too, not only the metrics.
        return Evaluation.withThreads(threads, () -> evaluate(run, realDir, checkpoint, raw, n, seed, threads,
                progress, cancel));
    }

    /** The folder of {@code eval.json}: {@link #RAW_FOLDER} for G as trained beside an average, else {@link #FOLDER}. */
    public static Path folder(RunFolder run, boolean raw) throws IOException {
        return run.dir().resolve(raw && run.config().training().emaDecay() > 0 ? RAW_FOLDER : FOLDER);
    }

    private static Map<String, Object> evaluate(RunFolder run, Path realDir, Long checkpoint, boolean raw, int n,
                                                long seed, int threads, ProgressListener progress,
                                                CancellationToken cancel) throws IOException {
        Path real = realDir != null ? realDir : Path.of(run.config().dataset());
        FaceSet realFaces = FaceFolders.load(real, progress, cancel);
        FaceSet generated;
        long step;
        boolean averaged;
        try (RunGenerator generator = RunGenerator.open(run, checkpoint, raw)) {
            step = generator.step();
            averaged = generator.averaged();
            generated = generator.sampleFaces(seed, n, progress, cancel);
        }
        Evaluation.Settings settings = Evaluation.Settings.defaults(n, seed)
                .withModes(SyntheticDataset.hasModes(real)).withThreads(threads);
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("run", run.dir().toString());
        about.put("checkpoint_step", step);
        about.put("generator", averaged ? "weight average (EMA " + run.config().training().emaDecay() + ")"
                : "as trained");
        about.put("real_dir", real.toAbsolutePath().normalize().toString());
        return Evaluation.run(generated, realFaces, settings, folder(run, raw), about, progress, cancel);
    }
}
