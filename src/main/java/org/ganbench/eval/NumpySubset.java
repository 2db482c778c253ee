package org.ganbench.eval;

import java.util.Arrays;

/**
 * The subset {@code sorted(numpy.random.default_rng(seed).choice(count, n, replace=False))} that
 * {@code shared/bench/swd.py} scores, reproduced index for index: numpy's SeedSequence, its PCG64 generator and the
 * two sampling paths of {@code Generator.choice} (Floyd's algorithm, or a partial shuffle of the tail for large
 * populations). SWD's second pyramid level moves by about 6% between subsets of 1,000 faces while the reference's
 * own draws move it by about 2%, so comparing with the reference level by level needs the same faces.
 */
final class NumpySubset {
    private static final int POOL = 4;
    private static final long MULT_HI = 0x2360ed051fc65da4L;
    private static final long MULT_LO = 0x4385df649fccf645L;

    private long stateHi;
    private long stateLo;
    private final long incHi;
    private final long incLo;
    private boolean hasHalf;
    private int half;

    private NumpySubset(long seed) {
        long[] words = seedSequenceState(seed);
        long initHi = words[0];
        long initLo = words[1];
        // pcg_setseq_128_srandom_r: inc = (initseq << 1) | 1; step; state += initstate; step
        incHi = (words[2] << 1) | (words[3] >>> 63);
        incLo = (words[3] << 1) | 1;
        step();
        long lo = stateLo + initLo;
        stateHi = stateHi + initHi + (Long.compareUnsigned(lo, stateLo) < 0 ? 1 : 0);
        stateLo = lo;
        step();
    }

    /** {@code n} distinct indices below {@code count}, ascending, exactly as numpy draws them. */
    static int[] sortedChoice(int count, int n, long seed) {
        if (n < 0 || n > count) {
            throw new IllegalArgumentException("cannot choose " + n + " of " + count);
        }
        NumpySubset rng = new NumpySubset(seed);
        int[] chosen = new int[n];
        if (count > 10000 && n > count / 50) {
            // Generator.choice's tail shuffle: Fisher-Yates over the last n positions only
            int[] order = new int[count];
            Arrays.setAll(order, i -> i);
            for (int i = count - 1; i >= Math.max(count - n, 1); i--) {
                int j = (int) rng.bounded(i);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            System.arraycopy(order, count - n, chosen, 0, n);
        } else {
            // Floyd's algorithm: one draw per element, j itself when the draw was taken already
            boolean[] taken = new boolean[count];
            for (int j = count - n, k = 0; j < count; j++, k++) {
                int v = (int) rng.bounded(j);
                int pick = taken[v] ? j : v;
                taken[pick] = true;
                chosen[k] = pick;
            }
        }
        Arrays.sort(chosen);
        return chosen;
    }

    /** numpy's random_bounded_uint64(0, max) for max below 2^32: Lemire's multiply-and-reject on 32-bit draws. */
    private long bounded(long max) {
        if (max == 0) {
            return 0;
        }
        long range = max + 1;
        long m = (next32() & 0xffffffffL) * range;
        long leftover = m & 0xffffffffL;
        if (leftover < range) {
            long threshold = (0xffffffffL - max) % range;
            while (leftover < threshold) {
                m = (next32() & 0xffffffffL) * range;
                leftover = m & 0xffffffffL;
            }
        }
        return m >>> 32;
    }

    /** PCG64 hands out a 64-bit output's low half first and keeps the high half for the next call. */
    private int next32() {
        if (hasHalf) {
            hasHalf = false;
            return half;
        }
        long next = next64();
        hasHalf = true;
        half = (int) (next >>> 32);
        return (int) next;
    }

    /** PCG64 (XSL-RR 128/64): advance the 128-bit LCG, then fold and rotate the new state. */
    private long next64() {
        step();
        return Long.rotateRight(stateHi ^ stateLo, (int) (stateHi >>> 58));
    }

    private void step() {
        long lo = stateLo * MULT_LO;
        long hi = unsignedMultiplyHigh(stateLo, MULT_LO) + stateLo * MULT_HI + stateHi * MULT_LO;
        long sumLo = lo + incLo;
        stateHi = hi + incHi + (Long.compareUnsigned(sumLo, lo) < 0 ? 1 : 0);
        stateLo = sumLo;
    }

    private static long unsignedMultiplyHigh(long a, long b) {
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }

    /** SeedSequence(seed).generate_state(4, uint64) for a non-negative seed below 2^64 (no spawn key). */
    static long[] seedSequenceState(long seed) {
        int[] entropy = (seed >>> 32) == 0 ? new int[] {(int) seed} : new int[] {(int) seed, (int) (seed >>> 32)};
        int[] pool = new int[POOL];
        int[] hashConst = {0x43b0d7e5};
        for (int i = 0; i < POOL; i++) {
            pool[i] = hashMix(i < entropy.length ? entropy[i] : 0, hashConst);
        }
        for (int src = 0; src < POOL; src++) {
            for (int dst = 0; dst < POOL; dst++) {
                if (src != dst) {
                    pool[dst] = mix(pool[dst], hashMix(pool[src], hashConst));
                }
            }
        }
        for (int src = POOL; src < entropy.length; src++) {
            for (int dst = 0; dst < POOL; dst++) {
                pool[dst] = mix(pool[dst], hashMix(entropy[src], hashConst));
            }
        }
        int[] words = new int[2 * POOL];
        int c = 0x8b51f9dd;
        for (int i = 0; i < words.length; i++) {
            int v = pool[i % POOL] ^ c;
            c *= 0x58f38ded;
            v *= c;
            words[i] = v ^ (v >>> 16);
        }
        long[] out = new long[POOL];
        for (int i = 0; i < POOL; i++) {
            out[i] = (words[2 * i] & 0xffffffffL) | ((long) words[2 * i + 1] << 32);
        }
        return out;
    }

    private static int hashMix(int value, int[] hashConst) {
        value ^= hashConst[0];
        hashConst[0] *= 0x931e8875;
        value *= hashConst[0];
        return value ^ (value >>> 16);
    }

    private static int mix(int x, int y) {
        int r = 0xca01f9dd * x - 0x4973f715 * y;
        return r ^ (r >>> 16);
    }
}
