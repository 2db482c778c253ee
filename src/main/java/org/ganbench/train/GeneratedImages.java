package org.ganbench.train;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.ganbench.common.Images;

/** Turns a generator's packed RGB output into images. */
public final class GeneratedImages {
    /** White border between the tiles of a grid. */
    public static final int GRID_GAP = 2;

    private GeneratedImages() {
    }

    /** The {@code n} images of {@code side x side} held in {@code rgb}. */
    public static List<BufferedImage> split(byte[] rgb, int n, int side) {
        if (rgb.length != n * side * side * 3) {
            throw new IllegalArgumentException("expected " + n + " images of " + side + "px, got " + rgb.length + " bytes");
        }
        List<BufferedImage> tiles = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            tiles.add(Images.fromRgb(rgb, i * side * side * 3, side, side));
        }
        return tiles;
    }

    /** The images tiled in a near-square grid (5x5 for 25). */
    public static BufferedImage grid(byte[] rgb, int n, int side) {
        int cols = (int) Math.ceil(Math.sqrt(n));
        return Images.grid(split(rgb, n, side), cols, GRID_GAP);
    }
}
