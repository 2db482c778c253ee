package org.ganbench.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.ganbench.TestImages;
import org.ganbench.common.CancellationToken;
import org.ganbench.common.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CroppedFaceImportTest {
    @TempDir
    Path tmp;

    @Test
    void importsOddSizedImagesAsSquareFacesWithAManifestAndLeavesSourcesAlone() throws IOException {
        Path src = tmp.resolve("my faces");
        TestImages.writeFace(src.resolve("a.png"), 50, 70, 1);
        TestImages.writeFace(src.resolve("sub/b.png"), 97, 33, 2);
        Files.writeString(src.resolve("broken.png"), "not an image");
        Map<Path, String> before = hashes(src);
        List<long[]> progress = new ArrayList<>();

        CroppedFaceImport.Result r = CroppedFaceImport.run(src, tmp.resolve("datasets"), 64,
                (done, total, msg) -> progress.add(new long[] {done, total}), new CancellationToken());

        assertEquals(tmp.resolve("datasets/my faces"), r.dataset());
        assertEquals(2, r.faces());
        assertEquals(List.of("broken.png"), r.unreadable());
        List<Manifest.Entry> entries = Manifest.read(r.dataset());
        assertEquals(List.of("a.png", "sub/b.png"), entries.stream().map(Manifest.Entry::source).toList());
        for (Manifest.Entry e : entries) {
            BufferedImage face = ImageIO.read(r.dataset().resolve("faces").resolve(e.face()).toFile());
            assertEquals(64, face.getWidth());
            assertEquals(64, face.getHeight());
        }
        String manifest = Files.readString(r.dataset().resolve("manifest.csv"));
        assertTrue(manifest.startsWith(Manifest.HEADER + "\n"));
        assertTrue(manifest.contains(",0,0,97,33,32,0,33,33,"), "det box = whole image, crop = centre square");
        assertTrue(Files.exists(r.dataset().resolve("report.json")));
        assertEquals(List.of(3L, 3L), List.of(progress.get(progress.size() - 1)[0], progress.get(progress.size() - 1)[1]));
        assertEquals(before, hashes(src));

        // A second import of the same folder gets a new name rather than mixing into the first.
        assertEquals(tmp.resolve("datasets/my faces-2"), CroppedFaceImport.run(src, tmp.resolve("datasets"), 64,
                ProgressListener.NONE, new CancellationToken()).dataset());
    }

    @Test
    void cancellingLeavesNoDatasetBehind() throws IOException {
        Path src = tmp.resolve("src");
        for (int i = 0; i < 5; i++) {
            TestImages.writeFace(src.resolve(i + ".png"), 40, 40, i);
        }
        CancellationToken cancel = new CancellationToken();
        assertThrows(CancellationException.class, () -> CroppedFaceImport.run(src, tmp.resolve("datasets"), 64,
                (done, total, msg) -> {
                    if (done == 2) {
                        cancel.cancel();
                    }
                }, cancel));
        try (Stream<Path> left = Files.list(tmp.resolve("datasets"))) {
            assertEquals(0, left.count());
        }
    }

    @Test
    void aFolderWithoutImagesIsAClearError() throws IOException {
        Files.createDirectories(tmp.resolve("empty"));
        IOException e = assertThrows(IOException.class, () -> CroppedFaceImport.run(tmp.resolve("empty"),
                tmp.resolve("datasets"), 64, ProgressListener.NONE, new CancellationToken()));
        assertTrue(e.getMessage().contains("no images"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("datasets/empty")));
    }

    private static Map<Path, String> hashes(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).collect(Collectors.toMap(p -> p, p -> {
                try {
                    return CroppedFaceImport.sha256(p) + Files.getLastModifiedTime(p);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }));
        }
    }
}
