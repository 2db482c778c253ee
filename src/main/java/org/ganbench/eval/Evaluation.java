package org.ganbench.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.ganbench.common.AtomicFiles;
import org.ganbench.common.CancellationToken;
import org.ganbench.common.Images;
import org.ganbench.common.LowPriority;
import org.ganbench.common.ProgressListener;
import org.ganbench.dataset.FaceSet;

/**
 * Every metric for generated faces against real ones, written to {@code eval.json} (each metric with the sample
 * counts it used) and pictures beside it. Takes the generated faces as a {@link FaceSet}, so that a folder of images,
 * a run's generator or a checkpoint sampled on another thread can all be evaluated the same way.
 *
 * <p>Values that are undefined for the input (a ratio over a zero median) are written as JSON null with a note, never
 * as NaN.
 */
public final class Evaluation {
    public static final String JSON = "eval.json";
    public static final String NEAREST_PNG = "nearest_training.png";
    public static final String BIRTHDAY_PNG = "birthday_pairs.png";
    /** Rows in the pictures. */
    private static final int PICTURE_ROWS = 16;

    /**
     * @param n                    faces drawn from each set for SWD, MS-SSIM and the random-network metrics
     * @param msSsimPairs          random pairs per set for MS-SSIM
     * @param memorisationSamples  generated (and real) faces searched against the whole real set
     * @param birthdaySamples      generated (and real) faces among which the closest pairs are sought
     * @param modes                also count synthetic modes (the real set is a synthetic dataset)
     * @param threads              worker threads; 0 for all cores. Evaluating beside a running training should
     *                             use 1 so as not to slow it down: a capped evaluation also runs at the lowest
     *                             priority (see {@link LowPriority})
     */
    public record Settings(int n, int msSsimPairs, int memorisationSamples, int birthdaySamples, boolean modes,
                           long seed, int threads) {
        public Settings {
            if (n < 2 || msSsimPairs < 1 || memorisationSamples < 1 || birthdaySamples < 2 || threads < 0) {
                throw new IllegalArgumentException("evaluation needs n >= 2, at least 1 MS-SSIM pair, 1 memorisation"
                        + " sample, 2 birthday samples and a thread count >= 0");
            }
        }

        public static Settings defaults(int n, long seed) {
            return new Settings(n, 1000, 256, 512, false, seed, 0);
        }

        public Settings withModes(boolean modes) {
            return new Settings(n, msSsimPairs, memorisationSamples, birthdaySamples, modes, seed, threads);
        }

        public Settings withThreads(int threads) {
            return new Settings(n, msSsimPairs, memorisationSamples, birthdaySamples, modes, seed, threads);
        }
    }

    private Evaluation() {
    }

    /**
     * Evaluates {@code generated} against {@code real} and writes {@code eval.json} and the PNGs into {@code outDir}.
     * Returns the report as written (an ordered map of plain values).
     */
    public static Map<String, Object> run(FaceSet generated, FaceSet real, Settings settings, Path outDir,
                                          ProgressListener progress, CancellationToken cancel) throws IOException {
        return run(generated, real, settings, outDir, Map.of(), progress, cancel);
    }

    /**
     * As {@link #run(FaceSet, FaceSet, Settings, Path, ProgressListener, CancellationToken)}, with {@code about}
     * (where the faces came from: a run, its checkpoint step, ...) written first in eval.json.
     */
    public static Map<String, Object> run(FaceSet generated, FaceSet real, Settings settings, Path outDir,
                                          Map<String, Object> about, ProgressListener progress,
                                          CancellationToken cancel) throws IOException {
        return withThreads(settings.threads(), () -> evaluate(generated, real, settings, outDir, about, progress, cancel));
    }

    /** A job that may fail with an IOException. */
    @FunctionalInterface
    interface Job<T> {
        T call() throws IOException;
    }

