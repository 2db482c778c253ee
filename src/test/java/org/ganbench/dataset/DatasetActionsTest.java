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
import org.ganbench.SharedData;
import org.ganbench.TestImages;
import org.ganbench.common.CancellationToken;
import org.ganbench.common.ProgressListener;
import org.ganbench.common.Sha256;
import org.ganbench.common.UserDirs;
import org.ganbench.dataset.CascadeLocator;
import org.ganbench.dataset.DatasetFolder;
import org.ganbench.dataset.ManifestRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's dataset jobs over the real crop job: import, crop, cancel, bad folders, a missing cascade. */
class DatasetActionsTest {
    @TempDir
    Path tmp;

    private DatasetActions actions(Path cascade) {
        UserDirs nowhere = new UserDirs(tmp.resolve("config"), tmp.resolve("cache"));
        return new DatasetActions(tmp.resolve("datasets"), new CascadeLocator(nowhere, tmp.resolve("ws"), null),
                cascade);
    }

    @Test
    void importsOddSizedImagesAsSquareFacesWithAManifestAndLeavesSourcesAlone() throws IOException {
        Path src = tmp.resolve("my faces");
        TestImages.writeFace(src.resolve("a.png"), 50, 70, 1);
        TestImages.writeFace(src.resolve("sub/b.png"), 97, 33, 2);
        Files.writeString(src.resolve("broken.png"), "not an image");
        Map<Path, String> before = hashes(src);
        List<long[]> progress = new ArrayList<>();

        Path dataset = actions(null).importFaces(src, (done, total, msg) -> progress.add(new long[] {done, total}),
                new CancellationToken()).dataset();

        assertEquals(tmp.resolve("datasets/my faces"), dataset);
        DatasetFolder folder = new DatasetFolder(dataset);
        List<ManifestRow> rows = folder.readManifest();
        assertEquals(List.of("a.png", "sub/b.png"), rows.stream().map(ManifestRow::source).toList());
        for (ManifestRow row : rows) {
            BufferedImage face = ImageIO.read(folder.faces().resolve(row.face()).toFile());
            assertEquals(64, face.getWidth());
            assertEquals(64, face.getHeight());
        }
        String manifest = Files.readString(folder.manifest());
        assertTrue(manifest.startsWith(String.join(",", DatasetFolder.MANIFEST_HEADER) + "\n"));
        assertTrue(manifest.contains(",0,0,97,33,32,0,33,33,"), "det box = whole image, crop = centre square");
        assertTrue(Files.readString(folder.report()).contains("broken.png"), "the unreadable file is reported");
        assertEquals(List.of(3L, 3L), List.of(progress.get(progress.size() - 1)[0], progress.get(progress.size() - 1)[1]));
        assertEquals(before, hashes(src));

        // The same folder again extends its own dataset (nothing new to do) rather than making a second one.
        assertEquals(dataset, actions(null).importFaces(src, ProgressListener.NONE, new CancellationToken()).dataset());
        assertEquals(rows, folder.readManifest());
    }

    @Test
    void cancellingKeepsAConsistentPartialDatasetThatTheNextRunCompletes() throws IOException {
        Path src = tmp.resolve("src");
        for (int i = 0; i < 40; i++) {
            TestImages.writeFace(src.resolve(i + ".png"), 40, 40, i);
        }
        CancellationToken cancel = new CancellationToken();
        assertThrows(CancellationException.class, () -> actions(null).importFaces(src, (done, total, msg) -> {
            if (done == 2) {
                cancel.cancel();
            }
        }, cancel));
        DatasetFolder folder = new DatasetFolder(tmp.resolve("datasets/src"));
        List<ManifestRow> kept = folder.readManifest();
        assertTrue(kept.size() < 40, kept.size() + " faces kept");
        for (ManifestRow row : kept) {
            assertTrue(Files.isRegularFile(folder.faces().resolve(row.face())), row.face());
        }
        actions(null).importFaces(src, ProgressListener.NONE, new CancellationToken());
        assertEquals(40, folder.readManifest().size());
    }

    @Test
    void aFolderWithoutImagesIsAClearError() throws IOException {
        Files.createDirectories(tmp.resolve("empty"));
        IOException e = assertThrows(IOException.class, () -> actions(null).importFaces(tmp.resolve("empty"),
                ProgressListener.NONE, new CancellationToken()));
        assertTrue(e.getMessage().contains("no images"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("datasets/empty")));
    }

    @Test
    void cropsTheFacesOfIllustrations() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("illustrations"));
        Files.createSymbolicLink(in.resolve("a.jpg"),
                SharedData.path("illustrations/jonathonyan_detect_01.jpg").toAbsolutePath());
        CropResult result = actions(SharedData.cascade()).cropFaces(in, 0.25, 0, false, ProgressListener.NONE,
                new CancellationToken());
        assertEquals(4, new DatasetFolder(result.dataset()).readManifest().size(), "the illustration's four faces");
        assertEquals(4, result.facesWritten());
        assertEquals(0, result.imagesWithoutFaces());
    }

    @Test
    void aFolderWithoutFacesLeavesNoEmptyDatasetUnlessAsked() throws Exception {
        Path in = tmp.resolve("plain");
        TestImages.writeFace(in.resolve("noise-1.png"), 200, 150, 1);
        TestImages.writeFace(in.resolve("noise-2.png"), 180, 180, 2);

        CropResult result = actions(SharedData.cascade()).cropFaces(in, 0.25, 0, false, ProgressListener.NONE,
                new CancellationToken());
        assertEquals(0, result.facesWritten());
        assertEquals(2, result.imagesWithoutFaces());
        assertFalse(Files.exists(tmp.resolve("datasets/plain")), "no empty dataset left behind");

        CropResult kept = actions(SharedData.cascade()).cropFaces(in, 0.25, 0, true, ProgressListener.NONE,
                new CancellationToken());
        assertTrue(new DatasetFolder(kept.dataset()).isDataset(), "asked for: the empty dataset stays");
        assertTrue(Files.readString(new DatasetFolder(kept.dataset()).report()).contains("\"images_without_faces\" : 2"));
    }

    @Test
    void aCascadeFileIsUsedOnlyWhenItIsTheGenuineOne() throws IOException {
        Path fake = Files.writeString(tmp.resolve("lbpcascade_animeface.xml"), "<opencv_storage/>");
        IOException e = assertThrows(IOException.class, () -> actions(null).useCascadeFile(fake));
        assertTrue(e.getMessage().contains("not the genuine"), e.getMessage());
        assertFalse(actions(null).hasCascade());

        Path cached = actions(null).useCascadeFile(SharedData.cascade());
        assertEquals(tmp.resolve("cache/lbpcascade_animeface.xml"), cached);
        assertEquals(cached, actions(null).cascade(), "found there from now on");
    }

    @Test
    void aMissingCascadeSaysWhereItLookedBeforeAnyWork() throws IOException {
        TestImages.writeFace(tmp.resolve("in/a.png"), 64, 64, 1);
        CascadeLocator.CascadeNotFoundException e = assertThrows(CascadeLocator.CascadeNotFoundException.class,
                () -> actions(null).cropFaces(tmp.resolve("in"), 0.25, 0, false, ProgressListener.NONE,
                        new CancellationToken()));
        assertTrue(e.getMessage().contains(tmp.resolve("cache").toString()), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("datasets")));
    }

    private static Map<Path, String> hashes(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).collect(Collectors.toMap(p -> p, p -> {
                try {
                    return Sha256.hex(Files.readAllBytes(p)) + Files.getLastModifiedTime(p);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }));
        }
    }
}
