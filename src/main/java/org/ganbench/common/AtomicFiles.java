package org.ganbench.common;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Writes files so that a reader (or a process killed mid-write) sees either the old content or the new, never a
 * half-written file: write a temporary sibling, force it to disk, then rename over the target.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Writes what {@code body} produces to {@code target} atomically. */
    public static void write(Path target, IoConsumer<OutputStream> body) throws IOException {
        writeFile(target, tmp -> {
            // Closing twice (a writer that closes its target, then this block) is harmless here.
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                body.accept(out);
            }
        });
    }

    /**
     * Atomically replaces {@code target} with the file that {@code producer} writes at the path it is given (for
     * writers that want a path rather than a stream, e.g. a model serialiser).
     */
    public static void writeFile(Path target, IoConsumer<Path> producer) throws IOException {
        replace(target, producer, true);
    }

    /**
     * Atomic for readers like {@link #write} (the target holds the old content or the new), but not yet durable: after
     * a crash the target may be missing or empty until the caller has passed it to {@link #forceToDisk}. For many
     * small files named by an index written later (a dataset's faces before its manifest): one batch of syncs off
     * the busy threads instead of one sync per file on them.
     */
    public static void writeWithDeferredSync(Path target, byte[] content) throws IOException {
        replace(target, tmp -> Files.write(tmp, content), false);
    }

    /**
     * Forces files written by {@link #writeWithDeferredSync} to disk, then their folders, so that their renames are
     * durable too; after this returns, a crash leaves each of them whole.
     */
    public static void forceToDisk(Collection<Path> files) throws IOException {
        Set<Path> dirs = new LinkedHashSet<>();
        for (Path file : files) {
            force(file, StandardOpenOption.WRITE);
            dirs.add(file.toAbsolutePath().getParent());
        }
        for (Path dir : dirs) {
            force(dir, StandardOpenOption.READ); // a folder can only be opened for reading; Linux syncs it all the same
        }
    }

    private static void force(Path path, StandardOpenOption mode) throws IOException {
        try (FileChannel channel = FileChannel.open(path, mode)) {
            channel.force(true);
        }
    }

    private static void replace(Path target, IoConsumer<Path> producer, boolean sync) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + target.getFileName() + "."
                + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            producer.accept(tmp);
            if (sync) {
                force(tmp, StandardOpenOption.WRITE);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** An output-producing step that may fail with an I/O error. */
    @FunctionalInterface
    public interface IoConsumer<T> {
        void accept(T value) throws IOException;
    }
}