    /**
     * Runs {@code job} with its parallel streams on {@code threads} threads of the lowest priority (a capped
     * evaluation is one beside a training, which must not slow it); 0 for the common pool (every core).
     */
    static <T> T withThreads(int threads, Job<T> job) throws IOException {
        if (threads == 0) {
            return job.call();
        }
        // Parallel streams started inside a ForkJoinPool run in that pool: this caps every metric's threads.
        ForkJoinPool pool = LowPriority.pool(threads);
        try {
            return pool.submit(job::call).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    private static Map<String, Object> evaluate(FaceSet generated, FaceSet real, Settings settings, Path outDir,
                                                Map<String, Object> about, ProgressListener progress,
                                                CancellationToken cancel)
            throws IOException {
        if (generated.side() != real.side()) {
            throw new IllegalArgumentException("generated faces are " + generated.side() + " px but real faces "
                    + real.side() + " px");
        }
        if (generated.count() < 2 || real.count() < 2) {
            throw new IllegalArgumentException("evaluation needs at least 2 generated and 2 real faces, got "
                    + generated.count() + " and " + real.count());
        }
        int m = Math.min(settings.n(), Math.min(generated.count(), real.count()));
        FaceSet gen = FaceFolders.sample(generated, m, settings.seed());
        FaceSet ref = FaceFolders.sample(real, m, settings.seed() + 1);
        Map<String, Object> report = new LinkedHashMap<>(about);
        report.put("generated_faces", generated.count());
        report.put("real_faces", real.count());
        report.put("seed", settings.seed());
        if (m < settings.n()) {
            report.put("note", "fewer faces than asked (" + settings.n() + "): metrics use " + m + " from each set");
        }

        List<String> warnings = new ArrayList<>();
        SlicedWasserstein.Result swd = SlicedWasserstein.compute(gen, ref, settings.seed(), progress, cancel);
        Map<String, Object> swdJson = new LinkedHashMap<>();
        warn(swdJson, SampleSizes.SWD, m, warnings);
        swdJson.put("images", swd.images());
        swdJson.put("levels", swd.levels());
        swdJson.put("mean", swd.mean());
        report.put("swd", swdJson);

        progress.progress(0, 2, "MS-SSIM");
        MsSsim.Diversity msGen = MsSsim.diversity(gen, settings.msSsimPairs(), settings.seed(), cancel);
        progress.progress(1, 2, "MS-SSIM");
        MsSsim.Diversity msReal = MsSsim.diversity(ref, settings.msSsimPairs(), settings.seed(), cancel);
        progress.progress(2, 2, "MS-SSIM");
        Map<String, Object> msJson = ordered(
                "generated", ordered("mean", msGen.mean(), "pairs", msGen.pairs(), "images", gen.count()),
                "real", ordered("mean", msReal.mean(), "pairs", msReal.pairs(), "images", ref.count()));
        warn(msJson, SampleSizes.MS_SSIM, m, warnings);
        report.put("ms_ssim", msJson);

        Map<String, Object> features = randomFeatures(gen, ref, progress, cancel);
        warn(features, SampleSizes.FRECHET, m, warnings);
        report.put("random_features", features);
        Map<String, Object> memorisation = memorisation(generated, real, settings, outDir, progress, cancel);
        warn(memorisation, SampleSizes.MEMORISATION, real.count(), warnings);
        report.put("memorisation", memorisation);
        Map<String, Object> birthday = birthday(generated, real, settings, outDir, progress, cancel);
        warn(birthday, SampleSizes.BIRTHDAY, Math.min(generated.count(), settings.birthdaySamples()), warnings);
        report.put("birthday", birthday);
        if (settings.modes()) {
            report.put("modes", ordered("generated", modes(ModeCoverage.of(gen)), "real", modes(ModeCoverage.of(ref))));
        }
        if (!warnings.isEmpty()) {
            report.put("warnings", warnings);
        }
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        AtomicFiles.write(outDir.resolve(JSON), out -> json.writeValue(nonClosing(out), report));
        return report;
    }

    private static Map<String, Object> randomFeatures(FaceSet gen, FaceSet ref, ProgressListener progress,
                                                      CancellationToken cancel) {
        float[] fg = RandomFeatures.extract(gen, progress, cancel);
        float[] fr = RandomFeatures.extract(ref, progress, cancel);
        int d = RandomFeatures.DIM;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("network", "random CNN, 4 conv 3x3 stride 2 + ReLU, 256 features, fixed seed");
        out.put("generated", gen.count());
        out.put("real", ref.count());
        out.put("frechet_distance", FeatureMetrics.frechetDistance(fg, fr, d));
        out.put("kid", FeatureMetrics.kernelInceptionDistance(fg, fr, d, cancel));
        if (Math.min(gen.count(), ref.count()) > FeatureMetrics.PRDC_K) {
            FeatureMetrics.Prdc prdc = FeatureMetrics.prdc(fr, fg, d, cancel);
            out.put("precision", prdc.precision());
            out.put("recall", prdc.recall());
            out.put("density", prdc.density());
            out.put("coverage", prdc.coverage());
            out.put("k", prdc.k());
        } else {
            out.put("prdc_note", "precision/recall/density/coverage need more than " + FeatureMetrics.PRDC_K
                    + " faces per set");
        }
        return out;
    }

    private static Map<String, Object> memorisation(FaceSet generated, FaceSet real, Settings settings, Path outDir,
                                                    ProgressListener progress, CancellationToken cancel)
            throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        if (real.count() < Memorisation.SHOWN_NEIGHBOURS + 1) {
            out.put("note", "needs at least " + (Memorisation.SHOWN_NEIGHBOURS + 1) + " real faces");
            return out;
        }
        FaceSet samples = FaceFolders.sample(generated, settings.memorisationSamples(), settings.seed() + 2);
        int[] realQueries = FaceFolders.sampleIndices(real.count(), settings.memorisationSamples(), settings.seed() + 3);
        Memorisation.Analysis analysis = Memorisation.analyse(samples, real, realQueries, progress, cancel);
        Memorisation s = analysis.summary();
        out.put("generated", s.samples());
        out.put("real_queries", realQueries.length);
        out.put("training_faces", s.training());
        out.put("copied_fraction", s.copiedFraction());
        out.put("copied_fraction_real", s.realCopiedFraction());
        out.put("copied_means", "share of samples at most " + Memorisation.COPY_RATIO + " times as far from their"
                + " nearest training face as from the second nearest; 0 unless the generator copies (compare"
                + " copied_fraction_real: duplicates within the training set)");
        out.put("median_nearest_to_second", s.medianNearestToSecond());
        out.put("median_nearest_to_second_real", s.medianRealNearestToSecond());
        out.put("distance", "RMS pixel difference per colour value (0..255)");
        out.put("median_generated_to_training", s.medianGenerated());
        out.put("median_real_to_training", s.medianReal());
        Images.writePng(analysis.picture(samples, real, PICTURE_ROWS), outDir.resolve(NEAREST_PNG));
        out.put("picture", NEAREST_PNG);
        return out;
    }

    private static Map<String, Object> birthday(FaceSet generated, FaceSet real, Settings settings, Path outDir,
                                                ProgressListener progress, CancellationToken cancel)
            throws IOException {
        FaceSet gen = FaceFolders.sample(generated, settings.birthdaySamples(), settings.seed() + 4);
        FaceSet ref = FaceFolders.sample(real, settings.birthdaySamples(), settings.seed() + 5);
        List<BirthdayCheck.Pair> pairs = BirthdayCheck.closestPairs(gen, PICTURE_ROWS, progress, cancel);
        List<BirthdayCheck.Pair> realPairs = BirthdayCheck.closestPairs(ref, 1, progress, cancel);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("samples", gen.count());
        out.put("real_samples", ref.count());
        out.put("closest_generated_pair", pairs.get(0).distance());
        out.put("closest_real_pair", realPairs.get(0).distance());
        List<Map<String, Object>> list = new ArrayList<>();
        for (BirthdayCheck.Pair p : pairs) {
            list.add(ordered("first", gen.name(p.first()), "second", gen.name(p.second()), "distance", p.distance()));
        }
        out.put("closest_pairs", list);
        Images.writePng(BirthdayCheck.picture(gen, pairs), outDir.resolve(BIRTHDAY_PNG));
        out.put("picture", BIRTHDAY_PNG);
        return out;
    }

    /** Records a too-small sample in the figure's own section and in the report's list of warnings. */
    private static void warn(Map<String, Object> section, SampleSizes figure, int images, List<String> warnings) {
        figure.warning(images).ifPresent(w -> {
            section.put("warning", w);
            warnings.add(w);
        });
    }

    /** The warnings of a report (too few images for a figure), empty when there are none. */
    @SuppressWarnings("unchecked")
    public static List<String> warnings(Map<String, Object> report) {
        return (List<String>) report.getOrDefault("warnings", List.of());
    }

    private static Map<String, Object> modes(ModeCoverage c) {
        return ordered("samples", c.samples(), "modes_covered", c.modesCovered(), "modes_total", SyntheticFaces.MODES,
                "kl_from_uniform", c.klFromUniform());
    }

    /** A map that keeps its keys in the order given, so that eval.json reads the same every time. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** Jackson closes the stream it writes to; AtomicFiles must close (and sync) it itself. */
    private static java.io.OutputStream nonClosing(java.io.OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
