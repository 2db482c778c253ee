package org.ganbench.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.ganbench.SharedData;
import org.ganbench.common.CancellationToken;
import org.ganbench.common.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Importing pre-cropped faces, flagging near-duplicates, and loading the dataset for training. */
class ImportAndLoadTest {
    private static final int FACES = 30;

    @TempDir
    Path tmp;

    @Test
    void importFlagsNearDuplicatesAndLoadingHonoursManifestAndRejections() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        List<Path> getchu;
        try (Stream<Path> files = Files.list(SharedData.path("faces/getchu64"))) {
            getchu = files.sorted().limit(FACES).toList();
        }
        for (Path face : getchu) {
            Files.createSymbolicLink(in.resolve(face.getFileName()), face.toAbsolutePath());
        }
        // The same bytes under another name: skipped as already done. A brightened PNG re-encode: a near-duplicate.
        Files.createSymbolicLink(in.resolve("same-bytes.jpg"), getchu.get(0).toAbsolutePath());
        BufferedImage original = ImageIO.read(getchu.get(1).toFile());
        BufferedImage brighter = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                int p = original.getRGB(x, y);
                int r = Math.min(255, ((p >> 16) & 0xFF) + 6);
                int g = Math.min(255, ((p >> 8) & 0xFF) + 6);
                int b = Math.min(255, (p & 0xFF) + 6);
                brighter.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        ImageIO.write(brighter, "png", in.resolve("zz-brighter-copy.png").toFile());
        // A non-square, larger image: centre-cropped to a square and resized.
        ImageIO.write(OddImages.picture(100, 80, BufferedImage.TYPE_INT_RGB), "png", in.resolve("wide.png").toFile());

        Path ds = tmp.resolve("ds");
        CropJob.Options options = new CropJob.Options(0, 0, 64, 2, CropJob.Options.DEFAULT_DUPLICATE_THRESHOLD, ImageDecoder.DEFAULT_MAX_PIXELS,
                DetectionParams.RECIPE);
        CropResult result = CropJob.importFaces(in, ds, options).run(ProgressListener.NONE, new CancellationToken());
        assertTrue(result.failures().isEmpty(), result.failures().toString());
        assertEquals(1, result.alreadyDone());
        assertEquals(FACES + 2, result.facesWritten());
        assertEquals(1, result.duplicates());

        DatasetFolder folder = new DatasetFolder(ds);
        List<ManifestRow> rows = folder.readManifest();
        ManifestRow copy = rows.stream().filter(r -> r.source().equals("zz-brighter-copy.png")).findFirst().orElseThrow();
        ManifestRow first = rows.stream().filter(r -> r.source().equals(getchu.get(1).getFileName().toString()))
                .findFirst().orElseThrow();
        assertEquals(first.face(), copy.duplicateOf());
        ManifestRow wide = rows.stream().filter(r -> r.source().equals("wide.png")).findFirst().orElseThrow();
        assertEquals(new FaceBox(0, 0, 100, 80), wide.detection());
        assertEquals(new FaceBox(10, 0, 80, 80), wide.crop());
        BufferedImage wideFace = ImageIO.read(folder.faces().resolve(wide.face()).toFile());
        assertEquals(64, wideFace.getWidth());
        assertEquals(64, wideFace.getHeight());

        FaceSet training = FaceSet.loadDataset(ds, 64, false, ProgressListener.NONE, new CancellationToken());
        assertEquals(FACES + 1, training.count());
        assertFalse(List.of(names(training)).contains(copy.face()));
        FaceSet all = FaceSet.loadDataset(ds, 64, true, ProgressListener.NONE, new CancellationToken());
        assertEquals(FACES + 2, all.count());
        assertEquals(rows.get(0).face(), all.name(0), "manifest order");

        Files.createDirectories(folder.rejected());
        Files.move(folder.faces().resolve(wide.face()), folder.rejected().resolve(wide.face()));
        FaceSet afterReject = FaceSet.loadDataset(ds, 64, false, ProgressListener.NONE, new CancellationToken());
        assertEquals(FACES, afterReject.count());
        assertFalse(List.of(names(afterReject)).contains(wide.face()));

        // The pixels loaded are the face files' pixels.
        BufferedImage file = ImageIO.read(folder.faces().resolve(training.name(3)).toFile());
        assertEquals(file.getRGB(10, 20) & 0xFFFFFF, training.image(3).getRGB(10, 20) & 0xFFFFFF);
    }

    private static String[] names(FaceSet set) {
        String[] out = new String[set.count()];
        for (int i = 0; i < out.length; i++) {
            out[i] = set.name(i);
        }
        return out;
    }
}
