package org.ganbench.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replacing files through a temporary sibling, with the sync now or deferred to a batch. */
class AtomicFilesTest {
    @TempDir
    Path tmp;

    @Test
    void deferredSyncWritesReplacesAndLeavesNoTemporaryFile() throws Exception {
        Path face = tmp.resolve("faces/a.png");
        AtomicFiles.writeWithDeferredSync(face, new byte[] {1, 2, 3});
        AtomicFiles.writeWithDeferredSync(face, new byte[] {4, 5});
        assertArrayEquals(new byte[] {4, 5}, Files.readAllBytes(face));
        try (var listing = Files.list(face.getParent())) {
            assertEquals(List.of(face), listing.toList(), "only the target, no temporary sibling");
        }
    }

    @Test
    void forceToDiskSyncsWrittenFilesAndRefusesMissingOnes() throws Exception {
        Path a = tmp.resolve("faces/a.png");
        Path b = tmp.resolve("faces/b.png");
        AtomicFiles.writeWithDeferredSync(a, new byte[] {1});
        AtomicFiles.writeWithDeferredSync(b, new byte[] {2});
        AtomicFiles.forceToDisk(List.of(a, b));
        assertArrayEquals(new byte[] {1}, Files.readAllBytes(a));
        AtomicFiles.forceToDisk(List.of()); // nothing written since the last batch
        // A face that vanished before its sync must not be named in a manifest as if it were safe.
        assertThrows(NoSuchFileException.class, () -> AtomicFiles.forceToDisk(List.of(tmp.resolve("faces/gone.png"))));
    }
}
