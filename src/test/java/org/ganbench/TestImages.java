package org.ganbench;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ganbench.common.Images;

/** Small synthetic images for tests: each one distinct, so that mix-ups show. */
public final class TestImages {
    private TestImages() {
    }

    /** A {@code w x h} image with a colour and a disc that depend on {@code seed}. */
    public static BufferedImage face(int w, int h, int seed) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.getHSBColor((seed * 0.137f) % 1f, 0.5f, 0.95f));
        g.fillRect(0, 0, w, h);
        g.setColor(Color.getHSBColor((seed * 0.311f + 0.5f) % 1f, 0.8f, 0.5f));
        int r = Math.min(w, h) / 3;
        g.fillOval(w / 2 - r + seed % 7 - 3, h / 2 - r, 2 * r, 2 * r);
        g.dispose();
        return img;
    }

    public static void writeFace(Path file, int w, int h, int seed) throws IOException {
        Images.writePng(face(w, h, seed), file);
    }

    /** A 5x5 sample grid of 64x64 tiles, as a run writes, varying with {@code seed}. */
    public static void writeGrid(Path file, int seed) throws IOException {
        List<BufferedImage> tiles = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            tiles.add(face(64, 64, seed * 25 + i));
        }
        Images.writePng(Images.grid(tiles, 5, 2), file);
    }
}
