package org.ganbench.dataset;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.ganbench.common.CancellationToken;
import org.ganbench.common.Images;
import org.ganbench.common.ProgressListener;

/**
 * Square faces held in memory as packed RGB bytes (50,000 faces at 64x64 are 600 MB), the form in which training
 * and evaluation read a dataset. Immutable.
 */
public final class FaceSet {
    private final int side;
    private final byte[] pixels;
    private final List<String> names;

    public FaceSet(int side, byte[] pixels, List<String> names) {
        if (pixels.length != (long) names.size() * side * side * 3) {
            throw new IllegalArgumentException("pixel buffer does not hold " + names.size() + " faces of " + side + "px");
        }
        this.side = side;
        this.pixels = pixels;
        this.names = List.copyOf(names);
    }

    /** Number of faces. */
    public int count() {
        return names.size();
    }

    /** Width and height of every face in pixels. */
    public int side() {
        return side;
    }

    /** Bytes of one face: side * side * 3. */
    public int faceBytes() {
        return side * side * 3;
    }

    /** Name of face {@code i} (its file path relative to the folder it was loaded from). */
    public String name(int i) {
        return names.get(i);
    }

    /** The shared pixel buffer; face {@code i} starts at {@code i * faceBytes()}. Callers must not write to it. */
    public byte[] pixels() {
        return pixels;
    }

    public BufferedImage image(int i) {
        return Images.fromRgb(pixels, i * faceBytes(), side, side);
    }

    /** The faces at {@code indices}, in that order. */
    public FaceSet subset(int[] indices) {
        int fb = faceBytes();
        byte[] out = new byte[indices.length * fb];
        List<String> outNames = new ArrayList<>(indices.length);
        for (int k = 0; k < indices.length; k++) {
            System.arraycopy(pixels, indices[k] * fb, out, k * fb, fb);
            outNames.add(names.get(indices[k]));
        }
        return new FaceSet(side, out, outNames);
    }

    /** Every image file below {@code folder}, recursively, sorted by relative path, resized to {@code side}. */
    public static FaceSet loadFolder(Path folder, int side, ProgressListener progress, CancellationToken cancel)
            throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException("not a folder: " + folder);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).filter(FaceSet::isImageFile).sorted().toList();
        }
        return loadFiles(folder, files, side, progress, cancel);
    }

    /**
     * The faces of a dataset folder as its manifest lists them, in manifest order: near-duplicates are left out unless
     * {@code includeDuplicates}, and faces no longer in {@code faces/} (moved to {@code rejected/}) are skipped.
     */
    public static FaceSet loadDataset(Path datasetDir, int side, boolean includeDuplicates, ProgressListener progress,
                                      CancellationToken cancel) throws IOException {
        DatasetFolder dataset = new DatasetFolder(datasetDir);
        if (!Files.isRegularFile(dataset.manifest())) {
            throw new IOException("not a dataset folder (no manifest.csv): " + datasetDir);
        }
        List<Path> files = new ArrayList<>();
        for (ManifestRow row : dataset.readManifest()) {
            Path face = dataset.faces().resolve(row.face());
            if ((includeDuplicates || !row.isDuplicate()) && Files.isRegularFile(face)) {
                files.add(face);
            }
        }
        return loadFiles(dataset.faces(), files, side, progress, cancel);
    }

    /** The given image files (names relative to {@code base}), decoded in parallel and resized to {@code side}. */
    public static FaceSet loadFiles(Path base, List<Path> files, int side, ProgressListener progress,
                                    CancellationToken cancel) throws IOException {
        if (files.isEmpty()) {
            throw new IOException("no face images in " + base);
        }
        int fb = side * side * 3;
        byte[] pixels = new byte[Math.multiplyExact(files.size(), fb)];
        AtomicInteger done = new AtomicInteger();
        try {
            IntStream.range(0, files.size()).parallel().forEach(i -> {
                cancel.throwIfCancelled();
                Path file = files.get(i);
                try {
                    BufferedImage image = ImageIO.read(file.toFile());
                    if (image == null) {
                        throw new IOException("not a readable image: " + file);
                    }
                    byte[] rgb = Images.toRgb(Images.resizeSquare(image, side));
                    System.arraycopy(rgb, 0, pixels, i * fb, fb);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                int n = done.incrementAndGet();
                if (n % 256 == 0 || n == files.size()) {
                    progress.progress(n, files.size(), "loading faces");
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        List<String> names = new ArrayList<>(files.size());
        for (Path f : files) {
            names.add(base.relativize(f).toString().replace('\\', '/'));
        }
        return new FaceSet(side, pixels, Collections.unmodifiableList(names));
    }

    static boolean isImageFile(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".bmp")
                || n.endsWith(".gif") || n.endsWith(".webp");
    }
}
