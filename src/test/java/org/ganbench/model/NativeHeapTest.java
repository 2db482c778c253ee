package org.ganbench.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Platform;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class NativeHeapTest {
    @Test
    void glibcKeepsFreedBlocks() {
        Assumptions.assumeTrue(Platform.isLinux(), "glibc's mallopt exists on Linux only");
        assertTrue(NativeHeap.retainFreedBlocks());
        assertTrue(NativeHeap.retainFreedBlocks(), "a second call keeps the setting");
    }
}
