package org.ganbench.eval;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.ganbench.dataset.FaceSet;

/**
 * Reads a synthetic face's mode back from its pixels, by construction of {@link SyntheticFaces}: the hair colour
 * from the median of a region that is hair under every jitter, the eye colour from the median of the strongly
 * coloured pixels of two eye windows, the background from the corners. Each colour is matched to the palette after
 * the best brightness scaling (the drawing shades faces by +-12%).
 */
public final class ModeClassifier {
    private static final int[] HAIR_ROWS = {15, 22};
    private static final int[] HAIR_COLS = {26, 38};
    private static final int[] EYE_ROWS = {33, 42};
    private static final int[][] EYE_COLS = {{21, 29}, {35, 43}};
    private static final int MIN_EYE_CHROMA = 70;
    private static final int CORNER = 4;

    private ModeClassifier() {
    }

    /** The mode (0..63) of every face. */
    public static int[] classify(FaceSet faces) {
        if (faces.side() != SyntheticFaces.SIDE) {
            throw new IllegalArgumentException("the mode classifier reads " + SyntheticFaces.SIDE + " px faces, got "
                    + faces.side());
        }
        return IntStream.range(0, faces.count()).parallel()
                .map(i -> classify(faces.pixels(), i * faces.faceBytes())).toArray();
    }

    /** The mode of one packed RGB 64x64 face. */
    static int classify(byte[] rgb, int offset) {
        int hair = nearest(median(rgb, offset, HAIR_ROWS, new int[][] {HAIR_COLS}, 0), SyntheticFaces.HAIR);
        int eyes = nearest(median(rgb, offset, EYE_ROWS, EYE_COLS, MIN_EYE_CHROMA), SyntheticFaces.EYES);
        double brightness = 0;
        int n = 0;
        for (int y : new int[] {0, SyntheticFaces.SIDE - CORNER}) {
            for (int x : new int[] {0, SyntheticFaces.SIDE - CORNER}) {
                for (int dy = 0; dy < CORNER; dy++) {
                    for (int dx = 0; dx < CORNER; dx++) {
                        int o = offset + ((y + dy) * SyntheticFaces.SIDE + x + dx) * 3;
                        brightness += (rgb[o] & 0xff) + (rgb[o + 1] & 0xff) + (rgb[o + 2] & 0xff);
                        n += 3;
                    }
                }
            }
        }
        int background = brightness / n > 128 ? 0 : 1;
        return SyntheticFaces.mode(hair, eyes, background);
    }

    /**
     * Per-channel median of the pixels in the given rows and column ranges (inclusive) whose chroma (max - min) is
     * at least {@code minChroma}; all of them if none is.
     */
    private static double[] median(byte[] rgb, int offset, int[] rows, int[][] colRanges, int minChroma) {
        int[][] channels = new int[3][(rows[1] - rows[0] + 1) * SyntheticFaces.SIDE];
        int[][] all = new int[3][channels[0].length];
        int count = 0;
        int countAll = 0;
        for (int y = rows[0]; y <= rows[1]; y++) {
            for (int[] cols : colRanges) {
                for (int x = cols[0]; x <= cols[1]; x++) {
                    int o = offset + (y * SyntheticFaces.SIDE + x) * 3;
                    int r = rgb[o] & 0xff;
                    int g = rgb[o + 1] & 0xff;
                    int b = rgb[o + 2] & 0xff;
                    all[0][countAll] = r;
                    all[1][countAll] = g;
                    all[2][countAll++] = b;
                    if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) >= minChroma) {
                        channels[0][count] = r;
                        channels[1][count] = g;
                        channels[2][count++] = b;
                    }
                }
            }
        }
        int[][] source = count > 0 ? channels : all;
        int n = count > 0 ? count : countAll;
        double[] out = new double[3];
        for (int c = 0; c < 3; c++) {
            int[] v = Arrays.copyOf(source[c], n);
            Arrays.sort(v);
            out[c] = v[n / 2];
        }
        return out;
    }

    /** Index of the palette colour nearest to {@code c} after scaling it by the best factor in [0.8, 1.2]. */
    private static int nearest(double[] c, int[][] palette) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < palette.length; i++) {
            int[] p = palette[i];
            double dot = c[0] * p[0] + c[1] * p[1] + c[2] * p[2];
            double norm = (double) p[0] * p[0] + (double) p[1] * p[1] + (double) p[2] * p[2];
            double scale = Math.max(0.8, Math.min(1.2, dot / norm));
            double d = 0;
            for (int k = 0; k < 3; k++) {
                double diff = c[k] - Math.min(255, scale * p[k]);
                d += diff * diff;
            }
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        return best;
    }
}
