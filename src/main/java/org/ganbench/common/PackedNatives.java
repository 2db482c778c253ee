package org.ganbench.common;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * The packaged app's JavaCPP natives (ND4J, OpenCV, FFmpeg, OpenBLAS, JavaCPP's own). The packaging moves them out of
 * their jars into one xz-compressed bundle next to {@code ganbench.jar}, {@code natives-<id>.zip.xz}: in a jar they are
 * deflated, which the .deb's xz cannot shrink further, and xz makes them less than half that size. The first start
 * unpacks the bundle into the user cache, {@code natives/<id>}; JavaCPP then loads them from there (its
 * {@code platform.preloadpath}) where it would otherwise extract them from the jars into {@code ~/.javacpp/cache}.
 * Run from the build ({@code java -jar target/ganbench.jar}) there is no bundle and the jars keep their natives.
 */
public final class PackedNatives {
    /** The bundle's name: this prefix, the id (a digest of its contents, so a changed bundle unpacks anew), the suffix. */
    public static final String PREFIX = "natives-";
    public static final String SUFFIX = ".zip.xz";
    /** The bundle's last entry: lines {@code alias=library}, second names a library is loaded by, made links. */
    public static final String ALIASES = "aliases.properties";
    static final String PRELOAD_PATH_PROPERTY = "org.bytedeco.javacpp.platform.preloadpath";
    private static final String PARTIAL_PREFIX = "unpacking-";
    /** A partial unpacking this old was left by a killed start, not one still under way. */
    private static final Duration ABANDONED_AFTER = Duration.ofHours(1);
    private static final Logger LOG = Logger.getLogger(PackedNatives.class.getName());

    private PackedNatives() {
    }

    /**
     * Unpacks the bundle next to {@code ganbench.jar} (first start only) and points JavaCPP at it. Must run before
     * anything loads JavaCPP, which reads its properties once.
     */
    public static void install() {
        try {
            Path appDir = Path.of(PackedNatives.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .getParent();
            install(appDir, UserDirs.fromEnvironment().cache().resolve("natives"));
        } catch (URISyntaxException e) {
            throw new IllegalStateException("ganbench.jar's location is no file path", e);
        }
    }

    /** {@link #install()} for a given app folder and unpacking folder (tests pass their own). */
    static void install(Path appDir, Path unpackRoot) {
        bundle(appDir).ifPresent(bundle -> {
            try {
                System.setProperty(PRELOAD_PATH_PROPERTY, unpacked(bundle, unpackRoot).toString());
            } catch (IOException e) {
                throw new UncheckedIOException("Could not unpack the native libraries " + bundle + " into "
                        + unpackRoot + ": " + e.getMessage(), e);
            }
        });
    }

    static Optional<Path> bundle(Path appDir) {
        try (Stream<Path> files = Files.list(appDir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(PREFIX)
                    && f.getFileName().toString().endsWith(SUFFIX)).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The folder holding the bundle's libraries, unpacked now unless an earlier start did. */
    static Path unpacked(Path bundle, Path unpackRoot) throws IOException {
        String name = bundle.getFileName().toString();
        Path target = unpackRoot.resolve(name.substring(PREFIX.length(), name.length() - SUFFIX.length()));
        if (Files.isDirectory(target)) {
            return target;
        }
        Files.createDirectories(unpackRoot);
        deleteAbandoned(unpackRoot);
        long start = System.nanoTime();
        // unpacked beside the target and renamed at once: a killed start leaves no half-written library behind
        Path partial = Files.createTempDirectory(unpackRoot, PARTIAL_PREFIX);
        try (InputStream xz = new XZInputStream(new BufferedInputStream(Files.newInputStream(bundle), 1 << 16));
             ZipInputStream zip = new ZipInputStream(xz)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals(ALIASES)) {
                    Properties aliases = new Properties();
                    aliases.load(zip);
                    for (String alias : aliases.stringPropertyNames()) {
                        Files.createSymbolicLink(inside(partial, alias), Path.of(aliases.getProperty(alias)));
                    }
                } else {
                    Files.copy(zip, inside(partial, entry.getName()));
                }
            }
        }
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            deleteTree(partial); // another start unpacked the same bundle meanwhile
        }
        LOG.info(() -> "unpacked the native libraries into " + target + " in "
                + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms (first start)");
        return target;
    }

    private static Path inside(Path dir, String fileName) throws IOException {
        Path file = dir.resolve(fileName).normalize();
        if (!dir.equals(file.getParent())) {
            throw new IOException("bundle entry " + fileName + " is not a plain file name");
        }
        return file;
    }

    private static void deleteAbandoned(Path unpackRoot) throws IOException {
        Instant cutoff = Instant.now().minus(ABANDONED_AFTER);
        try (DirectoryStream<Path> partials = Files.newDirectoryStream(unpackRoot, PARTIAL_PREFIX + "*")) {
            for (Path partial : partials) {
                if (Files.getLastModifiedTime(partial).toInstant().isBefore(cutoff)) {
                    deleteTree(partial);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
