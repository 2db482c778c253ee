package org.ganbench.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.ganbench.SharedData;
import org.ganbench.common.CancellationToken;
import org.ganbench.common.ProgressListener;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken and unusual input: each bad file gets its own clear reason, and the run goes on with the rest. */
class BadInputTest {
    @TempDir
    Path tmp;

    private static CropJob.Options options() {
        return new CropJob.Options(0.25, 0, 64, 2, CropJob.Options.DEFAULT_DUPLICATE_THRESHOLD, 50_000_000L, DetectionParams.RECIPE);
    }

    private CropResult crop(Path in, Path dataset) throws IOException {
        return CropJob.detectFaces(in, dataset, SharedData.cascade(), options())
                .run(ProgressListener.NONE, new CancellationToken());
    }

    @Test
    void everyBadFileHasAReasonAndEveryGoodOneIsProcessed() throws Exception {
        Path in = tmp.resolve("in");
        Files.createDirectories(in);
        BufferedImage picture = OddImages.picture(120, 90, BufferedImage.TYPE_INT_RGB);
        byte[] jpeg = OddImages.encode(picture, "jpeg");
        OddImages.write(in.resolve("zero.png"), new byte[0]);
        OddImages.write(in.resolve("truncated.jpg"), Arrays.copyOf(jpeg, jpeg.length / 2));
        OddImages.write(in.resolve("text.png"), "this is not a picture\n".getBytes());
        OddImages.write(in.resolve("one.png"), OddImages.encode(OddImages.picture(1, 1, BufferedImage.TYPE_INT_RGB), "png"));
        OddImages.write(in.resolve("huge.png"), OddImages.hugePngHeader(30000, 30000));
        Files.createSymbolicLink(in.resolve("self.png"), in.resolve("self.png"));
        Files.createSymbolicLink(in.resolve("loop"), in);
        // readable oddities: decoded, searched for faces, no failure
        OddImages.write(in.resolve("cmyk.jpg"), OddImages.cmykJpeg(120, 90));
        OddImages.write(in.resolve("sixteen.png"), OddImages.png16(120, 90, 30000));
        OddImages.write(in.resolve("gray.png"), OddImages.encode(OddImages.picture(120, 90, BufferedImage.TYPE_BYTE_GRAY), "png"));
        OddImages.write(in.resolve("alpha.png"), OddImages.encode(OddImages.picture(120, 90, BufferedImage.TYPE_INT_ARGB), "png"));
        BufferedImage palette = new BufferedImage(120, 90, BufferedImage.TYPE_BYTE_INDEXED,
                new IndexColorModel(1, 2, new byte[] {0, (byte) 255}, new byte[] {0, 0}, new byte[] {0, 0}));
        OddImages.write(in.resolve("palette.png"), OddImages.encode(palette, "png"));
        OddImages.write(in.resolve("first frame.gif"), OddImages.encode(picture, "gif"));
        // a real face behind a name with spaces and non-ASCII characters
        String oddName = "Ä face — 顔 (1).jpg";
        Files.createSymbolicLink(in.resolve(oddName),
                SharedData.path("faces/danbooru256/gigi/8efcfe3678563d509abe91e1cfb3f21f.jpg-1.jpg").toAbsolutePath());

        Path ds = tmp.resolve("ds");
        CropResult result = crop(in, ds);

        Map<String, String> reasons = new HashMap<>();
        result.failures().forEach(f -> reasons.put(f.source(), f.reason()));
        assertTrue(reasons.get("zero.png").contains("empty file"), reasons.toString());
        assertTrue(reasons.get("truncated.jpg").contains("truncated JPEG"), reasons.toString());
        assertTrue(reasons.get("text.png").startsWith("not an image"), reasons.toString());
        assertTrue(reasons.get("one.png").contains("1x1"), reasons.toString());
        assertTrue(reasons.get("huge.png").contains("30000x30000") && reasons.get("huge.png").contains("limit"),
                reasons.toString());
        assertTrue(reasons.get("self.png").contains("symbolic link loop"), reasons.toString());
        assertTrue(reasons.get("loop").contains("symbolic link loop"), reasons.toString());
        assertEquals(7, reasons.size(), reasons.toString());

        Map<String, String> processed = new DatasetFolder(ds).readSources();
        for (String good : new String[] {"cmyk.jpg", "sixteen.png", "gray.png", "alpha.png", "palette.png",
                "first frame.gif", oddName}) {
            assertTrue(processed.containsValue(good), good + " not processed: " + processed.values());
        }
        assertEquals(7, result.imagesRead());
        assertEquals(1, result.facesWritten());
        ManifestRow face = new DatasetFolder(ds).readManifest().get(0);
        assertEquals(oddName, face.source());
        assertTrue(Files.isRegularFile(new DatasetFolder(ds).faces().resolve(face.face())));
        String report = Files.readString(new DatasetFolder(ds).report());
        assertTrue(report.contains("truncated JPEG") && report.contains("huge.png"), report);
    }

    @Test
    void unreadableFileIsReportedAndSkipped() throws Exception {
        Assumptions.assumeFalse("root".equals(System.getProperty("user.name")),
                "running as root, which reads files whatever their permissions: chmod 000 cannot make one unreadable");
        Path in = tmp.resolve("in");
        Path locked = OddImages.write(in.resolve("locked.png"),
                OddImages.encode(OddImages.picture(50, 50, BufferedImage.TYPE_INT_RGB), "png"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        CropResult result = crop(in, tmp.resolve("ds"));
        assertEquals(1, result.failures().size());
        assertTrue(result.failures().get(0).reason().contains("permission denied"), result.failures().toString());
    }

    @Test
    void emptyFolderFindsNothingAndFailsNothing() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("empty"));
        CropResult result = crop(in, tmp.resolve("ds"));
        assertEquals(0, result.imagesFound());
        assertTrue(result.failures().isEmpty());
        assertTrue(result.summary().contains("0 image files found"), result.summary());
    }

    @Test
    void missingInputFolderIsAClearError() {
        IOException e = assertThrows(IOException.class, () -> crop(tmp.resolve("nowhere"), tmp.resolve("ds")));
        assertTrue(e.getMessage().contains("no such folder"), e.getMessage());
    }

    @Test
    void unwritableDatasetFolderFailsBeforeAnyWork() throws Exception {
        // As root a read-only permission does not stop writes; a path below a regular file cannot be created by anyone.
        Path in = tmp.resolve("in");
        OddImages.write(in.resolve("a.png"), OddImages.encode(OddImages.picture(50, 50, BufferedImage.TYPE_INT_RGB), "png"));
        Path file = Files.writeString(tmp.resolve("plain-file"), "x");
        Path dataset = file.resolve("datasets/demo");
        IOException e = assertThrows(IOException.class, () -> crop(in, dataset));
        assertTrue(e.getMessage().contains("cannot write the dataset folder") && e.getMessage().contains(dataset.toString()),
                e.getMessage());
        assertFalse(Files.exists(dataset));
        assertEquals("x", Files.readString(file));
    }
}
