package org.ganbench.eval;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.ganbench.common.AtomicFiles;
import org.ganbench.common.CancellationToken;
import org.ganbench.common.ProgressListener;

/**
 * Writes synthetic faces as a dataset in the shared layout: {@code faces/synth_NNNNNN.png}, {@code manifest.csv}
 * (the shared columns, then {@code mode,hair,eyes,background}) and {@code report.json}. The dataset appears whole
 * or not at all: everything is written into a hidden sibling folder that is renamed into place at the end.
 */
public final class SyntheticDataset {
    /** The shared manifest columns followed by this set's own. */
    public static final String MANIFEST_HEADER = "face,source,det_x,det_y,det_w,det_h,crop_x,crop_y,crop_w,crop_h,"
            + "source_sha256,phash,duplicate_of,mode,hair,eyes,background";

    private SyntheticDataset() {
    }

    /** Draws {@code n} faces with {@code seed} into the new dataset folder {@code target} (which must not exist). */
    public static void write(Path target, int n, long seed, ProgressListener progress, CancellationToken cancel)
            throws IOException {
        if (n < 1) {
            throw new IllegalArgumentException("number of synthetic faces must be at least 1, was " + n);
        }
        if (Files.exists(target)) {
            throw new IOException("dataset already exists: " + target + " (choose another name or remove it)");
        }
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, "." + target.getFileName() + ".partial-");
        try {
            Path faces = Files.createDirectories(staging.resolve("faces"));
            String[] rows = new String[n];
            AtomicInteger done = new AtomicInteger();
            // No exception may leave a worker: a parallel forEach rethrows the first at once while other workers
            // still write into the staging folder, which the cleanup below would then fail to delete.
            AtomicReference<IOException> failure = new AtomicReference<>();
            IntStream.range(0, n).parallel().forEach(i -> {
                if (cancel.isCancelled() || failure.get() != null) {
                    return;
                }
                try {
                    ByteArrayOutputStream png = new ByteArrayOutputStream(4096);
                    ImageIO.write(SyntheticFaces.draw(seed, i), "png", png);
                    byte[] bytes = png.toByteArray();
                    String name = SyntheticFaces.faceName(i);
                    Files.write(faces.resolve(name), bytes);
                    int mode = SyntheticFaces.modeOf(seed, i);
                    rows[i] = String.join(",", name, "synthetic:" + seed + ":" + i, "0", "0", "64", "64", "0", "0",
                            "64", "64", sha256(bytes), "", "", Integer.toString(mode),
                            SyntheticFaces.HAIR_NAMES[SyntheticFaces.hairOf(mode)],
                            SyntheticFaces.EYE_NAMES[SyntheticFaces.eyesOf(mode)],
                            SyntheticFaces.BACKGROUND_NAMES[SyntheticFaces.backgroundOf(mode)]);
                } catch (IOException e) {
                    failure.compareAndSet(null, e);
                    return;
                }
                int d = done.incrementAndGet();
                if (d % 256 == 0 || d == n) {
                    progress.progress(d, n, "writing synthetic faces");
                }
            });
            if (failure.get() != null) {
                throw failure.get();
            }
            cancel.throwIfCancelled();
            StringBuilder manifest = new StringBuilder(MANIFEST_HEADER).append('\n');
            for (String row : rows) {
                manifest.append(row).append('\n');
            }
            AtomicFiles.writeString(staging.resolve("manifest.csv"), manifest.toString());
            AtomicFiles.writeString(staging.resolve("report.json"), String.format(
                    "{%n  \"kind\": \"synthetic\",%n  \"faces\": %d,%n  \"seed\": %d,%n  \"side\": %d,%n"
                            + "  \"modes\": %d,%n  \"hair_colours\": %d,%n  \"eye_colours\": %d,%n"
                            + "  \"background_tones\": %d%n}%n",
                    n, seed, SyntheticFaces.SIDE, SyntheticFaces.MODES, SyntheticFaces.HAIR_COLOURS,
                    SyntheticFaces.EYE_COLOURS, SyntheticFaces.BACKGROUNDS));
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            if (Files.exists(staging)) {
                deleteStaging(staging);
            }
        }
    }

    /** Removes our own half-written staging folder after a failure or cancellation. */
    private static void deleteStaging(Path staging) throws IOException {
        try (Stream<Path> walk = Files.walk(staging)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when {@code dir} is a dataset folder whose manifest records synthetic modes. */
    public static boolean hasModes(Path dir) throws IOException {
        Path manifest = dir.resolve("manifest.csv");
        if (!Files.isRegularFile(manifest)) {
            return false;
        }
        try (var reader = Files.newBufferedReader(manifest, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            return header != null && java.util.Arrays.asList(header.split(",", -1)).contains("mode");
        }
    }
}
