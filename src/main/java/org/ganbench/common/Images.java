package org.ganbench.common;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/** Conversions between images and the packed RGB bytes (row-major, 3 bytes a pixel) that the core passes around. */
public final class Images {
    private Images() {
    }

    /** Packs an image's pixels as RGB bytes; transparent pixels are composited on white. */
    public static byte[] toRgb(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        byte[] rgb = new byte[w * h * 3];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            int a = p >>> 24;
            int r = (p >> 16) & 0xff;
            int g = (p >> 8) & 0xff;
            int b = p & 0xff;
            if (a != 255) {
                r = (r * a + 255 * (255 - a) + 127) / 255;
                g = (g * a + 255 * (255 - a) + 127) / 255;
                b = (b * a + 255 * (255 - a) + 127) / 255;
            }
            rgb[3 * i] = (byte) r;
            rgb[3 * i + 1] = (byte) g;
            rgb[3 * i + 2] = (byte) b;
        }
        return rgb;
    }

    /** An RGB image of {@code w x h} from packed RGB bytes starting at {@code offset}. */
    public static BufferedImage fromRgb(byte[] rgb, int offset, int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] px = new int[w * h];
        for (int i = 0; i < px.length; i++) {
            int o = offset + 3 * i;
            px[i] = (rgb[o] & 0xff) << 16 | (rgb[o + 1] & 0xff) << 8 | (rgb[o + 2] & 0xff);
        }
        image.setRGB(0, 0, w, h, px, 0, w);
        return image;
    }

    /** Scales to {@code size x size} (area-like for shrinking: progressive halving, then bilinear). */
    public static BufferedImage resizeSquare(BufferedImage src, int size) {
        BufferedImage current = src;
        while (current.getWidth() >= 2 * size && current.getHeight() >= 2 * size) {
            current = scale(current, current.getWidth() / 2, current.getHeight() / 2);
        }
        return current.getWidth() == size && current.getHeight() == size && current.getType() == BufferedImage.TYPE_INT_RGB
                ? current : scale(current, size, size);
    }

    private static BufferedImage scale(BufferedImage src, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(src, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** Tiles equally sized images into a {@code cols}-wide grid with a {@code gap}-pixel white border. */
    public static BufferedImage grid(List<BufferedImage> tiles, int cols, int gap) {
        if (tiles.isEmpty()) {
            throw new IllegalArgumentException("no images to tile");
        }
        int tw = tiles.get(0).getWidth();
        int th = tiles.get(0).getHeight();
        int rows = (tiles.size() + cols - 1) / cols;
        BufferedImage out = new BufferedImage(cols * tw + (cols + 1) * gap, rows * th + (rows + 1) * gap,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            for (int i = 0; i < tiles.size(); i++) {
                g.drawImage(tiles.get(i), gap + (i % cols) * (tw + gap), gap + (i / cols) * (th + gap), null);
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    /** Writes a PNG atomically (see {@link AtomicFiles}). */
    public static void writePng(BufferedImage image, Path target) throws IOException {
        AtomicFiles.write(target, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        });
    }
}
