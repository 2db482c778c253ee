package org.ganbench.inspect;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ganbench.common.CancellationToken;
import org.ganbench.common.Images;
import org.ganbench.common.ProgressListener;
import org.ganbench.train.GeneratedImages;
import org.ganbench.train.LatentNoise;
import org.ganbench.train.RunGenerator;

/**
 * Rows of images along paths through a generator's latent space ({@link LatentPaths}): interpolation strips between
 * two noise vectors, or walks from a base vector along a direction. Holds the latent vectors and the generated images
 * ({@code rows x steps}, row after row), and writes them as one strip image and as single images.
 */
public final class LatentStrip {
    private final int rows;
    private final int steps;
    private final int side;
    private final float[] latents;
    private final byte[] rgb;

    private LatentStrip(int rows, int steps, int side, float[] latents, byte[] rgb) {
        this.rows = rows;
        this.steps = steps;
        this.side = side;
        this.latents = latents;
        this.rgb = rgb;
    }

    /**
     * One row per pair {@code from.get(r) -> to.get(r)}, {@code steps} images each, linear or, with
     * {@code spherical}, spherical interpolation.
     */
    public static LatentStrip interpolations(RunGenerator generator, List<float[]> from, List<float[]> to, int steps,
                                             boolean spherical, ProgressListener progress, CancellationToken cancel) {
        if (from.size() != to.size() || from.isEmpty()) {
            throw new IllegalArgumentException("need as many start as end vectors, at least one: " + from.size()
                    + " and " + to.size());
        }
        List<float[]> paths = new ArrayList<>();
        for (int r = 0; r < from.size(); r++) {
            paths.add(LatentPaths.interpolate(from.get(r), to.get(r), steps, spherical));
        }
        return generate(generator, paths, steps, progress, cancel);
    }

    /** Strips between the pairs of samples that {@code seed} draws: row r goes from sample 2r to sample 2r + 1. */
    public static LatentStrip interpolations(RunGenerator generator, long seed, int rows, int steps, boolean spherical,
                                             ProgressListener progress, CancellationToken cancel) {
        requireRows(rows);
        List<float[]> from = new ArrayList<>();
        List<float[]> to = new ArrayList<>();
        float[] noise = LatentNoise.uniform(seed, 2 * rows, generator.latentSize());
        for (int r = 0; r < rows; r++) {
            from.add(row(noise, 2 * r, generator.latentSize()));
            to.add(row(noise, 2 * r + 1, generator.latentSize()));
        }
        return interpolations(generator, from, to, steps, spherical, progress, cancel);
    }

    /** One row per base vector: {@code steps} images walking from it along {@code direction} ({@link LatentPaths#walk}). */
    public static LatentStrip walks(RunGenerator generator, List<float[]> bases, float[] direction, double stepSize,
                                    int steps, boolean clamp, ProgressListener progress, CancellationToken cancel) {
        if (bases.isEmpty()) {
            throw new IllegalArgumentException("a walk needs at least one base vector");
        }
        List<float[]> paths = new ArrayList<>();
        for (float[] base : bases) {
            paths.add(LatentPaths.walk(base, direction, stepSize, steps, clamp));
        }
        return generate(generator, paths, steps, progress, cancel);
    }

    /** Walks from the first {@code rows} samples that {@code seed} draws, all along the same direction. */
    public static LatentStrip walks(RunGenerator generator, long seed, int rows, float[] direction, double stepSize,
                                    int steps, boolean clamp, ProgressListener progress, CancellationToken cancel) {
        requireRows(rows);
        float[] noise = LatentNoise.uniform(seed, rows, generator.latentSize());
        List<float[]> bases = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            bases.add(row(noise, r, generator.latentSize()));
        }
        return walks(generator, bases, direction, stepSize, steps, clamp, progress, cancel);
    }

    private static LatentStrip generate(RunGenerator generator, List<float[]> paths, int steps,
                                        ProgressListener progress, CancellationToken cancel) {
        int latent = generator.latentSize();
        float[] all = new float[paths.size() * steps * latent];
        for (int r = 0; r < paths.size(); r++) {
            System.arraycopy(paths.get(r), 0, all, r * steps * latent, steps * latent);
        }
        int n = paths.size() * steps;
        return new LatentStrip(paths.size(), steps, generator.imageSide(), all,
                generator.generate(all, n, progress, cancel));
    }

    private static void requireRows(int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("the number of rows must be at least 1, was " + rows);
        }
    }

    private static float[] row(float[] vectors, int index, int latent) {
        return Arrays.copyOfRange(vectors, index * latent, (index + 1) * latent);
    }

    public int rows() {
        return rows;
    }

    public int steps() {
        return steps;
    }

    public int side() {
        return side;
    }

    /** The latent vector of one tile. */
    public float[] latent(int row, int step) {
        return row(latents, index(row, step), latents.length / (rows * steps));
    }

    /** The packed RGB bytes of one tile. */
    public byte[] pixels(int row, int step) {
        int bytes = side * side * 3;
        int start = index(row, step) * bytes;
        return Arrays.copyOfRange(rgb, start, start + bytes);
    }

    private int index(int row, int step) {
        if (row < 0 || row >= rows || step < 0 || step >= steps) {
            throw new IndexOutOfBoundsException("tile (" + row + ", " + step + ") outside " + rows + " x " + steps);
        }
        return row * steps + step;
    }

    /** Every tile as an image, row after row. */
    public List<BufferedImage> tiles() {
        return GeneratedImages.split(rgb, rows * steps, side);
    }

    /** The strip image: {@code rows x steps} tiles with the grids' white border. */
    public BufferedImage image() {
        return Images.grid(tiles(), steps, GeneratedImages.GRID_GAP);
    }

    /** Writes the strip image to {@code png} (atomically). */
    public void writeImage(Path png) throws IOException {
        Images.writePng(image(), png);
    }

    /** Writes every tile to {@code dir} as {@link #tileName}; returns how many. */
    public int writeTiles(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<BufferedImage> tiles = tiles();
        for (int i = 0; i < tiles.size(); i++) {
            Images.writePng(tiles.get(i), dir.resolve(tileName(i / steps, i % steps)));
        }
        return tiles.size();
    }

    /** File name of one tile: {@code row_RR_step_SS.png}. */
    public static String tileName(int row, int step) {
        return String.format("row_%02d_step_%02d.png", row, step);
    }
}
