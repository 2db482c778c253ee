package org.ganbench.tools;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.ganbench.common.PackedNatives;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/**
 * The packaging's step between copying the libraries and jpackage: moves the JavaCPP natives out of the jars in
 * {@code APP/lib} into the bundle {@code APP/natives-<id>.zip.xz} that {@link PackedNatives} unpacks at the first
 * start. {@code PackNatives APP PLATFORM STORE [ALIAS=LIBRARY...]}: PLATFORM is JavaCPP's ({@code linux-x86_64});
 * STORE keeps bundles made before, by id, because compressing them takes minutes and the jars rarely change; each
 * ALIAS is a second name a library is loaded by, unpacked as a symbolic link (JavaCPP's cache makes a copy).
 */
public final class PackNatives {
    private static final String DIGEST = "SHA-256";
    private static final int ID_HEX_DIGITS = 16;

    private PackNatives() {
    }

    public static void main(String[] args) throws IOException {
        Path appDir = Path.of(args[0]);
        Pattern nativeLibrary = nativeLibrary(args[1]);
        Path store = Path.of(args[2]);
        List<String> aliases = List.of(args).subList(3, args.length);
        List<Path> jars;
        try (Stream<Path> files = Files.list(appDir.resolve("lib"))) {
            jars = files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
        }
        List<NativeEntry> natives = firstOfEachName(jars, nativeLibrary);
        if (natives.isEmpty()) {
            return; // a platform whose natives are no lib*.so (macOS, Windows): the jars keep them
        }
        String id = id(natives, aliases);
        Path bundle = store.resolve(PackedNatives.PREFIX + id + PackedNatives.SUFFIX);
        if (!Files.exists(bundle)) {
            Files.createDirectories(store);
            long start = System.nanoTime();
            // a plain new file, readable by all as the installed app's users need (a temporary file is private)
            Path partial = bundle.resolveSibling(bundle.getFileName() + ".tmp");
            writeBundle(natives, aliases, partial);
            Files.move(partial, bundle, StandardCopyOption.REPLACE_EXISTING);
            System.out.printf("PackNatives: compressed %d natives into %s in %d s%n", natives.size(), bundle,
                    (System.nanoTime() - start) / 1_000_000_000L);
        }
        Files.copy(bundle, appDir.resolve(bundle.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        for (Path jar : jars) {
            withoutNatives(jar, nativeLibrary);
        }
        System.out.printf("PackNatives: %s holds %d natives (%d MB unpacked), %d MB%n", bundle.getFileName(),
                natives.size(), natives.stream().mapToLong(NativeEntry::size).sum() >> 20, Files.size(bundle) >> 20);
    }

    /** A library JavaCPP loads: {@code lib*.so[.N...]} directly in a folder named after the platform or a variant. */
    static Pattern nativeLibrary(String platform) {
        return Pattern.compile("(.*/)?" + Pattern.quote(platform) + "[^/]*/(lib[^/]+\\.so(\\.[0-9]+)*)");
    }

    /** One native library in a jar; the bundle stores it by its file name alone (JavaCPP looks them up by name). */
    record NativeEntry(Path jar, String entryName, String fileName, long size, long crc) {
    }

    static List<NativeEntry> nativesIn(Path jar, Pattern nativeLibrary) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().map(e -> {
                var matcher = nativeLibrary.matcher(e.getName());
                return matcher.matches() ? new NativeEntry(jar, e.getName(), matcher.group(2), e.getSize(), e.getCrc()) : null;
            }).filter(e -> e != null).toList();
        }
    }

    /**
     * The natives of all jars, one per file name: the bundle is a flat folder. Two jars ship {@code libgomp.so.1}
     * (ND4J and oneDNN 3), each library needing only GOMP 4.0 / OMP 1.0 symbols, which both copies have; the first
     * jar's (by name) is kept.
     */
    static List<NativeEntry> firstOfEachName(List<Path> jars, Pattern nativeLibrary) throws IOException {
        java.util.Map<String, NativeEntry> byName = new java.util.LinkedHashMap<>();
        for (Path jar : jars) {
            for (NativeEntry entry : nativesIn(jar, nativeLibrary)) {
                byName.putIfAbsent(entry.fileName(), entry);
            }
        }
        return new ArrayList<>(byName.values());
    }

    /** The digest of the libraries' names and contents: the same jars give the same bundle, found in the store. */
    static String id(List<NativeEntry> natives, List<String> aliases) throws IOException {
        MessageDigest digest = sha256();
        digest.update(String.join("\n", aliases).getBytes(StandardCharsets.UTF_8));
        for (NativeEntry entry : natives) {
            digest.update(entry.fileName().getBytes(StandardCharsets.UTF_8));
            try (ZipFile zip = new ZipFile(entry.jar().toFile());
                 InputStream in = zip.getInputStream(zip.getEntry(entry.entryName()))) {
                byte[] buffer = new byte[1 << 16];
                for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                    digest.update(buffer, 0, n);
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest()).substring(0, ID_HEX_DIGITS);
    }

    /** A zip of stored (uncompressed) entries, the aliases last, compressed as a whole by xz. */
    static void writeBundle(List<NativeEntry> natives, List<String> aliases, Path target) throws IOException {
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(target), 1 << 16);
             XZOutputStream xz = new XZOutputStream(file, new LZMA2Options(LZMA2Options.PRESET_DEFAULT));
             ZipOutputStream bundle = new ZipOutputStream(xz)) {
            for (NativeEntry entry : natives) {
                // stored entries carry size and CRC ahead of the data: the source jar's own
                ZipEntry stored = new ZipEntry(entry.fileName());
                stored.setMethod(ZipEntry.STORED);
                stored.setSize(entry.size());
                stored.setCompressedSize(entry.size());
                stored.setCrc(entry.crc());
                bundle.putNextEntry(stored);
                try (ZipFile zip = new ZipFile(entry.jar().toFile());
                     InputStream in = zip.getInputStream(zip.getEntry(entry.entryName()))) {
                    in.transferTo(bundle);
                }
                bundle.closeEntry();
            }
            bundle.putNextEntry(new ZipEntry(PackedNatives.ALIASES));
            bundle.write(String.join("\n", aliases).getBytes(StandardCharsets.UTF_8));
            bundle.closeEntry();
        }
    }

    /** Rewrites the jar without its native libraries (a jar that has none stays untouched). */
    static void withoutNatives(Path jar, Pattern nativeLibrary) throws IOException {
        if (nativesIn(jar, nativeLibrary).isEmpty()) {
            return;
        }
        Path rewritten = jar.resolveSibling(jar.getFileName() + ".tmp");
        try (ZipFile zip = new ZipFile(jar.toFile());
             ZipOutputStream out = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(rewritten)))) {
            zip.stream().filter(e -> !nativeLibrary.matcher(e.getName()).matches()).forEach(e -> {
                try (InputStream in = zip.getInputStream(e)) {
                    out.putNextEntry(new ZipEntry(e.getName()));
                    in.transferTo(out);
                    out.closeEntry();
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            });
        }
        Files.move(rewritten, jar, StandardCopyOption.REPLACE_EXISTING);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance(DIGEST);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
