package org.ganbench.dataset;

import java.util.Optional;

/**
 * Format and pixel dimensions read from the first bytes of an image file, without decoding it, so that huge
 * images can be refused before they take memory.
 */
public record ImageHeader(Format format, int width, int height) {

    public enum Format { JPEG, PNG, WEBP, BMP, GIF }

    public long pixels() {
        return (long) width * height;
    }

    /** The header of {@code data}, or empty when it starts like none of the supported formats. */
    public static Optional<ImageHeader> parse(byte[] data) throws MalformedHeaderException {
        if (startsWith(data, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            need(data, 24, "PNG");
            return Optional.of(of(Format.PNG, beInt(data, 16), beInt(data, 20)));
        }
        if (startsWith(data, 0xFF, 0xD8)) {
            return Optional.of(jpeg(data));
        }
        if (startsWith(data, 'G', 'I', 'F', '8')) {
            need(data, 10, "GIF");
            return Optional.of(of(Format.GIF, leShort(data, 6), leShort(data, 8)));
        }
        if (startsWith(data, 'B', 'M')) {
            need(data, 26, "BMP");
            // Height is negative for top-down bitmaps.
            return Optional.of(of(Format.BMP, leInt(data, 18), Math.abs(leInt(data, 22))));
        }
        if (startsWith(data, 'R', 'I', 'F', 'F') && data.length >= 12 && data[8] == 'W' && data[9] == 'E'
                && data[10] == 'B' && data[11] == 'P') {
            return Optional.of(webp(data));
        }
        return Optional.empty();
    }

    private static ImageHeader jpeg(byte[] d) throws MalformedHeaderException {
        int i = 2;
        while (i + 4 <= d.length) {
            if ((d[i] & 0xFF) != 0xFF) {
                throw new MalformedHeaderException("JPEG header is corrupt (no marker at byte " + i + ")");
            }
            int marker = d[i + 1] & 0xFF;
            if (marker == 0xFF) { // fill byte
                i++;
                continue;
            }
            int length = beShort(d, i + 2);
            boolean startOfFrame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8
                    && marker != 0xCC;
            if (startOfFrame) {
                need(d, i + 9, "JPEG");
                return of(Format.JPEG, beShort(d, i + 7), beShort(d, i + 5));
            }
            if (marker == 0xDA || marker == 0xD9) {
                break;
            }
            i += 2 + length;
        }
        throw new MalformedHeaderException("JPEG file is truncated or corrupt: no frame header with the image size");
    }

    private static ImageHeader webp(byte[] d) throws MalformedHeaderException {
        need(d, 30, "WebP");
        String chunk = new String(d, 12, 4, java.nio.charset.StandardCharsets.US_ASCII);
        return switch (chunk) {
            case "VP8 " -> of(Format.WEBP, leShort(d, 26) & 0x3FFF, leShort(d, 28) & 0x3FFF);
            case "VP8L" -> {
                int bits = leInt(d, 21);
                yield of(Format.WEBP, (bits & 0x3FFF) + 1, ((bits >>> 14) & 0x3FFF) + 1);
            }
            case "VP8X" -> of(Format.WEBP, le24(d, 24) + 1, le24(d, 27) + 1);
            default -> throw new MalformedHeaderException("WebP file has an unknown chunk '" + chunk + "'");
        };
    }

    private static ImageHeader of(Format format, int w, int h) throws MalformedHeaderException {
        if (w <= 0 || h <= 0) {
            throw new MalformedHeaderException(format + " header gives an invalid size " + w + "x" + h);
        }
        return new ImageHeader(format, w, h);
    }

    private static void need(byte[] d, int n, String format) throws MalformedHeaderException {
        if (d.length < n) {
            throw new MalformedHeaderException(format + " file is truncated inside its header (" + d.length + " bytes)");
        }
    }

    private static boolean startsWith(byte[] d, int... magic) {
        if (d.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((d[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static int beInt(byte[] d, int o) {
        return (d[o] & 0xFF) << 24 | (d[o + 1] & 0xFF) << 16 | (d[o + 2] & 0xFF) << 8 | (d[o + 3] & 0xFF);
    }

    private static int beShort(byte[] d, int o) {
        return (d[o] & 0xFF) << 8 | (d[o + 1] & 0xFF);
    }

    private static int leShort(byte[] d, int o) {
        return (d[o] & 0xFF) | (d[o + 1] & 0xFF) << 8;
    }

    private static int le24(byte[] d, int o) {
        return (d[o] & 0xFF) | (d[o + 1] & 0xFF) << 8 | (d[o + 2] & 0xFF) << 16;
    }

    private static int leInt(byte[] d, int o) {
        return le24(d, o) | (d[o + 3] & 0xFF) << 24;
    }

    /** The file starts like a supported format but its header is damaged. */
    public static final class MalformedHeaderException extends Exception {
        public MalformedHeaderException(String message) {
            super(message);
        }
    }
}
