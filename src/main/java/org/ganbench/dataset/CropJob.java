package org.ganbench.dataset;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.ganbench.common.AtomicFiles;
import org.ganbench.common.CancellationToken;
import org.ganbench.common.ProgressListener;
import org.ganbench.common.Sha256;

/**
 * Builds or extends a face dataset from a folder of images, in parallel: either detecting faces in illustrations
 * and cropping them ({@link #detectFaces}), or taking already-cropped faces ({@link #importFaces}). Sources already
 * processed (by SHA-256) are skipped, so a re-run only does new work; sources are only read. Results are committed
 * in input order, so the manifest and the choice of which near-duplicate is kept do not depend on thread timing.
 * Meant to run on a background thread; progress goes to a {@link ProgressListener}, cancellation comes from a
 * {@link CancellationToken}.
 */
public final class CropJob {
    private static final long FLUSH_INTERVAL_MILLIS = 2_000;
    private static final int MIN_IMPORT_SIDE = 8;

    /**
     * @param margin             fraction of the face box added on each side
     * @param minFace            faces (detector box side, or imported image side) below this many pixels are skipped
     * @param size               side of the written faces
     * @param threads            worker threads
     * @param duplicateThreshold faces whose perceptual hashes differ in at most this many of 64 bits are duplicates
     *                           (-1 turns the check off)
     * @param maxPixels          larger images are refused from their header, before decoding
     */
    public record Options(double margin, int minFace, int size, int threads, int duplicateThreshold, long maxPixels,
                          DetectionParams detection) {
        /**
         * Hashes differ in an even number of bits (each has 32 set); on getchu64, 4 flags variants of the same picture
         * (expressions, re-encodes), while at 6 different characters drawn alike start to collide.
         */
        public static final int DEFAULT_DUPLICATE_THRESHOLD = 4;
        public static final Options DEFAULTS = new Options(0.25, 0, 64, Runtime.getRuntime().availableProcessors(),
                DEFAULT_DUPLICATE_THRESHOLD, ImageDecoder.DEFAULT_MAX_PIXELS, DetectionParams.RECIPE);

        public Options {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, was " + threads);
            }
            if (minFace < 0) {
                throw new IllegalArgumentException("min face must be 0 or more, was " + minFace);
            }
            if (duplicateThreshold < -1 || duplicateThreshold > 64) {
                throw new IllegalArgumentException("duplicate threshold must be between -1 (off) and 64, was "
                        + duplicateThreshold);
            }
            new FaceCropper(margin, size); // validates margin and size
        }
    }

    private final Path input;
    private final DatasetFolder dataset;
    private final Path cascade;
    private final Options options;

    private CropJob(Path input, Path datasetDir, Path cascade, Options options) {
        this.input = input;
        this.dataset = new DatasetFolder(datasetDir.toAbsolutePath().normalize());
        this.cascade = cascade;
        this.options = options;
    }

    /** Detects faces in the images under {@code input} with {@code cascade} and crops them into the dataset. */
    public static CropJob detectFaces(Path input, Path datasetDir, Path cascade, Options options) {
        return new CropJob(input, datasetDir, cascade, options);
    }

    /** Takes every image under {@code input} as one face (squared and resized to the dataset's size). */
    public static CropJob importFaces(Path input, Path datasetDir, Options options) {
        return new CropJob(input, datasetDir, null, options);
    }

    /** Runs the job to the end or until cancelled; per-file problems are reported in the result, not thrown. */
    public CropResult run(ProgressListener progress, CancellationToken cancel) throws IOException {
        long start = System.nanoTime();
        dataset.prepareForWriting();
        if (cascade != null) {
            new FaceDetector(cascade, options.detection()).close(); // a bad cascade fails now, not once per file
        }
        SourceFiles sources = SourceFiles.scan(input, dataset.root());
        Committer committer = new Committer(sources.files().size(), start, progress);
        sources.failures().forEach(committer::failedOutsideRun);
        ConcurrentLinkedQueue<FaceDetector> detectors = new ConcurrentLinkedQueue<>();
        // One worker: OpenCV's own pool (one thread per core) runs inside detectMultiScale, as in the Python
        // reference and a plain OpenCV loop. Several workers: none, so that --threads N uses N cores; there OpenCV's
        // pool slowed detection on danbooru256 (14.5-18 s against 6-10 s: it spins while waiting for busy cores).
        int openCvThreads = opencv_core.getNumThreads();
        opencv_core.setNumThreads(options.threads() == 1 ? -1 : 1); // -1: OpenCV's default
        // Readers read, hash and decode ahead of the workers so that a worker's core never waits for decoding; when
        // detecting, decoding is about a tenth of an image's time, so one reader keeps up with four workers.
        int readerCount = cascade == null ? options.threads() : (options.threads() + 3) / 4;
        ExecutorService readers = daemonPool(readerCount, "crop-reader");
        ExecutorService workers = daemonPool(options.threads(), "crop-worker");
        // Images decoded or being decoded at once: one per worker and one per reader (one image of read-ahead).
        Semaphore inMemory = new Semaphore(options.threads() + readerCount);
        ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(daemon("crop-manifest"));
        flusher.scheduleWithFixedDelay(committer::flush, FLUSH_INTERVAL_MILLIS, FLUSH_INTERVAL_MILLIS,
                TimeUnit.MILLISECONDS);
        boolean interrupted = false;
        try {
            // Largest files first, so that one big image does not run alone at the end while other cores idle;
            // results are still committed in input order.
            List<Path> files = sources.files();
            for (int index : largestFirst(files)) {
                try {
                    inMemory.acquire();
                } catch (InterruptedException e) {
                    interrupted = true;
                    cancel.cancel();
                }
                if (cancel.isCancelled()) {
                    break;
                }
                Path file = files.get(index);
                readers.execute(() -> {
                    boolean handedOver = false;
                    try {
                        Loaded loaded = load(file, sources.relative(file), committer, cancel);
                        if (loaded.early() != null) {
                            committer.accept(index, loaded.early());
                        } else {
                            workers.execute(() -> {
                                try {
                                    committer.accept(index, faces(loaded, committer, detectors, cancel));
                                } finally {
                                    inMemory.release();
                                }
                            });
                            handedOver = true;
                        }
                    } finally {
                        if (!handedOver) {
                            inMemory.release();
                        }
                    }
                });
            }
            readers.shutdown();
            interrupted |= awaitTermination(readers, cancel); // readers hand work to the workers until they end
            workers.shutdown();
            interrupted |= awaitTermination(workers, cancel);
            flusher.shutdown(); // lets a flush under way finish
            interrupted |= awaitTermination(flusher, cancel);
        } finally {
            detectors.forEach(FaceDetector::close);
            opencv_core.setNumThreads(openCvThreads);
        }
        CropResult result = committer.finish(cancel.isCancelled(), sources.files().size(), System.nanoTime() - start);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return result;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    private static ExecutorService daemonPool(int threads, String name) {
        return Executors.newFixedThreadPool(threads, daemon(name));
    }

    /**
     * Waits for a pool to end, even when interrupted (an interrupt cancels the job instead): a worker inside native
     * detection cannot be stopped, and its detector must not be freed under it. True when it was interrupted.
     */
    private static boolean awaitTermination(ExecutorService pool, CancellationToken cancel) {
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.SECONDS)) {
                    return interrupted;
                }
            } catch (InterruptedException e) {
                interrupted = true;
                cancel.cancel();
            }
        }
    }

    private static List<Integer> largestFirst(List<Path> files) {
        long[] sizes = new long[files.size()];
        for (int i = 0; i < sizes.length; i++) {
            try {
                sizes[i] = Files.size(files.get(i));
            } catch (IOException e) {
                sizes[i] = 0; // reported when the worker reads it
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            order.add(i);
        }
        order.sort((a, b) -> Long.compare(sizes[b], sizes[a]));
        return order;
    }

    /** What happened to one source file. */
    private record Outcome(String source, String sha256, List<ManifestRow> faces, int skippedSmall, String failure,
                           boolean alreadyDone, boolean cancelled) {
        static Outcome failed(String source, String reason) {
            return new Outcome(source, "", List.of(), 0, reason, false, false);
        }

        static Outcome cancelled(String source) {
            return new Outcome(source, "", List.of(), 0, null, false, true);
        }
    }

    /** A source read and decoded by a reader, or the outcome that ends it there (failed, already done, cancelled). */
    private record Loaded(String source, String sha256, Mat image, Outcome early) {
        static Loaded ended(Outcome outcome) {
            return new Loaded(outcome.source(), outcome.sha256(), null, outcome);
        }
    }

    private Loaded load(Path file, String source, Committer committer, CancellationToken cancel) {
        if (cancel.isCancelled()) {
            return Loaded.ended(Outcome.cancelled(source));
        }
        try {
            byte[] data = ImageDecoder.readFile(file);
            String sha = Sha256.hex(data);
            if (!committer.claim(sha)) {
                return Loaded.ended(new Outcome(source, sha, List.of(), 0, null, true, false));
            }
            return new Loaded(source, sha, new ImageDecoder(options.maxPixels()).decodeBgr(data), null);
        } catch (BadImageException e) {
            return Loaded.ended(Outcome.failed(source, e.getMessage()));
        } catch (RuntimeException e) {
            return Loaded.ended(Outcome.failed(source, "unexpected error: " + e));
        }
    }

    /** Detects (or imports) and writes the faces of a decoded source, and frees its image. */
    private Outcome faces(Loaded loaded, Committer committer, ConcurrentLinkedQueue<FaceDetector> detectors,
                          CancellationToken cancel) {
        String source = loaded.source();
        try (Mat bgr = loaded.image()) {
            if (cancel.isCancelled()) {
                return Outcome.cancelled(source);
            }
            return cascade == null ? importFace(bgr, source, loaded.sha256(), committer)
                    : cropFaces(bgr, source, loaded.sha256(), detectors, committer);
        } catch (BadImageException e) {
            return Outcome.failed(source, e.getMessage());
        } catch (IOException e) {
            return Outcome.failed(source, "cannot write a face: " + DatasetFolder.describe(e));
        } catch (RuntimeException e) {
            return Outcome.failed(source, "unexpected error: " + e);
        }
    }

    private Outcome cropFaces(Mat bgr, String source, String sha, ConcurrentLinkedQueue<FaceDetector> pool,
                              Committer committer) throws IOException, BadImageException {
        int minSize = options.detection().minSize();
        if (bgr.cols() < minSize || bgr.rows() < minSize) {
            throw new BadImageException("image is " + bgr.cols() + "x" + bgr.rows()
                    + ", smaller than the smallest detectable face (" + minSize + " px)");
        }
        FaceDetector detector = pool.poll();
        if (detector == null) {
            detector = new FaceDetector(cascade, options.detection());
        }
        List<FaceBox> boxes;
        try {
            boxes = detector.detect(bgr);
        } finally {
            pool.add(detector);
        }
        FaceCropper cropper = new FaceCropper(options.margin(), options.size());
        List<ManifestRow> rows = new ArrayList<>();
        int small = 0;
        for (FaceBox box : boxes) {
            if (Math.min(box.w(), box.h()) < options.minFace()) {
                small++;
                continue;
            }
            FaceBox region = cropper.cropBox(box);
            try (Mat face = cropper.crop(bgr, region)) {
                rows.add(writeFace(face, faceName(sha, rows.size()), source, box, region, sha, committer));
            }
        }
        return new Outcome(source, sha, rows, small, null, false, false);
    }

    private Outcome importFace(Mat bgr, String source, String sha, Committer committer)
            throws IOException, BadImageException {
        int side = Math.min(bgr.cols(), bgr.rows());
        if (side < MIN_IMPORT_SIDE) {
            throw new BadImageException("image is " + bgr.cols() + "x" + bgr.rows() + ", too small to be a face");
        }
        if (side < options.minFace()) {
            return new Outcome(source, sha, List.of(), 1, null, false, false);
        }
        FaceCropper cropper = new FaceCropper(0, options.size());
        FaceBox whole = new FaceBox(0, 0, bgr.cols(), bgr.rows());
        FaceBox region = new FaceBox((bgr.cols() - side) / 2, (bgr.rows() - side) / 2, side, side);
        try (Mat face = cropper.crop(bgr, region)) {
            return new Outcome(source, sha, List.of(writeFace(face, faceName(sha, 0), source, whole, region, sha,
                    committer)), 0, null, false, false);
        }
    }

    private ManifestRow writeFace(Mat face, String name, String source, FaceBox detection, FaceBox region, String sha,
                                  Committer committer) throws IOException {
        byte[] png;
        try (BytePointer buffer = new BytePointer()) {
            if (!imencode(".png", face, buffer)) {
                throw new IOException("PNG encoding failed");
            }
            png = new byte[(int) buffer.limit()];
            buffer.get(png);
        }
        Path file = dataset.faces().resolve(name);
        AtomicFiles.writeWithDeferredSync(file, png);
        committer.facesToSync.add(file);
        return new ManifestRow(name, source, detection, region, sha, PerceptualHash.toHex(hash(face)), "");
    }

    /** The perceptual hash of a BGR face. */
    static long hash(Mat bgrFace) {
        try (Mat gray = new Mat(); Mat thumb = new Mat(); Size side = new Size(PerceptualHash.SIDE, PerceptualHash.SIDE)) {
            cvtColor(bgrFace, gray, COLOR_BGR2GRAY);
            resize(gray, thumb, side, 0, 0, INTER_AREA);
            byte[] pixels = new byte[PerceptualHash.SIDE * PerceptualHash.SIDE];
            thumb.data().get(pixels);
            return PerceptualHash.of(pixels);
        }
    }

    // Stable names: the same source always yields the same file names, so an interrupted run is simply redone.
    private static String faceName(String sha, int k) {
        return sha.substring(0, 16) + "_" + k + ".png";
    }

    /**
     * Collects outcomes, applies them in input order (near-duplicate search, manifest, processed sources); the
     * manifest is written every few seconds (by {@link #flush}, on its own thread), so that a crash loses little and
     * an interrupted run resumes.
     */
    private final class Committer {
        private final Map<Integer, Outcome> pending = new HashMap<>();
        private final List<ManifestRow> rows;
        private final List<List<String>> sourceRows = new ArrayList<>();
        private final Set<String> claimed = ConcurrentHashMap.newKeySet();
        private final List<Long> keptHashes = new ArrayList<>();
        private final List<String> keptNames = new ArrayList<>();
        private final List<SourceFiles.Failure> failures = Collections.synchronizedList(new ArrayList<>());
        private final AtomicInteger completed = new AtomicInteger();
        /** Faces written but not yet forced to disk; the manifest names none of them until they are. */
        private final Queue<Path> facesToSync = new ConcurrentLinkedQueue<>();
        private final int total;
        private final long start;
        private final ProgressListener progress;
        private int next;
        private int imagesRead;
        private int alreadyDone;
        private int facesWritten;
        private int duplicates;
        private int skippedSmall;
        private int imagesWithoutFaces;
        private int facesSoFar;
        private volatile IOException flushError;

        Committer(int total, long start, ProgressListener progress) throws IOException {
            this.total = total;
            this.start = start;
            this.progress = progress;
            this.rows = new ArrayList<>(dataset.readManifest());
            checkFaceSize(rows);
            for (ManifestRow row : rows) {
                if (!row.isDuplicate()) {
                    keep(row);
                }
            }
            Map<String, String> done = dataset.readSources();
            claimed.addAll(done.keySet());
            Map<String, Integer> facesPerSource = new LinkedHashMap<>();
            rows.forEach(r -> facesPerSource.merge(r.sourceSha256(), 1, Integer::sum));
            done.forEach((sha, source) -> sourceRows.add(List.of(sha, source,
                    Integer.toString(facesPerSource.getOrDefault(sha, 0)))));
        }

        /** A dataset holds faces of one size: adding faces of another would break training. */
        private void checkFaceSize(List<ManifestRow> existing) throws IOException {
            for (ManifestRow row : existing) {
                Path face = dataset.faces().resolve(row.face());
                if (Files.isRegularFile(face)) {
                    int side = new ImageDecoder(Long.MAX_VALUE).headerOf(face).width();
                    if (side != options.size()) {
                        throw new IOException("dataset " + dataset.root() + " holds " + side + " px faces, not "
                                + options.size() + ": use --size " + side + " or another dataset");
                    }
                    return;
                }
            }
        }

        /** True for the first file with this content, in this run or any earlier one. */
        boolean claim(String sha) {
            return claimed.add(sha);
        }

        void failedOutsideRun(SourceFiles.Failure failure) {
            failures.add(failure);
        }

        synchronized void accept(int index, Outcome outcome) {
            facesSoFar += outcome.faces().size(); // progress counts faces as they come, not as they are committed
            pending.put(index, outcome);
            while (pending.containsKey(next)) {
                apply(pending.remove(next++));
            }
            int done = completed.incrementAndGet();
            double seconds = (System.nanoTime() - start) / 1e9;
            progress.progress(done, total, String.format("%d/%d images, %d faces, %.1f faces/s", done, total,
                    facesSoFar, seconds > 0 ? facesSoFar / seconds : 0));
        }

        private void apply(Outcome o) {
            if (o.cancelled()) {
                return;
            }
            if (o.failure() != null) {
                failures.add(new SourceFiles.Failure(o.source(), o.failure()));
                return;
            }
            if (o.alreadyDone()) {
                alreadyDone++;
                return;
            }
            imagesRead++;
            skippedSmall += o.skippedSmall();
            if (o.faces().isEmpty() && o.skippedSmall() == 0) {
                imagesWithoutFaces++;
            }
            for (ManifestRow row : o.faces()) {
                String original = findOriginal(PerceptualHash.fromHex(row.phash()));
                if (original == null) {
                    keep(row);
                    rows.add(row);
                } else {
                    rows.add(row.withDuplicateOf(original));
                    duplicates++;
                }
                facesWritten++;
            }
            sourceRows.add(List.of(o.sha256(), o.source(), Integer.toString(o.faces().size())));
        }

        private String findOriginal(long hash) {
            if (options.duplicateThreshold() < 0) {
                return null;
            }
            for (int i = 0; i < keptHashes.size(); i++) {
                if (PerceptualHash.distance(keptHashes.get(i), hash) <= options.duplicateThreshold()) {
                    return keptNames.get(i);
                }
            }
            return null;
        }

        private void keep(ManifestRow row) {
            keptHashes.add(PerceptualHash.fromHex(row.phash()));
            keptNames.add(row.face());
        }

        /** Writes the manifest and the processed sources as applied so far; called by one thread at a time. */
        void flush() {
            List<ManifestRow> rowsNow;
            List<List<String>> sourcesNow;
            synchronized (this) {
                rowsNow = new ArrayList<>(rows);
                sourcesNow = new ArrayList<>(sourceRows);
            }
            // A face is queued before its outcome is accepted, so every face the copied rows name is queued by now.
            List<Path> written = new ArrayList<>();
            for (Path face = facesToSync.poll(); face != null; face = facesToSync.poll()) {
                written.add(face);
            }
            try {
                AtomicFiles.forceToDisk(written);
            } catch (IOException e) {
                facesToSync.addAll(written);
                flushError = e;
                return;
            }
            try {
                dataset.writeManifest(rowsNow);
                dataset.writeSources(sourcesNow);
            } catch (IOException e) {
                flushError = e;
            }
        }

        synchronized CropResult finish(boolean cancelled, int found, long nanos) throws IOException {
            // After a cancel, outcomes behind a gap are still complete: keep them.
            new java.util.TreeMap<>(pending).values().forEach(this::apply);
            pending.clear();
            flush();
            if (flushError != null) {
                throw new IOException("cannot write the manifest in " + dataset.root() + ": "
                        + DatasetFolder.describe(flushError), flushError);
            }
            CropResult result = new CropResult(dataset.root(), found, imagesRead, alreadyDone, facesWritten,
                    duplicates, skippedSmall, imagesWithoutFaces, failures, cancelled, nanos / 1e9);
            writeReport(result);
            return result;
        }
    }

    private void writeReport(CropResult result) throws IOException {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("input", input.toAbsolutePath().normalize().toString());
        report.put("mode", cascade == null ? "import" : "crop");
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("margin", options.margin());
        settings.put("min_face", options.minFace());
        settings.put("size", options.size());
        settings.put("threads", options.threads());
        settings.put("dup_threshold", options.duplicateThreshold());
        settings.put("max_pixels", options.maxPixels());
        settings.put("scale_factor", options.detection().scaleFactor());
        settings.put("min_neighbors", options.detection().minNeighbors());
        settings.put("min_size", options.detection().minSize());
        report.put("options", settings);
        report.put("images_found", result.imagesFound());
        report.put("images_read", result.imagesRead());
        report.put("already_done", result.alreadyDone());
        report.put("faces_written", result.facesWritten());
        report.put("duplicates", result.duplicates());
        report.put("skipped_small_faces", result.skippedSmall());
        report.put("images_without_faces", result.imagesWithoutFaces());
        report.put("cancelled", result.cancelled());
        report.put("seconds", result.seconds());
        report.put("faces_per_second", result.facesPerSecond());
        List<Map<String, String>> failed = new ArrayList<>();
        for (SourceFiles.Failure f : result.failures()) {
            failed.add(Map.of("source", f.source(), "reason", f.reason()));
        }
        report.put("failures", failed);
        ObjectMapper json = new ObjectMapper();
        byte[] text = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(report); // Jackson would close the stream
        AtomicFiles.write(dataset.report(), out -> out.write(text));
    }
}
