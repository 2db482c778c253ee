package org.ganbench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.security.MessageDigest;
import org.ganbench.common.CancellationToken;
import org.ganbench.common.Images;
import org.ganbench.common.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingDataTest {
    @TempDir
    Path tmp;

    @Test
    void datasetFolderTrainsOnItsManifestFacesWithoutNearDuplicates() throws Exception {
        Path dir = tmp.resolve("ds");
        image(dir.resolve("faces/a.png"), 64, 64, 0x102030);
        image(dir.resolve("faces/b.png"), 64, 64, 0x405060);
        image(dir.resolve("faces/c.png"), 64, 64, 0x708090);
        String manifest = "face,source,det_x,det_y,det_w,det_h,crop_x,crop_y,crop_w,crop_h,source_sha256,phash,duplicate_of\n"
                + "a.png,\"x, y.jpg\",1,2,3,4,0,0,8,8,aa,ff,\n"
                + "b.png,z.jpg,1,2,3,4,0,0,8,8,bb,fe,a.png\n"
                + "c.png,\"w \"\"quoted\"\".png\",1,2,3,4,0,0,8,8,cc,00,\n";
        Files.writeString(dir.resolve("manifest.csv"), manifest);

        TrainingData data = load(dir, 16);
        assertEquals(2, data.faces().count());
        assertEquals("a.png", data.faces().name(0));
        assertEquals("c.png", data.faces().name(1));
        assertEquals(16, data.faces().side());
        assertEquals(0x70, data.faces().pixels()[16 * 16 * 3] & 0xff, "c.png's red after resizing");
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(manifest.getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, data.sha256());
    }

    @Test
    void plainFolderIsHashedByItsFileList() throws Exception {
        Path dir = tmp.resolve("plain");
        image(dir.resolve("one.png"), 13, 7, 0xff0000);
        image(dir.resolve("deeper/two.png"), 5, 21, 0x00ff00);
        TrainingData first = load(dir, 8);
        assertEquals(2, first.faces().count());
        assertEquals(first.sha256(), load(dir, 8).sha256());
        image(dir.resolve("three.png"), 9, 9, 0x0000ff);
        assertNotEquals(first.sha256(), load(dir, 8).sha256());
    }

    @Test
    void missingFolderOrBrokenManifestIsAClearError() throws Exception {
        IOException missing = assertThrows(IOException.class, () -> load(tmp.resolve("nope"), 8));
        assertTrue(missing.getMessage().startsWith("dataset not found"), missing.getMessage());
        Path dir = tmp.resolve("bad");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("manifest.csv"), "file,source\nx.png,y.png\n");
        IOException bad = assertThrows(IOException.class, () -> load(dir, 8));
        assertTrue(bad.getMessage().contains("has no 'face' column"), bad.getMessage());
    }

    private static TrainingData load(Path dir, int side) throws IOException {
        return TrainingData.load(dir, side, ProgressListener.NONE, new CancellationToken());
    }

    private static void image(Path file, int w, int h, int rgb) throws IOException {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        Images.writePng(image, file);
    }
}
