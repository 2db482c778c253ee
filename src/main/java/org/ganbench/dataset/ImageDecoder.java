package org.ganbench.dataset;

import static org.bytedeco.opencv.global.opencv_core.CV_16U;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_UNCHANGED;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGB2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.ganbench.common.Images;

/**
 * Turns the bytes of a JPEG, PNG, WebP, BMP or GIF (first frame) file into an 8-bit BGR image: 16-bit samples are
 * scaled to 8 bits, gray and palette images expanded, CMYK JPEGs converted (by OpenCV's libjpeg), and transparent
 * pixels composited on white. Images above a pixel limit are refused from their header, before any decoding.
 */
public final class ImageDecoder {
    /** 100 megapixels: far above any illustration, well below what would exhaust memory (300 MB as BGR). */
    public static final long DEFAULT_MAX_PIXELS = 100_000_000L;

    // Compressed images are far smaller than their pixels; a file beyond this is not one worth reading whole.
    private static final long MAX_FILE_BYTES = 1L << 30;

    private final long maxPixels;

    public ImageDecoder(long maxPixels) {
        if (maxPixels < 1) {
            throw new IllegalArgumentException("pixel limit must be positive, was " + maxPixels);
        }
        this.maxPixels = maxPixels;
    }

    /** The whole file, or a reason why it cannot be read. */
    public static byte[] readFile(Path file) throws BadImageException {
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new BadImageException("file is " + size + " bytes, larger than any image this reads ("
                        + MAX_FILE_BYTES + ")");
            }
            byte[] data = Files.readAllBytes(file);
            if (data.length == 0) {
                throw new BadImageException("empty file (0 bytes)");
            }
            return data;
        } catch (AccessDeniedException e) {
            throw new BadImageException("cannot read the file: permission denied", e);
        } catch (NoSuchFileException e) {
            throw new BadImageException("the file disappeared while the job ran", e);
        } catch (IOException e) {
            String reason = e.getMessage() != null && e.getMessage().contains("Too many levels of symbolic links")
                    ? "symbolic link loop" : "cannot read the file: " + e.getMessage();
            throw new BadImageException(reason, e);
        } catch (OutOfMemoryError e) {
            throw new BadImageException("file too large to read into memory", e);
        }
    }

    /** The format and size from the file's header, after checking them against the pixel limit. */
    public ImageHeader header(byte[] data) throws BadImageException {
        ImageHeader header;
        try {
            header = ImageHeader.parse(data).orElseThrow(() -> new BadImageException(
                    "not an image: the content is not JPEG, PNG, WebP, BMP or GIF"));
        } catch (ImageHeader.MalformedHeaderException e) {
            throw new BadImageException(e.getMessage(), e);
        }
        if (header.pixels() > maxPixels) {
            throw new BadImageException("image is " + header.width() + "x" + header.height() + " = " + header.pixels()
                    + " pixels, above the limit of " + maxPixels + " (raise it with --max-pixels)");
        }
        return header;
    }

    /** The header of an image file, reading only its first bytes. */
    public ImageHeader headerOf(Path file) throws IOException {
        byte[] start;
        try (var in = Files.newInputStream(file)) {
            start = in.readNBytes(64 * 1024); // enough for JPEG's EXIF and other segments before the frame header
        }
        try {
            return header(start);
        } catch (BadImageException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** An 8-bit, 3-channel BGR image; the caller closes it. */
    public Mat decodeBgr(byte[] data) throws BadImageException {
        ImageHeader header = header(data);
        if (header.format() == ImageHeader.Format.GIF) {
            return decodeGif(data);
        }
        if (header.format() == ImageHeader.Format.JPEG && !hasEndOfImage(data)) {
            throw new BadImageException("truncated JPEG: the end-of-image marker is missing");
        }
        // JPEG has no alpha; IMREAD_COLOR also applies its EXIF orientation, as the reference detector does.
        int flags = header.format() == ImageHeader.Format.JPEG ? IMREAD_COLOR : IMREAD_UNCHANGED;
        Mat decoded;
        try (BytePointer bytes = new BytePointer(data); Mat encoded = new Mat(bytes)) {
            decoded = imdecode(encoded, flags);
        } catch (RuntimeException e) {
            throw new BadImageException("cannot decode " + header.format() + ": " + e.getMessage(), e);
        }
        if (decoded == null || decoded.empty()) {
            throw new BadImageException("cannot decode " + header.format() + " data: the file is corrupt or truncated");
        }
        if (decoded.depth() == CV_8U && decoded.channels() == 3) {
            return decoded; // the common case (every JPEG): no conversion, no copy
        }
        try {
            return toBgr8(decoded);
        } finally {
            decoded.close();
        }
    }

    private static Mat toBgr8(Mat decoded) throws BadImageException {
        Mat eightBit = decoded;
        if (decoded.depth() == CV_16U) {
            eightBit = new Mat();
            decoded.convertTo(eightBit, CV_8U, 1.0 / 257.0, 0.0);
        } else if (decoded.depth() != CV_8U) {
            throw new BadImageException("unsupported sample type (OpenCV depth " + decoded.depth() + ")");
        }
        try {
            Mat bgr = new Mat();
            switch (eightBit.channels()) {
                case 3 -> eightBit.copyTo(bgr);
                case 1 -> cvtColor(eightBit, bgr, COLOR_GRAY2BGR);
                case 4 -> compositeOnWhite(eightBit, bgr);
                default -> {
                    bgr.close();
                    throw new BadImageException("unsupported number of channels: " + eightBit.channels());
                }
            }
            return bgr;
        } finally {
            if (eightBit != decoded) {
                eightBit.close();
            }
        }
    }

    /** BGRA to BGR over a white background, rounding like Images.toRgb so both decoders agree. */
    private static void compositeOnWhite(Mat bgra, Mat bgr) {
        int w = bgra.cols();
        int h = bgra.rows();
        Mat packed = bgra.isContinuous() ? bgra : bgra.clone();
        byte[] in = new byte[w * h * 4];
        packed.data().get(in);
        if (packed != bgra) {
            packed.close();
        }
        byte[] out = new byte[w * h * 3];
        for (int i = 0, j = 0; i < in.length; i += 4, j += 3) {
            int a = in[i + 3] & 0xFF;
            for (int c = 0; c < 3; c++) {
                int v = in[i + c] & 0xFF;
                out[j + c] = (byte) (a == 255 ? v : (v * a + 255 * (255 - a) + 127) / 255);
            }
        }
        bgr.create(h, w, CV_8UC3);
        bgr.data().put(out);
    }

    private static Mat decodeGif(byte[] data) throws BadImageException {
        BufferedImage first;
        try {
            first = ImageIO.read(new ByteArrayInputStream(data));
        } catch (IOException | RuntimeException e) {
            throw new BadImageException("cannot decode GIF: " + e.getMessage(), e);
        }
        if (first == null) {
            throw new BadImageException("cannot decode GIF data: the file is corrupt or truncated");
        }
        byte[] rgb = Images.toRgb(first);
        try (Mat mat = new Mat(first.getHeight(), first.getWidth(), CV_8UC3)) {
            mat.data().put(rgb);
            Mat bgr = new Mat();
            cvtColor(mat, bgr, COLOR_RGB2BGR);
            return bgr;
        }
    }

    private static boolean hasEndOfImage(byte[] d) {
        // Some writers append padding after the end-of-image marker, so look for it near the end, not only there.
        int from = Math.max(2, d.length - 4096);
        for (int i = d.length - 2; i >= from; i--) {
            if ((d[i] & 0xFF) == 0xFF && (d[i + 1] & 0xFF) == 0xD9) {
                return true;
            }
        }
        return false;
    }
}
