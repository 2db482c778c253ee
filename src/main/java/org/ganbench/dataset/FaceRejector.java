package org.ganbench.dataset;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * Rejects faces of a dataset by moving their files from {@code faces/} to {@code rejected/}, and restores them.
 * Nothing is ever deleted or overwritten; a batch either moves completely or not at all.
 */
public final class FaceRejector {
    private final Path faces;
    private final Path rejected;

    public FaceRejector(Path datasetDir) {
        this.faces = datasetDir.resolve("faces");
        this.rejected = datasetDir.resolve("rejected");
    }

    /** A completed rejection, enough to undo it. */
    public record Rejection(List<String> faces) {
        public Rejection {
            faces = List.copyOf(faces);
        }
    }

    /** Moves the named faces to {@code rejected/}. */
    public Rejection reject(Collection<String> names) throws IOException {
        Files.createDirectories(rejected);
        moveAll(names, faces, rejected);
        return new Rejection(new ArrayList<>(names));
    }

    /** Moves the faces of an earlier rejection back to {@code faces/}. */
    public void restore(Rejection rejection) throws IOException {
        moveAll(rejection.faces(), rejected, faces);
    }

    /** Names of the faces now in {@code rejected/}, sorted. */
    public List<String> rejectedFaces() throws IOException {
        if (!Files.isDirectory(rejected)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(rejected)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void moveAll(Collection<String> names, Path from, Path to) throws IOException {
        for (String name : names) {
            checkName(name);
            if (!Files.isRegularFile(from.resolve(name))) {
                throw new NoSuchFileException(from.resolve(name).toString(), null, "no such face");
            }
            if (Files.exists(to.resolve(name))) {
                throw new FileAlreadyExistsException(to.resolve(name).toString(), null,
                        "a face of that name is already there; nothing was moved");
            }
        }
        List<String> moved = new ArrayList<>();
        try {
            for (String name : names) {
                move(from.resolve(name), to.resolve(name));
                moved.add(name);
            }
        } catch (IOException e) {
            // Put back what already moved, so that the batch is all or nothing.
            for (String name : moved) {
                try {
                    move(to.resolve(name), from.resolve(name));
                } catch (IOException undo) {
                    e.addSuppressed(undo);
                }
            }
            throw e;
        }
    }

    private static void checkName(String name) {
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.equals("..") || name.equals(".")) {
            throw new IllegalArgumentException("not a face file name: '" + name + "'");
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }
}
