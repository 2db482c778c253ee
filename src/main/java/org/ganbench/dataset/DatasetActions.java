package org.ganbench.dataset;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.ganbench.common.AtomicFiles;
import org.ganbench.common.CancellationToken;
import org.ganbench.common.ProgressListener;
import org.ganbench.common.Sha256;

/**
 * What the window (and anything else driving datasets) asks of the dataset core: the crop job (detect and crop
 * faces) or the import of already-cropped faces, into {@code datasets/<folder name>}, and getting the face
 * detector's cascade. A folder added again extends its own dataset (only new images are processed). A crop that finds
 * no face leaves no empty dataset behind unless asked to. Called on a worker thread.
 */
public final class DatasetActions {
    private final Path datasetsDir;
    private final CascadeLocator locator;
    private final Path explicitCascade;

    /** {@code explicitCascade} (may be null) wins over the locator's search, as {@code --cascade} does. */
    public DatasetActions(Path datasetsDir, CascadeLocator locator, Path explicitCascade) {
        this.datasetsDir = datasetsDir;
        this.locator = locator;
        this.explicitCascade = explicitCascade;
    }

    /** The same actions on another workspace's datasets folder (File > Open workspace). */
    public DatasetActions in(Path otherDatasetsDir) {
        return new DatasetActions(otherDatasetsDir, locator, explicitCascade);
    }

    /** The cascade file; a {@link CascadeLocator.CascadeNotFoundException} lists where it was looked for. */
    public Path cascade() throws IOException {
        return locator.locate(explicitCascade);
    }

    /** True when {@link #cascade()} finds a file. */
    public boolean hasCascade() {
        try {
            cascade();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Downloads the cascade into the user cache, where {@link #cascade()} finds it next. Without a network the
     * {@link CascadeUnreachableException} says so in one sentence.
     */
    public Path fetchCascade() throws IOException {
        try {
            return CascadeFetcher.canonical().fetchInto(locator.cacheFile());
        } catch (IOException e) {
            if (isUnreachable(e)) {
                throw new CascadeUnreachableException("Could not reach " + CascadeFetcher.CANONICAL_SOURCE.getHost()
                        .replace("raw.githubusercontent.com", "github.com") + ": no network connection.", e);
            }
            throw e;
        }
    }

    private static boolean isUnreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException || t instanceof ConnectException
                    || t instanceof NoRouteToHostException || t instanceof HttpConnectTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** The cascade's server could not be reached (no network, a proxy, a firewall). */
    public static final class CascadeUnreachableException extends IOException {
        public CascadeUnreachableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Takes a cascade the user has (a download made elsewhere): checked by SHA-256 against the genuine file's hash and
     * copied into the user cache, where {@link #cascade()} finds it from now on. Returns the cached copy.
     */
    public Path useCascadeFile(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String actual = Sha256.hex(bytes);
        if (!actual.equalsIgnoreCase(CascadeFetcher.GENUINE_SHA256)) {
            throw new IOException(file.getFileName() + " is not the genuine " + CascadeLocator.FILE_NAME
                    + " (its SHA-256 is " + actual.substring(0, 12) + "…, the genuine file's is "
                    + CascadeFetcher.GENUINE_SHA256.substring(0, 12) + "…); it was not used.");
        }
        Path target = locator.cacheFile();
        AtomicFiles.write(target, out -> out.write(bytes));
        return target;
    }

    /**
     * Detects the faces of the illustrations under {@code source} and crops them. When no face is found in a folder
     * that had no dataset yet, the empty dataset is removed again unless {@code keepEmpty}.
     */
    public CropResult cropFaces(Path source, double margin, int minFace, boolean keepEmpty, ProgressListener progress,
                                CancellationToken cancel) throws IOException {
        Path cascade = cascade();
        DatasetFolder target = destination(source);
        boolean isNew = !Files.exists(target.root());
        CropResult result = finish(CropJob.detectFaces(source, target.root(), cascade, options(margin, minFace))
                .run(progress, cancel));
        if (isNew && !keepEmpty && result.facesWritten() == 0) {
            deleteTree(target.root());
        }
        return result;
    }

    /** Takes every image under {@code source} as one face (squared, resized). */
    public CropResult importFaces(Path source, ProgressListener progress, CancellationToken cancel)
            throws IOException {
        DatasetFolder target = destination(source);
        return finish(CropJob.importFaces(source, target.root(), options(0, 0)).run(progress, cancel));
    }

    /** The crop job's defaults (64 x 64 faces, as the models train on) with the user's margin and minimum size. */
    private static CropJob.Options options(double margin, int minFace) {
        CropJob.Options d = CropJob.Options.DEFAULTS;
        return new CropJob.Options(margin, minFace, d.size(), d.threads(), d.duplicateThreshold(),
                d.maxPixels(), d.detection());
    }

    /** Refuses a folder without images before a dataset folder is made for it. */
    private DatasetFolder destination(Path source) throws IOException {
        DatasetFolder target = DatasetFolder.forSource(datasetsDir, source);
        if (SourceFiles.scan(source, target.root()).files().isEmpty()) {
            throw new IOException("no images (JPEG, PNG, WebP, BMP, GIF) in " + source);
        }
        return target;
    }

    /** A cancelled job keeps the faces done so far (adding the folder again resumes), but is no success. */
    private static CropResult finish(CropResult result) {
        if (result.cancelled()) {
            throw new CancellationException("cancelled; " + result.facesWritten() + " faces kept in "
                    + result.dataset());
        }
        return result;
    }

    /** Removes a dataset folder this job made (nothing else was ever in it). */
    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
