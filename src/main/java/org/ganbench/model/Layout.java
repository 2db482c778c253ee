package org.ganbench.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Whether an array's entries lie in one block in C order, as native code that takes a bare pointer reads them. */
final class Layout {
    private Layout() {
    }

    /**
     * One block in C order: element-wise stride 1, and C order where the order matters (rank 2 and up; ND4J may mark
     * a vector view of a larger array 'f').
     */
    static boolean isDense(INDArray a) {
        return a.elementWiseStride() == 1 && (a.rank() <= 1 || a.ordering() == 'c');
    }

    /** The array itself when dense, else a dense copy. */
    static INDArray dense(INDArray a) {
        return isDense(a) ? a : a.dup('c');
    }
}
