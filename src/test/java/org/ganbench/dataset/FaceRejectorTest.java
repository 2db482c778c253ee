package org.ganbench.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaceRejectorTest {
    @TempDir
    Path dataset;

    @BeforeEach
    void faces() throws IOException {
        Files.createDirectories(dataset.resolve("faces"));
        for (String n : List.of("a.png", "b.png", "c.png")) {
            Files.write(dataset.resolve("faces").resolve(n), n.getBytes());
        }
    }

    @Test
    void rejectMovesFilesIntactAndUndoPutsThemBack() throws IOException {
        FaceRejector rejector = new FaceRejector(dataset);
        FaceRejector.Rejection r = rejector.reject(List.of("a.png", "c.png"));

        assertFalse(Files.exists(dataset.resolve("faces/a.png")));
        assertArrayEquals("a.png".getBytes(), Files.readAllBytes(dataset.resolve("rejected/a.png")));
        assertEquals(List.of("a.png", "c.png"), rejector.rejectedFaces());
        assertTrue(Files.exists(dataset.resolve("faces/b.png")));

        rejector.restore(r);
        assertEquals(List.of(), rejector.rejectedFaces());
        assertArrayEquals("c.png".getBytes(), Files.readAllBytes(dataset.resolve("faces/c.png")));
    }

    @Test
    void aMissingFaceMovesNothing() {
        FaceRejector rejector = new FaceRejector(dataset);
        assertThrows(NoSuchFileException.class, () -> rejector.reject(List.of("a.png", "nope.png")));
        assertTrue(Files.exists(dataset.resolve("faces/a.png")));
    }

    @Test
    void neverOverwritesAFaceAlreadyRejected() throws IOException {
        Files.createDirectories(dataset.resolve("rejected"));
        Files.writeString(dataset.resolve("rejected/b.png"), "older");
        FaceRejector rejector = new FaceRejector(dataset);
        assertThrows(FileAlreadyExistsException.class, () -> rejector.reject(List.of("a.png", "b.png")));
        assertEquals("older", Files.readString(dataset.resolve("rejected/b.png")));
        assertTrue(Files.exists(dataset.resolve("faces/a.png")));
        assertTrue(Files.exists(dataset.resolve("faces/b.png")));
    }

    @Test
    void refusesPathsOutsideTheFacesFolder() {
        FaceRejector rejector = new FaceRejector(dataset);
        assertThrows(IllegalArgumentException.class, () -> rejector.reject(List.of("../manifest.csv")));
    }
}
