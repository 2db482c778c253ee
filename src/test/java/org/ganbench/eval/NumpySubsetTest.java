package org.ganbench.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * {@code eval swd} must score the faces swd.py scores: its second level moved by 6% between subsets of 1,000 while
 * the draws move it by 2%, so a different subset read as a 3-7% disagreement. Expected values printed by
 * {@code sorted(numpy.random.default_rng(seed).choice(count, n, replace=False))} with Debian's numpy 1.24.2.
 */
class NumpySubsetTest {
    @Test
    void seedSequenceMatchesNumpy() {
        // numpy.random.SeedSequence(0).generate_state(4, numpy.uint64)
        assertArrayEquals(new long[] {0xdb2cd7e7b0f478beL, 0xabf4641a2c71ba49L, 0x20c6ed6d9d7b8d41L,
                0x2c4099de223c39d4L}, NumpySubset.seedSequenceState(0));
    }

    @Test
    void floydPathMatchesNumpy() {
        assertArrayEquals(new int[] {2, 4, 5, 7}, NumpySubset.sortedChoice(10, 4, 0));
        assertChoice(4000, 1000, 0, new int[] {1, 8, 12, 16, 18, 21}, new int[] {3990, 3996, 3998}, 2035900);
        assertChoice(10000, 1000, 5, new int[] {0, 8, 9, 10, 25, 38}, new int[] {9984, 9985, 9996}, 4957666);
        // above 10,000 faces but a small share of them: still Floyd's algorithm
        assertChoice(20000, 100, 0, new int[] {54, 106, 165, 329, 440, 564}, new int[] {19573, 19898, 19950},
                1020706);
    }

    @Test
    void tailShufflePathMatchesNumpy() {
        assertChoice(20000, 1000, 3, new int[] {22, 29, 43, 59, 83, 94}, new int[] {19937, 19948, 19988}, 9808118);
    }

    @Test
    void faceFoldersSampleTheReferenceSubset() {
        assertArrayEquals(NumpySubset.sortedChoice(4000, 1000, 0), FaceFolders.sampleIndices(4000, 1000, 0));
        assertEquals(12, FaceFolders.sampleIndices(12, 20, 0).length);
    }

    private static void assertChoice(int count, int n, long seed, int[] head, int[] tail, long sum) {
        int[] got = NumpySubset.sortedChoice(count, n, seed);
        assertEquals(n, got.length);
        assertArrayEquals(head, Arrays.copyOf(got, head.length));
        assertArrayEquals(tail, Arrays.copyOfRange(got, n - tail.length, n));
        assertEquals(sum, Arrays.stream(got).asLongStream().sum());
    }
}
