package org.ganbench.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.ganbench.dataset.FaceSet;
import org.junit.jupiter.api.Test;

class ShuffledBatchesTest {

    @Test
    void convertsBytesToFloatsInMinusOneToOneAsNchw() {
        // one face of side 2: pixel p has RGB (p * 80, 255, 0)
        byte[] px = new byte[2 * 2 * 3];
        for (int p = 0; p < 4; p++) {
            px[3 * p] = (byte) (p * 80);
            px[3 * p + 1] = (byte) 255;
        }
        float[] batch = new ShuffledBatches(new FaceSet(2, px, List.of("f")), 1, 0, 0).next(1);
        assertArrayEquals(new float[] {-1f, 80 / 127.5f - 1, 160 / 127.5f - 1, 240 / 127.5f - 1, 1, 1, 1, 1, -1, -1, -1, -1},
                batch, 1e-6f);
    }

    @Test
    void everyEpochVisitsEveryFaceOnceInAFreshOrder() {
        FaceSet faces = numberedFaces(9);
        ShuffledBatches batches = new ShuffledBatches(faces, 7, 0, 0);
        int[] epoch0 = faceIds(batches.next(9));
        int[] epoch1 = faceIds(batches.next(9));
        assertArrayEquals(IntStream.range(0, 9).toArray(), Arrays.stream(epoch0).sorted().toArray());
        assertArrayEquals(IntStream.range(0, 9).toArray(), Arrays.stream(epoch1).sorted().toArray());
        assertFalse(Arrays.equals(epoch0, epoch1));
        assertFalse(Arrays.equals(epoch0, faceIds(new ShuffledBatches(faces, 8, 0, 0).next(9))), "the seed matters");
        // the cursor moves to the next epoch when the next face is needed
        assertEquals(1, batches.epoch());
        assertEquals(9, batches.position());
    }

    @Test
    void theCursorAloneRepeatsTheBatchesThatFollow() {
        FaceSet faces = numberedFaces(10);
        ShuffledBatches uninterrupted = new ShuffledBatches(faces, 3, 0, 0);
        List<int[]> expected = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            expected.add(faceIds(uninterrupted.next(4)));
        }
        ShuffledBatches first = new ShuffledBatches(faces, 3, 0, 0);
        for (int i = 0; i < 5; i++) {
            first.next(4);
        }
        ShuffledBatches resumed = new ShuffledBatches(faces, 3, first.epoch(), first.position());
        for (int i = 5; i < 12; i++) {
            assertArrayEquals(expected.get(i), faceIds(resumed.next(4)), "batch " + i);
        }
    }

    /** Faces whose every byte is their index. */
    private static FaceSet numberedFaces(int n) {
        int fb = 2 * 2 * 3;
        byte[] px = new byte[n * fb];
        for (int i = 0; i < n; i++) {
            Arrays.fill(px, i * fb, (i + 1) * fb, (byte) i);
        }
        return new FaceSet(2, px, IntStream.range(0, n).mapToObj(i -> "f" + i).toList());
    }

    private static int[] faceIds(float[] batch) {
        int per = 3 * 2 * 2;
        int[] ids = new int[batch.length / per];
        for (int b = 0; b < ids.length; b++) {
            ids[b] = Math.round((batch[b * per] + 1) * 127.5f);
        }
        return ids;
    }
}
