package org.ganbench.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.util.Arrays;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

/** Every supported kind of image ends up as 8-bit BGR with the expected pixel values. */
class ImageDecoderTest {
    private final ImageDecoder decoder = new ImageDecoder(ImageDecoder.DEFAULT_MAX_PIXELS);

    private static int[] bgrAt(Mat m, int x, int y) {
        byte[] px = new byte[3];
        m.ptr(y, x).get(px);
        return new int[] {px[0] & 0xFF, px[1] & 0xFF, px[2] & 0xFF};
    }

    private static void assert8BitBgr(Mat m, int w, int h) {
        assertEquals(3, m.channels());
        assertEquals(org.bytedeco.opencv.global.opencv_core.CV_8U, m.depth());
        assertEquals(w, m.cols());
        assertEquals(h, m.rows());
    }

    @Test
    void transparentPixelsBecomeWhiteAndHalfTransparentOnesBlend() throws Exception {
        BufferedImage img = new BufferedImage(4, 1, BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, 0x00000000); // fully transparent black
        img.setRGB(1, 0, 0xFF102030); // opaque
        img.setRGB(2, 0, 0x80000000); // half-transparent black
        img.setRGB(3, 0, 0x00FF0000); // transparent red
        try (Mat m = decoder.decodeBgr(OddImages.encode(img, "png"))) {
            assert8BitBgr(m, 4, 1);
            assertArrayEquals(new int[] {255, 255, 255}, bgrAt(m, 0, 0));
            assertArrayEquals(new int[] {0x30, 0x20, 0x10}, bgrAt(m, 1, 0));
            assertArrayEquals(new int[] {127, 127, 127}, bgrAt(m, 2, 0));
            assertArrayEquals(new int[] {255, 255, 255}, bgrAt(m, 3, 0));
        }
    }

    @Test
    void sixteenBitSamplesAreScaledToEightBits() throws Exception {
        try (Mat m = decoder.decodeBgr(OddImages.png16(5, 3, 257 * 100))) {
            assert8BitBgr(m, 5, 3);
            assertArrayEquals(new int[] {100, 100, 100}, bgrAt(m, 4, 2));
        }
    }

    @Test
    void grayPaletteBmpGifAndCmykAreExpandedToBgr() throws Exception {
        BufferedImage gray = new BufferedImage(3, 2, BufferedImage.TYPE_BYTE_GRAY);
        gray.getRaster().setSample(1, 1, 0, 77);
        try (Mat m = decoder.decodeBgr(OddImages.encode(gray, "png"))) {
            assert8BitBgr(m, 3, 2);
            assertArrayEquals(new int[] {77, 77, 77}, bgrAt(m, 1, 1));
        }
        byte[] r = {(byte) 250, 0};
        byte[] g = {10, 0};
        byte[] b = {20, (byte) 255};
        BufferedImage palette = new BufferedImage(2, 2, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(1, 2, r, g, b));
        palette.getRaster().setSample(0, 0, 0, 1);
        try (Mat m = decoder.decodeBgr(OddImages.encode(palette, "png"))) {
            assert8BitBgr(m, 2, 2);
            assertArrayEquals(new int[] {255, 0, 0}, bgrAt(m, 0, 0));
            assertArrayEquals(new int[] {20, 10, 250}, bgrAt(m, 1, 1));
        }
        BufferedImage rgb = OddImages.picture(40, 30, BufferedImage.TYPE_INT_RGB);
        for (String format : new String[] {"bmp", "gif"}) {
            try (Mat m = decoder.decodeBgr(OddImages.encode(rgb, format))) {
                assert8BitBgr(m, 40, 30);
                assertArrayEquals(new int[] {40, 120, 200}, bgrAt(m, 0, 0), format);
            }
        }
        try (Mat m = decoder.decodeBgr(OddImages.cmykJpeg(50, 40))) {
            assert8BitBgr(m, 50, 40);
        }
    }

    @Test
    void headerGivesFormatAndSizeWithoutDecoding() throws Exception {
        assertEquals(new ImageHeader(ImageHeader.Format.PNG, 30000, 30000),
                ImageHeader.parse(OddImages.hugePngHeader(30000, 30000)).orElseThrow());
        BufferedImage rgb = OddImages.picture(41, 29, BufferedImage.TYPE_INT_RGB);
        for (String format : new String[] {"png", "jpeg", "bmp", "gif"}) {
            ImageHeader h = ImageHeader.parse(OddImages.encode(rgb, format)).orElseThrow();
            assertEquals(41, h.width(), format);
            assertEquals(29, h.height(), format);
        }
    }

    @Test
    void webpIsReadFromItsHeaderAndDecoded() throws Exception {
        byte[] webp;
        try (Mat bgr = new Mat(30, 45, org.bytedeco.opencv.global.opencv_core.CV_8UC3,
                new org.bytedeco.opencv.opencv_core.Scalar(10, 200, 30, 0));
             org.bytedeco.javacpp.BytePointer buf = new org.bytedeco.javacpp.BytePointer()) {
            assertTrue(org.bytedeco.opencv.global.opencv_imgcodecs.imencode(".webp", bgr, buf));
            webp = new byte[(int) buf.limit()];
            buf.get(webp);
        }
        assertEquals(new ImageHeader(ImageHeader.Format.WEBP, 45, 30), ImageHeader.parse(webp).orElseThrow());
        try (Mat m = decoder.decodeBgr(webp)) {
            assert8BitBgr(m, 45, 30);
        }
    }

    @Test
    void hugeImagesAreRefusedBeforeDecoding() {
        BadImageException e = assertThrows(BadImageException.class,
                () -> decoder.decodeBgr(OddImages.hugePngHeader(30000, 30000)));
        assertTrue(e.getMessage().contains("30000x30000") && e.getMessage().contains("--max-pixels"), e.getMessage());
    }

    @Test
    void truncatedAndForeignContentGetClearReasons() throws Exception {
        byte[] jpeg = OddImages.encode(OddImages.picture(200, 200, BufferedImage.TYPE_INT_RGB), "jpeg");
        BadImageException cut = assertThrows(BadImageException.class,
                () -> decoder.decodeBgr(Arrays.copyOf(jpeg, jpeg.length / 2)));
        assertTrue(cut.getMessage().contains("truncated JPEG"), cut.getMessage());
        byte[] png = OddImages.encode(OddImages.picture(200, 200, BufferedImage.TYPE_INT_RGB), "png");
        BadImageException cutPng = assertThrows(BadImageException.class,
                () -> decoder.decodeBgr(Arrays.copyOf(png, png.length / 2)));
        assertTrue(cutPng.getMessage().contains("corrupt or truncated"), cutPng.getMessage());
        BadImageException text = assertThrows(BadImageException.class,
                () -> decoder.decodeBgr("just some text\n".getBytes()));
        assertTrue(text.getMessage().startsWith("not an image"), text.getMessage());
    }
}
