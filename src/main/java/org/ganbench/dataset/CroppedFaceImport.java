package org.ganbench.dataset;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.ganbench.common.AtomicFiles;
import org.ganbench.common.CancellationToken;
import org.ganbench.common.Images;
import org.ganbench.common.ProgressListener;

/**
 * Makes a dataset from a folder of faces that are already cropped: each image is centre-cropped to a square, scaled to
 * {@code side} pixels and written as {@code faces/NNNNNN.png} with a manifest row. Sources are only read. The dataset
 * is assembled in a hidden sibling folder and renamed into place when complete, so a cancelled or failed import leaves
 * no half dataset behind.
 */
public final class CroppedFaceImport {
    private CroppedFaceImport() {
    }

    /** What an import produced. */
    public record Result(Path dataset, int faces, List<String> unreadable) {
    }

    /**
     * Imports every image below {@code source} into a new dataset folder under {@code datasetsDir}, named after the
     * source folder (with a numeric suffix if taken).
     */
    public static Result run(Path source, Path datasetsDir, int side, ProgressListener progress,
                             CancellationToken cancel) throws IOException {
        if (!Files.isDirectory(source)) {
            throw new IOException("not a folder: " + source);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(source)) {
            files = walk.filter(Files::isRegularFile).filter(FaceSet::isImageFile).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IOException("no images (png, jpg, bmp, gif, webp) in " + source);
        }
        Files.createDirectories(datasetsDir);
        Path target = freeName(datasetsDir, source.getFileName() == null ? "dataset" : source.getFileName().toString());
        Path partial = datasetsDir.resolve("." + target.getFileName() + ".partial");
        deleteTree(partial);
        Files.createDirectories(partial.resolve("faces"));
        StringBuilder manifest = new StringBuilder(Manifest.HEADER).append('\n');
        List<String> unreadable = new java.util.ArrayList<>();
        int written = 0;
        long started = System.nanoTime();
        try {
            for (int i = 0; i < files.size(); i++) {
                cancel.throwIfCancelled();
                Path file = files.get(i);
                BufferedImage image = readOrNull(file);
                String relative = source.relativize(file).toString().replace('\\', '/');
                if (image == null) {
                    unreadable.add(relative);
                } else {
                    int w = image.getWidth();
                    int h = image.getHeight();
                    int s = Math.min(w, h);
                    int cx = (w - s) / 2;
                    int cy = (h - s) / 2;
                    String face = String.format(Locale.ROOT, "%06d.png", written + 1);
                    Images.writePng(Images.resizeSquare(image.getSubimage(cx, cy, s, s), side),
                            partial.resolve("faces").resolve(face));
                    manifest.append(String.join(",", face, Manifest.csvField(relative), "0", "0",
                            Integer.toString(w), Integer.toString(h), Integer.toString(cx), Integer.toString(cy),
                            Integer.toString(s), Integer.toString(s), sha256(file), "", "")).append('\n');
                    written++;
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                progress.progress(i + 1, files.size(), String.format(Locale.ROOT, "%d faces, %.1f faces/s", written,
                        written / Math.max(seconds, 1e-3)));
            }
            if (written == 0) {
                throw new IOException("none of the " + files.size() + " images in " + source + " could be read");
            }
            AtomicFiles.writeString(partial.resolve(Manifest.FILE), manifest.toString());
            AtomicFiles.writeString(partial.resolve("report.json"), report(source, files.size(), written, unreadable));
            Files.move(partial, target);
        } catch (IOException | RuntimeException e) {
            deleteTree(partial);
            throw e;
        }
        return new Result(target, written, List.copyOf(unreadable));
    }

    private static String report(Path source, int images, int faces, List<String> unreadable) {
        var json = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        json.put("input", source.toAbsolutePath().toString());
        json.put("kind", "imported pre-cropped faces");
        json.put("images", images);
        json.put("faces", faces);
        json.putPOJO("unreadable", unreadable);
        return json.toPrettyString() + "\n";
    }

    private static BufferedImage readOrNull(Path file) {
        try {
            return ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Path freeName(Path parent, String base) {
        Path p = parent.resolve(base);
        for (int n = 2; Files.exists(p); n++) {
            p = parent.resolve(base + "-" + n);
        }
        return p;
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                digest.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Deletes a folder this class created itself (the partial dataset); never called on sources. */
    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
