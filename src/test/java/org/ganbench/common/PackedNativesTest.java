package org.ganbench.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.ganbench.tools.PackNatives;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaging's native bundle, made by {@link PackNatives} and unpacked by {@link PackedNatives}. */
class PackedNativesTest {
    private static final byte[] CORE = "core library".getBytes();
    private static final byte[] JNI = "jni library".getBytes();

    @TempDir
    Path tmp;

    @Test
    void packingMovesThePlatformsLibrariesOutOfTheJarsAndTheFirstStartUnpacksThem() throws Exception {
        Path app = tmp.resolve("app");
        Path jar = app.resolve("lib/opencv-linux-x86_64.jar");
        writeJar(jar, Map.of("org/bytedeco/opencv/linux-x86_64/libopencv_core.so.405", CORE,
                "org/bytedeco/opencv/linux-x86_64/libjniopencv_core.so", JNI,
                "org/bytedeco/opencv/linux-x86_64/python/cv2.so", JNI,
                "org/bytedeco/opencv/linux-arm64/libjniopencv_core.so", JNI,
                "org/bytedeco/opencv/opencv_core.class", CORE));

        PackNatives.main(new String[] {app.toString(), "linux-x86_64", tmp.resolve("store").toString(),
                "libopencv_core_alias.so.405=libopencv_core.so.405"});

        try (ZipFile packed = new ZipFile(jar.toFile())) {
            assertEquals(List.of("org/bytedeco/opencv/linux-arm64/libjniopencv_core.so",
                    "org/bytedeco/opencv/linux-x86_64/python/cv2.so", "org/bytedeco/opencv/opencv_core.class"),
                    packed.stream().map(ZipEntry::getName).sorted().toList(), "only the platform's libraries leave");
        }
        Path bundle = PackedNatives.bundle(app).orElseThrow();
        Path unpacked = PackedNatives.unpacked(bundle, tmp.resolve("cache/natives"));
        assertArrayEquals(CORE, Files.readAllBytes(unpacked.resolve("libopencv_core.so.405")));
        assertArrayEquals(JNI, Files.readAllBytes(unpacked.resolve("libjniopencv_core.so")));
        assertArrayEquals(CORE, Files.readAllBytes(unpacked.resolve("libopencv_core_alias.so.405")), "an alias");
        try (var listing = Files.list(tmp.resolve("cache/natives"))) {
            assertEquals(List.of(unpacked), listing.toList(), "no partial unpacking left beside it");
        }

        Files.delete(unpacked.resolve("libjniopencv_core.so"));
        assertEquals(unpacked, PackedNatives.unpacked(bundle, tmp.resolve("cache/natives")));
        assertTrue(Files.notExists(unpacked.resolve("libjniopencv_core.so")), "a later start unpacks nothing");
    }

    @Test
    void aLibraryTwoJarsShipIsPackedOnce() throws Exception {
        Path app = tmp.resolve("app");
        writeJar(app.resolve("lib/dnnl-linux-x86_64.jar"), Map.of("org/bytedeco/dnnl/linux-x86_64/libgomp.so.1", CORE,
                "org/bytedeco/dnnl/linux-x86_64/libdnnl.so.3", CORE));
        writeJar(app.resolve("lib/nd4j-native-linux-x86_64.jar"),
                Map.of("org/nd4j/nativecpu/bindings/linux-x86_64-onednn/libgomp.so.1", JNI));

        PackNatives.main(new String[] {app.toString(), "linux-x86_64", tmp.resolve("store").toString()});

        Path unpacked = PackedNatives.unpacked(PackedNatives.bundle(app).orElseThrow(), tmp.resolve("cache/natives"));
        assertArrayEquals(CORE, Files.readAllBytes(unpacked.resolve("libgomp.so.1")), "the first jar's copy");
        assertTrue(Files.isRegularFile(unpacked.resolve("libdnnl.so.3")));
    }

    @Test
    void runFromTheBuildThereIsNoBundle() throws IOException {
        Files.createDirectories(tmp.resolve("target"));
        assertTrue(PackedNatives.bundle(tmp.resolve("target")).isEmpty());
    }

    private static void writeJar(Path jar, Map<String, byte[]> entries) throws IOException {
        Files.createDirectories(jar.getParent());
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
            for (var entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
    }
}
