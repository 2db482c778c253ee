package org.ganbench.dataset;

/**
 * A 64-bit DCT perceptual hash (pHash): the signs, against their median, of the 8x8 lowest frequencies of a 32x32
 * gray thumbnail. Near-identical pictures (re-encoded, slightly resized or shifted) differ in few bits.
 */
public final class PerceptualHash {
    public static final int SIDE = 32;
    private static final int LOW = 8;
    private static final double[][] COSINES = new double[LOW][SIDE];

    static {
        for (int u = 0; u < LOW; u++) {
            for (int x = 0; x < SIDE; x++) {
                COSINES[u][x] = Math.cos((2 * x + 1) * u * Math.PI / (2 * SIDE));
            }
        }
    }

    private PerceptualHash() {
    }

    /** The hash of a 32x32 gray thumbnail given as row-major bytes. */
    public static long of(byte[] gray32) {
        if (gray32.length != SIDE * SIDE) {
            throw new IllegalArgumentException("expected a 32x32 thumbnail, got " + gray32.length + " bytes");
        }
        // Separable DCT-II, keeping only the low 8 frequencies in each direction.
        double[][] rows = new double[SIDE][LOW];
        for (int y = 0; y < SIDE; y++) {
            for (int u = 0; u < LOW; u++) {
                double s = 0;
                for (int x = 0; x < SIDE; x++) {
                    s += (gray32[y * SIDE + x] & 0xFF) * COSINES[u][x];
                }
                rows[y][u] = s;
            }
        }
        double[] coeff = new double[LOW * LOW];
        for (int v = 0; v < LOW; v++) {
            for (int u = 0; u < LOW; u++) {
                double s = 0;
                for (int y = 0; y < SIDE; y++) {
                    s += rows[y][u] * COSINES[v][y];
                }
                coeff[v * LOW + u] = s;
            }
        }
        // The DC term only says how bright the picture is; leave it out of the median.
        double[] ac = java.util.Arrays.copyOfRange(coeff, 1, coeff.length);
        java.util.Arrays.sort(ac);
        double median = (ac[ac.length / 2 - 1] + ac[ac.length / 2]) / 2;
        long hash = 0;
        for (int i = 0; i < coeff.length; i++) {
            if (coeff[i] > median) {
                hash |= 1L << i;
            }
        }
        return hash;
    }

    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    public static String toHex(long hash) {
        return String.format("%016x", hash);
    }

    public static long fromHex(String hex) {
        return Long.parseUnsignedLong(hex, 16);
    }
}
