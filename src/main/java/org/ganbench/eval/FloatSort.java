package org.ganbench.eval;

/**
 * Ascending sort of floats by a three-pass LSD radix sort on their bit patterns: several times faster than
 * Arrays.sort for the quarter-million projections SWD sorts hundreds of times. Order matches Float.compare for
 * all finite values and infinities.
 */
final class FloatSort {
    private static final int BITS = 11;
    private static final int BUCKETS = 1 << BITS;

    private FloatSort() {
    }

    static void sort(float[] values) {
        int n = values.length;
        int[] keys = new int[n];
        for (int i = 0; i < n; i++) {
            int bits = Float.floatToRawIntBits(values[i]);
            // Negative floats sort reversed: flip all their bits; positives flip only the sign bit.
            keys[i] = bits ^ ((bits >> 31) | Integer.MIN_VALUE);
        }
        int[] tmp = new int[n];
        int[] count = new int[BUCKETS];
        for (int shift = 0; shift < 32; shift += BITS) {
            java.util.Arrays.fill(count, 0);
            for (int k : keys) {
                count[(k >>> shift) & (BUCKETS - 1)]++;
            }
            int sum = 0;
            for (int b = 0; b < BUCKETS; b++) {
                int c = count[b];
                count[b] = sum;
                sum += c;
            }
            for (int k : keys) {
                tmp[count[(k >>> shift) & (BUCKETS - 1)]++] = k;
            }
            int[] swap = keys;
            keys = tmp;
            tmp = swap;
        }
        for (int i = 0; i < n; i++) {
            int k = keys[i];
            int bits = k ^ (((~k) >> 31) | Integer.MIN_VALUE);
            values[i] = Float.intBitsToFloat(bits);
        }
    }
}
