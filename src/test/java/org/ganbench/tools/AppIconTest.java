package org.ganbench.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The committed icons are what the installers need: a 256-pixel PNG, and .ico/.icns whose entries decode. */
class AppIconTest {
    private static final Path ASSETS = Path.of("assets");

    @Test
    void pngIs256Square() throws IOException {
        BufferedImage png = ImageIO.read(ASSETS.resolve("GanBench.png").toFile());
        assertEquals(256, png.getWidth());
        assertEquals(256, png.getHeight());
    }

    @Test
    void icoHoldsEverySizeAsADecodablePng() throws IOException {
        ByteBuffer ico = ByteBuffer.wrap(Files.readAllBytes(ASSETS.resolve("GanBench.ico"))).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0, ico.getShort(0));
        assertEquals(1, ico.getShort(2), "type 1 is an icon");
        int count = ico.getShort(4);
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int entry = 6 + 16 * i;
            int declared = ico.get(entry) == 0 ? 256 : Byte.toUnsignedInt(ico.get(entry));
            BufferedImage image = decode(ico.array(), ico.getInt(entry + 12), ico.getInt(entry + 8));
            assertEquals(declared, image.getWidth());
            sizes.add(declared);
        }
        assertEquals(List.of(16, 24, 32, 48, 64, 128, 256), sizes);
    }

    @Test
    void icnsEntriesCoverTheFileAndDecodeAtTheirTypesSize() throws IOException {
        byte[] icns = Files.readAllBytes(ASSETS.resolve("GanBench.icns"));
        ByteBuffer buf = ByteBuffer.wrap(icns).order(ByteOrder.BIG_ENDIAN);
        assertEquals("icns", new String(icns, 0, 4, StandardCharsets.US_ASCII));
        assertEquals(icns.length, buf.getInt(4));
        List<String> types = new ArrayList<>();
        int at = 8;
        while (at < icns.length) {
            String type = new String(icns, at, 4, StandardCharsets.US_ASCII);
            int length = buf.getInt(at + 4);
            int expected = AppIcon.ICNS_SIZES[List.of(AppIcon.ICNS_TYPES).indexOf(type)];
            assertEquals(expected, decode(icns, at + 8, length - 8).getWidth(), type);
            types.add(type);
            at += length;
        }
        assertEquals(icns.length, at);
        assertEquals(List.of(AppIcon.ICNS_TYPES), types);
    }

    private static BufferedImage decode(byte[] data, int offset, int length) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(data, offset, length));
        if (image == null) {
            throw new IOException("not an image at " + offset);
        }
        return image;
    }
}
